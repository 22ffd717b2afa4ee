import type { Env } from "../../config/env.ts";
import type { TelegramConfig } from "./start-telegram.ts";

/** The Telegram settings of the environment, or null when TELEGRAM_BOT_TOKEN is not set (Telegram off). */
export function toTelegramConfig(env: Env): TelegramConfig | null {
  if (!env.TELEGRAM_BOT_TOKEN) return null;
  return {
    token: env.TELEGRAM_BOT_TOKEN,
    mode: env.TELEGRAM_MODE,
    webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
    apiRoot: env.TELEGRAM_API_ROOT,
    caseworkerChatId: env.TELEGRAM_CASEWORKER_CHAT_ID,
    publicUrl: env.PUBLIC_URL,
    safeWord: env.SAFE_WORD,
  };
}
