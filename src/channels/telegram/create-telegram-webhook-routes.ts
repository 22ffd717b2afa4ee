import { createHash, timingSafeEqual } from "node:crypto";
import { webhookCallback, type Bot } from "grammy";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../http/errors.ts";
import { TelegramUpdate } from "./telegram-update.ts";

/** Telegram's updates are small; anything bigger than this is not one. */
export const TELEGRAM_WEBHOOK_BODY_LIMIT = 256 * 1024;
/**
 * A turn normally takes milliseconds. Past this the webhook answers 500 while the work goes on: Telegram
 * sends the update again later, and the retry is recognised as a duplicate once the first one is stored
 * (or processed, if the first one failed). Well under Telegram's own wait for an answer.
 */
export const TELEGRAM_WEBHOOK_TIMEOUT_MS = 20_000;

export const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

/**
 * `POST /webhooks/telegram` (mounted at `/webhooks/telegram`): checks the secret header in constant time
 * (wrong or missing → 401), the body (not JSON or not an update → 400), then hands the update to grammY's
 * webhook callback, which checks the secret again and runs the bot. The bot only stores the update's turn
 * and its replies (delivered later by the outbox), so Telegram gets its answer quickly.
 */
export function createTelegramWebhookRoutes(options: { bot: Bot; secret: string }) {
  const handleUpdate = webhookCallback(options.bot, "hono", {
    secretToken: options.secret,
    onTimeout: "throw",
    timeoutMilliseconds: TELEGRAM_WEBHOOK_TIMEOUT_MS,
  });
  const expected = digest(options.secret);

  return new Hono().post(
    "/",
    async (c, next) => {
      if (!isSecretValid(c.req.header(SECRET_HEADER), expected))
        throw new AppError("unauthorized", `Missing or wrong ${SECRET_HEADER} header.`);
      await next();
    },
    bodyLimit({
      maxSize: TELEGRAM_WEBHOOK_BODY_LIMIT,
      onError: () => {
        throw new AppError(
          "payload_too_large",
          `Telegram updates are limited to ${TELEGRAM_WEBHOOK_BODY_LIMIT} bytes.`,
        );
      },
    }),
    async (c, next) => {
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        throw new AppError("bad_request", "The body must be a Telegram Update in JSON.");
      }
      const parsed = TelegramUpdate.safeParse(body);
      if (!parsed.success)
        throw new AppError(
          "bad_request",
          "The body is not a Telegram Update.",
          parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        );
      await next();
    },
    (c) => handleUpdate(c),
  );
}

/** Compares SHA-256 digests, so neither the content nor the length of the secret shows in the timing. */
function isSecretValid(header: string | undefined, expected: Buffer): boolean {
  return header !== undefined && timingSafeEqual(digest(header), expected);
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}
