import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";
import type { Env } from "../config/env.ts";
import { createInboundHandler, type HandleInbound } from "../conversations/handle-inbound.ts";
import type { Cipher } from "../crypto/create-cipher.ts";
import { openMasterKey } from "./open-master-key.ts";
import { secureDataDir } from "./secure-data-dir.ts";
import { applyMigrations } from "../db/apply-migrations.ts";
import { createPrismaClient, type Db } from "../db/create-prisma-client.ts";
import { openDatabaseUrl } from "../db/open-database-url.ts";
import { HELP_CONTACTS } from "../domain/contacts/help-contacts.ts";
import { createApp } from "./create-app.ts";
import { createEventBus, type EventBus } from "../events/event-bus.ts";
import { createReferralMailer } from "../casework/send-referrals.ts";
import { createI18n, type Translate } from "../i18n/create-i18n.ts";
import type { Logger } from "../log/create-logger.ts";
import { createOutbox, type Outbox } from "../outbox/run-outbox.ts";
import { seedPartners } from "../domain/partners/seed-partners.ts";
import type { WhatsAppHandle } from "../channels/whatsapp/start-whatsapp.ts";
import type { TelegramChannel } from "../channels/telegram/start-telegram.ts";
import { toTelegramConfig } from "../channels/telegram/to-telegram-config.ts";
import type { WhatsAppSocketFactory, WhatsAppStatus } from "../channels/whatsapp/types.ts";
import type { Sleep } from "../retry/retry-with-backoff.ts";
import type { TelegramBotOptions } from "../channels/telegram/create-telegram-bot.ts";

export type Lentera = {
  app: Hono;
  db: Db;
  cipher: Cipher;
  t: Translate;
  outbox: Outbox;
  events: EventBus;
  handleInbound: HandleInbound;
  /** the WhatsApp link's state and QR code while unlinked (admins only), or `disabled` without WHATSAPP_ENABLED */
  getWhatsAppStatus(): WhatsAppStatus | { state: "disabled" };
  /** the WhatsApp channel when WHATSAPP_ENABLED (relink, status) */
  whatsapp?: WhatsAppHandle;
  /** the Telegram channel when TELEGRAM_BOT_TOKEN is set */
  telegram?: TelegramChannel;
  /** the PostgreSQL URL in use (embedded: the socket of DATA_DIR) */
  databaseUrl: string;
  /** the address the server listens on (when `listen` was asked for) */
  url?: string;
  close(): Promise<void>;
};

/**
 * Wires Lentera together: database (embedded or server) with migrations applied, encryption, i18n,
 * conversation engine, outbox, HTTP app; and, when asked, the HTTP server. `close()` undoes it in order.
 */
