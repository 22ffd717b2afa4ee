import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import type { Hono } from "hono";
import type { Env } from "../config/env.ts";
import { createInboundHandler, type HandleInbound } from "../conversations/handle-inbound.ts";
import { createAddressMerger } from "../conversations/merge-addresses.ts";
import type { Cipher } from "../crypto/create-cipher.ts";
import { openMasterKey } from "../db/open-master-key.ts";
import { secureDataDir } from "./secure-data-dir.ts";
import { applyMigrations } from "../db/apply-migrations.ts";
import { createPrismaClient, type Db } from "../db/create-prisma-client.ts";
import { openDatabaseUrl } from "../db/open-database-url.ts";
import { createHelpLineBook, seedHelpLines } from "../domain/contacts/help-line-book.ts";
import { createApp } from "./create-app.ts";
import { createScrubber } from "../db/scrub-erased-data.ts";
import { loadAllPersonKeys } from "../domain/privacy/person-keys.ts";
import { createEventBus, type EventBus } from "../events/event-bus.ts";
import { createReferralMailer } from "../casework/send-referrals.ts";
import { createStaffAlertMailer } from "../casework/send-staff-alerts.ts";
import { createI18n, type Translate } from "../i18n/create-i18n.ts";
import type { Logger } from "../log/create-logger.ts";
import { createOutbox, type Outbox } from "../outbox/run-outbox.ts";
import { seedPartners } from "../domain/partners/seed-partners.ts";
import { createStatsService } from "../domain/stats/create-stats-service.ts";
import { toLoggedError } from "../log/to-logged-error.ts";
import type { WhatsAppDeps, WhatsAppHandle } from "../channels/whatsapp/start-whatsapp.ts";
import type { TelegramChannel } from "../channels/telegram/start-telegram.ts";
import { toTelegramConfig } from "../channels/telegram/to-telegram-config.ts";
import type { WhatsAppSocketFactory, WhatsAppStatus } from "../channels/whatsapp/types.ts";
import type { Sleep } from "../retry/retry-with-backoff.ts";
import type { TelegramBotOptions } from "../channels/telegram/create-telegram-bot.ts";
import { purgeExpiredRecords } from "../domain/retention/purge-expired-records.ts";
import { purgeExpiredMedia } from "../domain/media/media-files.ts";
import { createPoller } from "../retry/create-poller.ts";
import { refreshPlannerStatistics } from "../db/refresh-planner-statistics.ts";

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
  /**
   * Stops in order: the HTTP server first (new requests 503, keep-alive connections closed after their
   * answer, requests in flight finish), then channels and the outbox (sends under way are recorded; pending
   * replies stay for the next start), then the database. Everything is done within `timeoutMs`.
   */
  close(options?: { timeoutMs?: number }): Promise<void>;
};

