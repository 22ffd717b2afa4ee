import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Api, Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { SENDING_METHODS, type SendBudget } from "./share-send-budget.ts";

/** Housekeeping calls (button answers, keyboard edits, deletions) wait out a 429 of at most this long in place. */
export const INLINE_RETRY_MAX_SECONDS = 3;

/** A Bot API call without an answer after this long is given up (a send counts as delivered, unconfirmed). */
export const BOT_API_TIMEOUT_SECONDS = 30;

/**
 * Per private chat: a burst of up to 20 messages, then about one a second (Telegram's guidance), and 30 a
 * second across all chats (grammY's throttler default). Group chats keep the throttler's 20 a minute.
 */
export const PRIVATE_CHAT_THROTTLE = {
  maxConcurrent: 1,
  reservoir: 20,
  reservoirIncreaseAmount: 1,
  reservoirIncreaseInterval: 1000,
  reservoirIncreaseMaximum: 20,
};

/** grammY's throttler's own pace for group chats: 20 a minute, at least a second apart. */
const GROUP_CHAT_THROTTLE = {
  maxConcurrent: 1,
  minTime: 1000,
  reservoir: 20,
  reservoirRefreshAmount: 20,
  reservoirRefreshInterval: 60_000,
};

export type TelegramBotOptions = {
  token: string;
  /** TELEGRAM_API_ROOT; grammY's default is https://api.telegram.org */
  apiRoot?: string;
  /** the bot's own profile; without it grammY asks getMe once before the first update */
  botInfo?: UserFromGetMe;
  /** per-private-chat pacing (default PRIVATE_CHAT_THROTTLE); tests raise the burst so a long flow does not wait */
  privateChatThrottle?: Partial<typeof PRIVATE_CHAT_THROTTLE>;
  /** pacing of the caseworker group's alerts (grammY's default: 20 a minute, a second apart); tests shorten it */
  groupChatThrottle?: { minTime?: number; reservoir?: number };
  /** the bot's send limit shared with the other instances on the database (several instances) */
  sendBudget?: SendBudget;
};

/**
 * The grammY bot with the API transformers every call goes through: the throttler keeps within Telegram's
 * rate limits, and auto-retry waits out short 429s. Network errors and 5xx are not retried here: the
 * outbox does that with its own backoff (so one slow chat does not hold the others for long).
 */
export function createTelegramBot(options: TelegramBotOptions): { bot: Bot; unthrottledApi: Api } {
  const client = {
    ...(options.apiRoot ? { apiRoot: options.apiRoot.replace(/\/+$/, "") } : {}),
    timeoutSeconds: BOT_API_TIMEOUT_SECONDS,
  };
  const bot = new Bot(options.token, { client, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  // No inline retry on the sending API: a 429's retry_after goes back to the outbox, which schedules it and
  // frees the chat's slot (a sleeping call would hold a sender for everyone).
  // The shared budget is installed first, so it runs last: a send takes its place in the second only once
  // the throttler has let its chat go (a chat waiting out its own pace holds none of the bot's sends).
  const budget = options.sendBudget;
  if (budget)
    bot.api.config.use(async (prev, method, payload, signal) => {
      if (SENDING_METHODS.has(method)) await budget.take(signal as AbortSignal | undefined);
      return prev(method, payload, signal);
    });
  bot.api.config.use(
    apiThrottler({
      out: { ...PRIVATE_CHAT_THROTTLE, ...options.privateChatThrottle },
      ...(options.groupChatThrottle ? { group: { ...GROUP_CHAT_THROTTLE, ...options.groupChatThrottle } } : {}),
    }),
  );
  // The housekeeping lane: deleting a wiped chat, answering presses, removing keyboards — never queued ahead
  // of (or behind) the person's replies, still retried on short 429s.
  const unthrottledApi = new Api(options.token, client);
  unthrottledApi.config.use(autoRetry(retryOptions()));
  return { bot, unthrottledApi };
}

function retryOptions() {
  return {
    maxRetryAttempts: 2,
    maxDelaySeconds: INLINE_RETRY_MAX_SECONDS,
    rethrowInternalServerErrors: true,
    rethrowHttpErrors: true,
  };
}