export async function startLentera(
  env: Env,
  options: {
    log: Logger;
    listen?: boolean;
    now?: () => Date;
    onMissingTranslation?: (locale: string, key: string) => void;
    whatsappSocketFactory?: WhatsAppSocketFactory;
    /** the clock of retry waits outside the outbox (tests pass one that does not wait) */
    sleep?: Sleep;
    /** Telegram's per-chat pacing (tests raise the burst so long flows do not wait a second a message) */
    telegramThrottle?: TelegramBotOptions["privateChatThrottle"];
  },
): Promise<Lentera> {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const database = await openDatabaseUrl({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const closers: (() => Promise<void>)[] = [database.close];
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length) log.info({ migrations: applied }, "database migrations applied");
    const db = createPrismaClient(database.url, { maxConnections: env.DATABASE_URL ? 10 : 1 });
    closers.unshift(() => db.$disconnect());
    // Before anything reads or writes data: a wrong or missing key stops the start (KeyCheckError, exit 78).
    const cipher = await openMasterKey(env, db);
    if (!env.DATABASE_URL) await secureDataDir(env.DATA_DIR, (m) => log.warn(m));
    const seededPartners = await seedPartners(db);
    if (seededPartners)
      log.info({ partners: seededPartners }, 'example partners seeded (replace them: README "Console")');
    const { t } = createI18n({
      onMissing: options.onMissingTranslation ?? ((locale, key) => log.error({ locale, key }, "missing translation")),
    });
    const outbox = createOutbox({ db, cipher, log, now });
    closers.unshift(() => outbox.stop());
    const referrals = env.SMTP_URL
      ? createReferralMailer({ db, cipher, t, now, log, smtpUrl: env.SMTP_URL, from: env.SMTP_FROM })
      : undefined;
    if (referrals) closers.unshift(() => referrals.stop());
    const events = createEventBus((error, event) =>
      log.error(
        { err: error instanceof Error ? error.message : String(error), event: event.type },
        "event subscriber failed",
      ),
    );
    const conversationDeps = {
      db,
      cipher,
      t,
      now,
      contacts: HELP_CONTACTS,
      events,
      onOutbound: () => void outbox.kick(),
      ...(env.SAFE_WORD ? { safeWord: env.SAFE_WORD } : {}),
    };
    const handleInbound = createInboundHandler(conversationDeps);
    // Baileys is loaded only when WhatsApp is on.
    const whatsapp = env.WHATSAPP_ENABLED
      ? (await import("../channels/whatsapp/start-whatsapp.ts")).startWhatsApp({
          db,
          cipher,
          log,
          events,
          outbox,
          handleInbound,
          ...(options.whatsappSocketFactory ? { socketFactory: options.whatsappSocketFactory } : {}),
        })
      : undefined;
    if (whatsapp) closers.unshift(() => whatsapp.stop());
    // grammY is loaded only when Telegram is on.
    const telegramConfig = toTelegramConfig(env);
    const telegram = telegramConfig
      ? (await import("../channels/telegram/start-telegram.ts")).startTelegram({
          config: telegramConfig,
          db,
          cipher,
          t,
          now,
          log,
          events,
          handleInbound,
          ...(options.sleep ? { sleep: options.sleep } : {}),
          ...(options.telegramThrottle ? { privateChatThrottle: options.telegramThrottle } : {}),
        })
      : undefined;
    if (telegram) {
      outbox.register(telegram.sender);
      closers.unshift(() => telegram.stop());
    }
    const getWhatsAppStatus = () => whatsapp?.getStatus() ?? { state: "disabled" as const };
    const app = createApp({
      ...conversationDeps,
      handleInbound,
      log,
      trustProxy: env.TRUST_PROXY,
      webchatConversationsPerHour: env.WEBCHAT_CONVERSATIONS_PER_IP_PER_HOUR,
      console: {
        sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
        ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
        whatsappStatus: getWhatsAppStatus,
        ...(referrals ? { referrals } : {}),
        ...(whatsapp ? { relinkWhatsApp: () => whatsapp.relink() } : {}),
      },
      ...(telegram ? { mount: (app: Hono) => telegram.mount(app) } : {}),
      checkHealth: async () => {
        try {
          await db.$queryRaw`SELECT 1`;
          return { ok: true, database: "up", whatsapp: getWhatsAppStatus().state };
        } catch {
          return { ok: false, database: "down", whatsapp: getWhatsAppStatus().state };
        }
      },
    });
    outbox.start();
    referrals?.start();
    telegram?.start();

    const lentera: Lentera = {
      app,
      db,
      cipher,
      t,
      outbox,
      events,
      handleInbound,
      getWhatsAppStatus,
      ...(whatsapp ? { whatsapp } : {}),
      ...(telegram ? { telegram } : {}),
      databaseUrl: database.url,
      close: async () => closeAll(closers),
    };
    if (options.listen) {
      const server = await listen(app, env.HOST, env.PORT);
      // Stop accepting, let requests in flight (turns being stored) finish, drop idle keep-alive connections.
      closers.unshift(
        () =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          }),
      );
      const { port } = server.address() as AddressInfo;
      lentera.url = `http://${env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST}:${port}`;
    }
    return lentera;
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

function listen(app: Hono, hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname, port }, () => resolve(server));
    server.once("error", reject);
  });
}

async function closeAll(closers: (() => Promise<void>)[]) {
  for (const close of closers.splice(0)) {
    await close().catch(() => {});
  }
}