/** Raised by `startLentera` when its `signal` was aborted during start-up (after migrations finished cleanly). */
export class StartAborted extends Error {}

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
    /** WhatsApp's pace and reconnect backoff (tests shorten the 1 s between messages to a chat and the 1 s reconnect) */
    whatsappTimings?: Pick<WhatsAppDeps, "pace" | "reconnect">;
    /** the clock of retry waits outside the outbox (tests pass one that does not wait) */
    sleep?: Sleep;
    /** Telegram's per-chat pacing (tests raise the burst so long flows do not wait a second a message) */
    telegramThrottle?: TelegramBotOptions["privateChatThrottle"];
    /** the caseworker group's pacing on Telegram (tests shorten grammY's second between alerts) */
    telegramGroupThrottle?: TelegramBotOptions["groupChatThrottle"];
    /** how often the console's live streams look again unwoken (tests shorten the 5 s) */
    liveCheckMs?: number;
    /** SIGTERM during start-up: the migration under way finishes, then start-up stops and cleans up */
    signal?: AbortSignal;
  },
): Promise<Lentera> {
  const { log } = options;
  const now = options.now ?? (() => new Date());
  const database = await openDatabaseUrl({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const closers: ((deadline: number) => Promise<void>)[] = [database.close];
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length) log.info({ migrations: applied }, "database migrations applied");
    if (options.signal?.aborted) throw new StartAborted("stopped during start-up");
    let lastDbErrorAt = 0;
    const db = createPrismaClient(database.url, {
      maxConnections: env.DATABASE_URL ? 10 : 1,
      preparedStatements: !env.DATABASE_URL,
      // A restart or failover of PostgreSQL ends connections; the pool reconnects on the next query.
      onConnectionError: (error) => {
        if (Date.now() - lastDbErrorAt < 5_000) return;
        lastDbErrorAt = Date.now();
        log.warn({ err: { name: error.name, code: (error as { code?: string }).code } }, "database connection lost");
      },
    });
    closers.unshift(() => db.$disconnect());
    // Last before the database closes: nothing of an erased person survives in its files (README "Encryption").
    const scrubber = createScrubber(db, log);
    closers.unshift(() => scrubber.flush());
    // Before anything reads or writes data: a wrong or missing key stops the start (KeyCheckError, exit 78).
    const cipher = await openMasterKey(env, db);
    await loadAllPersonKeys(db, cipher);
    if (!env.DATABASE_URL) await secureDataDir(env.DATA_DIR, (m) => log.warn(m));
    const seededPartners = await seedPartners(db);
    if (seededPartners)
      log.info({ partners: seededPartners }, 'example partners seeded (replace them: README "Console")');
    // Help lines: the researched ones a fresh database lacks, then the table as admins keep it.
    const seededLines = await seedHelpLines(db);
    if (seededLines)
      log.info({ helpLines: seededLines }, 'help lines seeded from public sources (confirm them: README "Console")');
    const helpLines = createHelpLineBook(db);
    await helpLines.refresh();
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
    events.subscribe("chat.wiped", () => scrubber.request());
    events.subscribe("wipe.done", () => scrubber.request());
    if (env.SMTP_URL && (env.SMTP_ALERT_TO || env.SMTP_NOTIFY_ASSIGNED)) {
      const alerts = createStaffAlertMailer({
        smtpUrl: env.SMTP_URL,
        from: env.SMTP_FROM,
        urgentTo: env.SMTP_ALERT_TO ?? [],
        t,
        log,
        ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
        ...(options.sleep ? { sleep: options.sleep } : {}),
      });
      events.subscribe("ticket.opened", (event) => {
        if (event.priority === "urgent") alerts.notifyUrgent(event);
      });
      if (env.SMTP_NOTIFY_ASSIGNED)
        events.subscribe("ticket.assigned", async (event) => {
          const assignee = await db.caseworker.findUnique({ where: { id: event.assigneeId } });
          if (assignee?.active) alerts.notifyAssigned({ ...event, email: assignee.email });
        });
      closers.unshift(() => alerts.idle());
    }
    const mediaLimits = {
      maxFileBytes: env.MEDIA_MAX_FILE_BYTES,
      perDayCount: env.MEDIA_FILES_PER_PERSON_PER_DAY,
      perDayBytes: env.MEDIA_BYTES_PER_PERSON_PER_DAY,
      retentionDays: env.RETENTION_MEDIA_DAYS,
    };
    const conversationDeps = {
      mediaLimits,
      db,
      cipher,
      t,
      now,
      contacts: helpLines.directory,
      events,
      onOutbound: () => void outbox.kick(),
      ...(env.SAFE_WORD ? { safeWord: env.SAFE_WORD } : {}),
    };
    const handleInbound = createInboundHandler(conversationDeps);
    const mergeAddresses = createAddressMerger({ db, cipher });
    // Baileys is loaded only when WhatsApp is on.
    const whatsapp = env.WHATSAPP_ENABLED
      ? (await import("../channels/whatsapp/start-whatsapp.ts")).startWhatsApp({
          db,
          cipher,
          log,
          events,
          outbox,
          handleInbound,
          mergeAddresses: (lid, pn) => mergeAddresses("whatsapp", lid, pn),
          mediaMaxFileBytes: env.MEDIA_MAX_FILE_BYTES,
          ...(options.whatsappSocketFactory ? { socketFactory: options.whatsappSocketFactory } : {}),
          ...options.whatsappTimings,
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
          ...(options.telegramGroupThrottle ? { groupChatThrottle: options.telegramGroupThrottle } : {}),
          mediaMaxFileBytes: env.MEDIA_MAX_FILE_BYTES,
          shareSendLimit: Boolean(env.DATABASE_URL),
        })
      : undefined;
    if (telegram) {
      outbox.register(telegram.sender);
      closers.unshift(() => telegram.stop());
    }
    const getWhatsAppStatus = () => whatsapp?.getStatus() ?? { state: "disabled" as const };
    // Statistics: a running server keeps its case facts warm, so the page answers from memory.
    const statsService = createStatsService(
      db,
      { minGroup: env.STATS_MIN_GROUP, resolution: env.STATS_RESOLUTION },
      { now },
    );
    if (options.listen) {
      const stop = statsService.refreshEvery(15_000, (error) =>
        log.warn({ err: toLoggedError(error) }, "statistics refresh failed"),
      );
      closers.unshift(async () => stop());
      // Another instance's admin may change a line: read the table again every minute.
      const linesTimer = setInterval(
        () =>
          void helpLines
            .refresh()
            .catch((error) => log.warn({ err: toLoggedError(error) }, "help lines refresh failed")),
        60_000,
      );
      linesTimer.unref();
      closers.unshift(async () => clearInterval(linesTimer));
    }
    const app = createApp({
      ...conversationDeps,
      handleInbound,
      log,
      trustProxy: env.TRUST_PROXY,
      webchatConversationsPerHour: env.WEBCHAT_CONVERSATIONS_PER_IP_PER_HOUR,
      statsService,
      helpLines,
      console: {
        sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
        ...(env.PUBLIC_URL ? { publicUrl: env.PUBLIC_URL } : {}),
        whatsappStatus: getWhatsAppStatus,
        ...(referrals ? { referrals } : {}),
        ...(whatsapp ? { relinkWhatsApp: () => whatsapp.relink() } : {}),
        ...(options.liveCheckMs ? { liveCheckMs: options.liveCheckMs } : {}),
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
    // Retention of the files people sent (RETENTION_MEDIA_DAYS), of sign-in attempts and audit events, and of
    // the shared rate counters: at start, then every RETENTION_RUN_EVERY_HOURS.
    if (env.RETENTION_RUN_EVERY_HOURS > 0) {
      const retention = createPoller(
        async () => {
          const purged = await purgeExpiredMedia(db, now());
          if (purged) log.info({ files: purged }, "retention: expired media files deleted");
          const records = await purgeExpiredRecords(db, now(), {
            loginAttemptDays: env.RETENTION_LOGIN_ATTEMPT_DAYS,
            auditDays: env.RETENTION_AUDIT_DAYS,
          });
          if (Object.values(records).some(Boolean)) log.info(records, "retention: expired records deleted");
        },
        {
          pollMs: env.RETENTION_RUN_EVERY_HOURS * 3600_000,
          onError: (error) => log.warn({ err: toLoggedError(error) }, "retention: purge failed"),
        },
      );
      retention.start();
      closers.unshift(() => retention.stop());
    }
    if (!env.DATABASE_URL) closers.unshift(refreshPlannerStatistics(db, log));
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
      close: async (closeOptions) => {
        const deadline = Date.now() + (closeOptions?.timeoutMs ?? env.SHUTDOWN_TIMEOUT_MS);
        await closeAll(closers, deadline);
      },
    };
    if (options.signal?.aborted) throw new StartAborted("stopped during start-up");
    if (options.listen) {
      const gate = createShutdownGate();
      const server = await listen(gate.wrap(app.fetch), env.HOST, env.PORT);
      closers.unshift(async (deadline) => {
        gate.drain();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Turns being stored get most of the time; the rest is for channels, outbox and database.
        await Promise.race([gate.idle(), delay(Math.max(0, (deadline - Date.now()) * 0.6))]);
        server.closeAllConnections();
        await closed;
      });
      const { port } = server.address() as AddressInfo;
      lentera.url = `http://${env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST}:${port}`;
    }
    return lentera;
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

type NodeServer = ServerType & { closeIdleConnections(): void; closeAllConnections(): void };

function listen(fetch: Hono["fetch"], hostname: string, port: number): Promise<NodeServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolve(server as NodeServer)) as NodeServer;
    server.once("error", reject);
  });
}

