import { autoRetry } from "@grammyjs/auto-retry";
import { apiThrottler } from "@grammyjs/transformer-throttler";
import { Api, Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";

/** A 429 asking to wait at most this long is waited out in place; longer waits go back to the outbox. */
export const INLINE_RETRY_MAX_SECONDS = 3;

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

export type TelegramBotOptions = {
  token: string;
  /** TELEGRAM_API_ROOT; grammY's default is https://api.telegram.org */
  apiRoot?: string;
  /** the bot's own profile; without it grammY asks getMe once before the first update */
  botInfo?: UserFromGetMe;
  /** per-private-chat pacing (default PRIVATE_CHAT_THROTTLE); tests raise the burst so a long flow does not wait */
  privateChatThrottle?: Partial<typeof PRIVATE_CHAT_THROTTLE>;
};

/**
 * The grammY bot with the API transformers every call goes through: the throttler keeps within Telegram's
 * rate limits, and auto-retry waits out short 429s. Network errors and 5xx are not retried here: the
 * outbox does that with its own backoff (so one slow chat does not hold the others for long).
 */
export function createTelegramBot(options: TelegramBotOptions): { bot: Bot; unthrottledApi: Api } {
  const client = { ...(options.apiRoot ? { apiRoot: options.apiRoot.replace(/\/+$/, "") } : {}), timeoutSeconds: 60 };
  const bot = new Bot(options.token, { client, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  bot.api.config.use(
    apiThrottler({ out: { ...PRIVATE_CHAT_THROTTLE, ...options.privateChatThrottle } }),
    autoRetry(retryOptions()),
  );
  // Deleting a wiped chat is many calls at once: not queued behind the person's messages, still retried on 429.
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
