import { randomUUID } from "node:crypto";
import { run, sequentialize, type RunnerHandle } from "@grammyjs/runner";
import type { Hono } from "hono";
import type { UserFromGetMe } from "grammy/types";
import type { HandleInbound } from "../../conversations/handle-inbound.ts";
import type { Cipher } from "../../crypto/create-cipher.ts";
import { createLease } from "../../db/create-lease.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import type { EventBus, LenteraEvent } from "../../events/event-bus.ts";
import type { Translate } from "../../i18n/create-i18n.ts";
import type { Logger } from "../../log/create-logger.ts";
import type { ChannelSender } from "../../outbox/types.ts";
import { sleep, type Sleep } from "../../retry/retry-with-backoff.ts";
import { claimSharedBudget } from "../../db/claim-shared-budget.ts";
import { createTelegramBot, type TelegramBotOptions } from "./create-telegram-bot.ts";
import { createSendBudget, TELEGRAM_SENDS_PER_SECOND } from "./share-send-budget.ts";
import { createTelegramSender } from "./create-telegram-sender.ts";
import { createTelegramWebhookRoutes } from "./create-telegram-webhook-routes.ts";
import { createUpdateHandler } from "./create-update-handler.ts";
import { createTelegramWipeRunner } from "./run-wipe-jobs.ts";
import { findMissedAlerts, markAlertPosted } from "./post-missed-alerts.ts";
import { ALERT_PRIORITIES, postAlertSummary, postTicketAlert } from "./post-ticket-alert.ts";
import { createAlertCap } from "./cap-ticket-alerts.ts";
import { setBotCommands } from "./set-bot-commands.ts";
import { createMediaFetcher } from "../../conversations/media/create-media-fetcher.ts";
import { createTelegramFileFetcher, TELEGRAM_MAX_DOWNLOAD_BYTES } from "./fetch-telegram-file.ts";

/** The lease that lets one instance at a time post the alerts a restart missed (several instances, one database). */
export const MISSED_ALERTS_LEASE = "telegram-missed-alerts";

/** The update kinds Lentera asks Telegram for (webhook and long polling alike). */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;

export type TelegramConfig = {
  token: string;
  mode: "webhook" | "polling";
  /** required in webhook mode */
  webhookSecret?: string;
  apiRoot?: string;
  caseworkerChatId?: string;
  publicUrl?: string;
  safeWord?: string;
};

export type TelegramDeps = {
  config: TelegramConfig;
  db: Db;
  cipher: Cipher;
  t: Translate;
  now: () => Date;
  log: Logger;
  events: EventBus;
  handleInbound: HandleInbound;
  /** the bot's profile when known (skips getMe) */
  botInfo?: UserFromGetMe;
  /** the clock of retry waits (tests pass one that does not wait) */
  sleep?: Sleep;
  /** per-chat pacing of the Bot API calls (tests raise the burst) */
  privateChatThrottle?: TelegramBotOptions["privateChatThrottle"];
  /** the caseworker group's pacing (tests shorten it) */
  groupChatThrottle?: TelegramBotOptions["groupChatThrottle"];
  /**
   * Keep the bot's 30 sends a second across every instance on the database (a PostgreSQL server, where
   * several may run); on the embedded database there is one process and its throttler is enough.
   */
  shareSendLimit?: boolean;
  /** MEDIA_MAX_FILE_BYTES: larger files are not fetched (Telegram's own limit for bots is 20 MB) */
  mediaMaxFileBytes?: number;
};

export type TelegramChannel = {
  /** register with the outbox */
  sender: ChannelSender;
  /** adds `POST /webhooks/telegram` (webhook mode) */
  mount(app: Hono): void;
  /** registers the command menu; in polling mode removes any webhook and starts long polling */
  start(): void;
  stop(): Promise<void>;
  /** resolves when no background call (button answers, deletions, alerts) is in flight */
  idle(): Promise<void>;
  /** fetches the files that are due now (the job also runs on a timer and after each file that arrives) */
  fetchMedia(): Promise<void>;
};