/**
 * Counts requests in flight and, once draining, answers new ones 503 (`Retry-After`, so Telegram and load
 * balancers go elsewhere or come back) and asks keep-alive clients to close after their answer: a client
 * that keeps its connection open cannot keep feeding a stopping server.
 */
function createShutdownGate() {
  let draining = false;
  let inFlight = 0;
  const onIdle: (() => void)[] = [];
  return {
    wrap(fetch: Hono["fetch"]): Hono["fetch"] {
      return async (request, ...rest) => {
        if (draining)
          return new Response(
            JSON.stringify({ error: { code: "shutting_down", message: "Lentera is restarting; try again shortly." } }),
            { status: 503, headers: { "content-type": "application/json", "retry-after": "5", connection: "close" } },
          );
        inFlight += 1;
        try {
          const response = await fetch(request, ...rest);
          if (!draining) return response;
          const closing = new Response(response.body, response);
          closing.headers.set("connection", "close");
          return closing;
        } finally {
          inFlight -= 1;
          if (inFlight === 0) for (const resolve of onIdle.splice(0)) resolve();
        }
      };
    },
    drain() {
      draining = true;
    },
    idle(): Promise<void> {
      return inFlight === 0 ? Promise.resolve() : new Promise((resolve) => onIdle.push(resolve));
    },
  };
}

/** Runs the closers in order; each one that overruns the deadline is left behind so the database still closes. */
async function closeAll(closers: ((deadline: number) => Promise<void>)[], deadline = Date.now() + 10_000) {
  const list = closers.splice(0);
  for (const [index, close] of list.entries()) {
    const last = index === list.length - 1;
    // the last closer (the database) always runs to its end; the others may use the time left but a second
    const share = Math.max(0, deadline - Date.now() - 1000);
    await Promise.race([close(deadline).catch(() => {}), ...(last ? [] : [delay(share)])]);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
