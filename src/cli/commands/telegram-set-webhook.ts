import { createTelegramBot } from "../../channels/telegram/create-telegram-bot.ts";
import { setBotCommands } from "../../channels/telegram/set-bot-commands.ts";
import { ALLOWED_UPDATES } from "../../channels/telegram/start-telegram.ts";
import { toTelegramConfig } from "../../channels/telegram/to-telegram-config.ts";
import { createI18n } from "../../i18n/create-i18n.ts";
import { UsageError, type CliCommand } from "../command.ts";

export const WEBHOOK_PATH = "/webhooks/telegram";

/**
 * Tells Telegram where to send updates: `setWebhook` with the secret Telegram will send back in
 * X-Telegram-Bot-Api-Secret-Token (TELEGRAM_WEBHOOK_SECRET) and only the update kinds Lentera reads, then
 * registers the command menu in both languages. `--url` is the public https address of Lentera (the
 * webhook path is added when missing) or the full webhook URL.
 *
 * @example npm run cli -- telegram set-webhook --url https://lentera.example.org
 */
export const telegramSetWebhook: CliCommand = {
  group: "telegram",
  name: "set-webhook",
  usage: "telegram set-webhook --url <public https url> [--drop-pending-updates]",
  options: { url: { type: "string" }, "drop-pending-updates": { type: "boolean" } },
  async run(ctx, values) {
    const config = toTelegramConfig(ctx.env);
    if (!config)
      throw new Error(
        'TELEGRAM_BOT_TOKEN is not set. Create a bot with @BotFather and set its token (README "Telegram").',
      );
    if (!config.webhookSecret)
      throw new Error(
        "TELEGRAM_WEBHOOK_SECRET is not set. Generate one (openssl rand -hex 32) and give the same value to the server.",
      );
    const url = toWebhookUrl(values.url);
    const { bot } = createTelegramBot({ token: config.token, ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}) });
    await bot.api.setWebhook(url, {
      secret_token: config.webhookSecret,
      allowed_updates: [...ALLOWED_UPDATES],
      drop_pending_updates: values["drop-pending-updates"] === true,
    });
    await setBotCommands(bot.api, createI18n().t);
    ctx.out(`Telegram webhook set: ${url}`);
    ctx.out(`Updates: ${ALLOWED_UPDATES.join(", ")}. Commands registered in Indonesian and English.`);
  },
};

/** The webhook URL: https only (Telegram's rule), with /webhooks/telegram added to a bare address. */
export function toWebhookUrl(value: string | boolean | undefined): string {
  if (typeof value !== "string" || !value)
    throw new UsageError("--url is required: the public https address of Lentera, e.g. https://lentera.example.org");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `--url is not a URL: use the public https address of Lentera, e.g. https://lentera.example.org`,
    );
  }
  if (url.protocol !== "https:")
    throw new UsageError("--url must start with https:// (Telegram only sends webhooks over HTTPS)");
  if (!url.pathname.replace(/\/+$/, "").endsWith(WEBHOOK_PATH))
    url.pathname = `${url.pathname.replace(/\/+$/, "")}${WEBHOOK_PATH}`;
  url.search = "";
  url.hash = "";
  return url.toString();
}