/**
 * The Telegram channel: a grammY bot that converts updates into engine inputs (the engine decides what to
 * answer), a sender that delivers stored replies for the outbox, the webhook route or long polling, and
 * two subscribers — redacted alerts of urgent and high tickets to the caseworker group, and deletion of a
 * wiped person's messages from their chat.
 */
export function startTelegram(deps: TelegramDeps): TelegramChannel {
  const { config, log } = deps;
  const { bot, unthrottledApi } = createTelegramBot({
    token: config.token,
    ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}),
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    ...(deps.privateChatThrottle ? { privateChatThrottle: deps.privateChatThrottle } : {}),
    ...(deps.groupChatThrottle ? { groupChatThrottle: deps.groupChatThrottle } : {}),
    ...(deps.shareSendLimit ? { sendBudget: sharedSendBudget(deps.db) } : {}),
  });
  const pending = new Set<Promise<unknown>>();
  const stopping = new AbortController();
  let runner: RunnerHandle | undefined;

  function background(name: string, task: () => Promise<unknown>) {
    const promise: Promise<unknown> = task()
      .catch((error: unknown) =>
        log.warn({ call: name, err: describeError(error) }, "telegram: background call failed"),
      )
      .finally(() => pending.delete(promise));
    pending.add(promise);
  }

  // Files people send are fetched by a job of their own (retried, never on the update's path).
  const media = createMediaFetcher({
    db: deps.db,
    cipher: deps.cipher,
    channel: "telegram",
    fetch: createTelegramFileFetcher({
      api: unthrottledApi,
      token: config.token,
      ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}),
    }),
    log,
    now: deps.now,
    maxFileBytes: Math.min(deps.mediaMaxFileBytes ?? TELEGRAM_MAX_DOWNLOAD_BYTES, TELEGRAM_MAX_DOWNLOAD_BYTES),
  });

  // One chat's updates one after another, in arrival order; different chats side by side.
  bot.use(sequentialize((ctx) => (ctx.chat ? String(ctx.chat.id) : undefined)));
  bot.use(
    createUpdateHandler({
      db: deps.db,
      cipher: deps.cipher,
      t: deps.t,
      log,
      handleInbound: deps.handleInbound,
      mode: config.mode,
      ...(config.safeWord ? { safeWord: config.safeWord } : {}),
      background,
      unthrottledApi,
      onMedia: () => background("mediaDownloads", () => media.kick()),
    }),
  );
  bot.catch((error) => log.error({ err: describeError(error.error) }, "telegram: update failed"));

  const sender = createTelegramSender({ api: bot.api, db: deps.db, t: deps.t });
  const wipes = createTelegramWipeRunner({
    db: deps.db,
    cipher: deps.cipher,
    api: unthrottledApi,
    sender,
    log,
    now: deps.now,
    onDone: () => deps.events.publish({ type: "wipe.done", channel: "telegram" }),
  });
  const unsubscribe = [
    // The wipe itself is a job stored with the erasure (domain/privacy/wipe-jobs.ts): run it now.
    deps.events.subscribe("chat.wiped", (event) => {
      if (event.channel === "telegram") background("wipeJobs", () => wipes.kick());
    }),
  ];
  const caseworkerChatId = config.caseworkerChatId;
  const alertDeps = () => ({
    api: bot.api,
    t: deps.t,
    chatId: caseworkerChatId!,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    signal: stopping.signal,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  // A flood of urgent tickets pages the group at most MAX_ALERTS_PER_MINUTE times, then once with "N more".
  const alertCap = createAlertCap({
    db: deps.db,
    now: deps.now,
    sleep: (ms) => (deps.sleep ?? sleep)(ms, stopping.signal),
    summarise: async (held) => {
      if (stopping.signal.aborted) return;
      const outcome = await postAlertSummary(alertDeps(), held.length);
      if (outcome !== "sent") return log.error({ count: held.length }, "telegram: alert summary could not be posted");
      for (const event of held) await markAlertPosted(deps.db, event.ticketId, deps.now());
    },
  });
  const postAlert = (event: Extract<LenteraEvent, { type: "ticket.opened" }>) =>
    background("sendMessage", async () => {
      if (!caseworkerChatId) return;
      // held: the summary goes out when the minute ends (a stop drops it; the next start posts what was missed)
      if ((await alertCap.admit(event)) === "held") return;
      const outcome = await postTicketAlert(alertDeps(), event);
      if (outcome === "sent") await markAlertPosted(deps.db, event.ticketId, deps.now());
      else log.error({ ticketId: event.ticketId }, "telegram: caseworker alert could not be posted");
    });
  if (caseworkerChatId) {
    unsubscribe.push(
      deps.events.subscribe("ticket.opened", (event) => {
        if (ALERT_PRIORITIES.includes(event.priority)) postAlert(event);
      }),
    );
  }

  return {
    sender,
    mount(app) {
      if (config.mode !== "webhook") return;
      if (!config.webhookSecret)
        throw new Error("TELEGRAM_WEBHOOK_SECRET is required in webhook mode (openssl rand -hex 32).");
      app.route("/webhooks/telegram", createTelegramWebhookRoutes({ bot, secret: config.webhookSecret }));
    },
    start() {
      background("setMyCommands", () => setBotCommands(bot.api, deps.t));
      // Wipes a restart or an API failure interrupted go on (and each new one is kicked at once).
      wipes.start();
      // Files still to fetch (a restart, a failed try) are fetched now and on a timer.
      media.start();
      // Alerts a restart may have lost (they are retried from memory): posted now, once — by one instance
      // at a time when several start together on one database (the others find them marked afterwards).
      if (caseworkerChatId)
        background("findMissedAlerts", async () => {
          const lease = createLease(deps.db, {
            name: MISSED_ALERTS_LEASE,
            holder: randomUUID(),
            ttlMs: 5 * 60_000,
            now: deps.now,
          });
          if (!(await lease.acquire())) return;
          // held until it expires: an instance starting meanwhile finds the alerts being posted and leaves them
          (await findMissedAlerts(deps.db, deps.now())).forEach(postAlert);
        });
      if (config.mode !== "polling") return;
      background("deleteWebhook", async () => {
        await bot.api
          .deleteWebhook()
          .catch((error: unknown) =>
            log.warn({ err: describeError(error) }, "telegram: deleteWebhook failed; polling anyway"),
          );
        if (stopping.signal.aborted) return;
        runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] }, silent: true } });
        log.info("telegram: long polling started");
        void runner
          .task()
          ?.catch((error: unknown) => log.error({ err: describeError(error) }, "telegram: long polling stopped"));
      });
    },
    async stop() {
      stopping.abort();
      for (const off of unsubscribe) off();
      if (runner?.isRunning()) await runner.stop();
      while (pending.size) await Promise.allSettled([...pending]);
      await wipes.stop();
      await media.stop();
    },
    fetchMedia: () => media.kick(),
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
      await wipes.idle();
      await media.idle();
    },
  };
}

/** Error name and Telegram's description only: never payloads, chat ids or the token. */
function describeError(error: unknown): string {
  if (error && typeof error === "object" && "error_code" in error && "description" in error)
    return `telegram ${String(error.error_code)}: ${String(error.description)}`;
  return error instanceof Error ? error.name : "unknown";
}

/** The key of the bot's shared send counter (RateCounter), one window a second. */
export const TELEGRAM_SENDS_KEY = "telegram-sends";

/** On the wall clock, not the injected one: Telegram counts real seconds (and a test's frozen clock would stall). */
function sharedSendBudget(db: Db) {
  const now = () => new Date();
  return createSendBudget({
    claim: (want) =>
      claimSharedBudget(db, { key: TELEGRAM_SENDS_KEY, limit: TELEGRAM_SENDS_PER_SECOND, windowMs: 1000, want, now }),
    now,
    sleep,
  });
}
