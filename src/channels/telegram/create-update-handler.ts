import type { Api, Context, MiddlewareFn } from "grammy";
import type { HandleInbound } from "../../conversations/handle-inbound.ts";
import { isInboundStored } from "../../conversations/is-inbound-stored.ts";
import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import { createRateLimiter } from "../../http/rate-limit.ts";
import type { Translate } from "../../i18n/create-i18n.ts";
import type { Logger } from "../../log/create-logger.ts";
import { decodeUpdate } from "./decode-update.ts";
import { TelegramUpdate } from "./telegram-update.ts";

/**
 * Like the web chat: at most this many new updates a minute from one chat are processed; a flood beyond is
 * acknowledged and dropped. Telegram's redeliveries of an update already stored do not count.
 */
export const MAX_UPDATES_PER_CHAT_PER_MINUTE = 30;

export type UpdateHandlerDeps = {
  db: Db;
  cipher: Cipher;
  t: Translate;
  log: Logger;
  handleInbound: HandleInbound;
  /** webhook: Telegram redelivers an update we fail; polling: it does not, so we apologise at once */
  mode: "webhook" | "polling";
  safeWord?: string;
  /** API calls that need not hold the update (answering a button press, deleting a message) */
  background: (name: string, task: () => Promise<unknown>) => void;
  unthrottledApi: Api;
  /** a message with a file was stored: its download is due */
  onMedia?: () => void;
};

/**
 * The bot's one middleware: decode the update, hand it to `handleInbound` (which dedupes on the receipt key,
 * runs the turn and stores the replies for the outbox — a photo and its caption in one transaction), and do
 * what only Telegram needs: answer the button press and take the keyboard off the pressed message (in the
 * housekeeping lane, never ahead of replies), delete a panic message from the chat.
 *
 * In webhook mode nothing is acknowledged that is not stored: when storing fails (the database is down, say)
 * the error reaches grammY's webhook callback, which answers 500, and Telegram sends the update again until
 * it is stored. A redelivery of a stored update is answered 200 at once and does not count against the flood
 * limit. Long polling gets no redelivery, so there a failed update is apologised for.
 */
export function createUpdateHandler(deps: UpdateHandlerDeps): MiddlewareFn<Context> {
  const perChat = createRateLimiter({ limit: MAX_UPDATES_PER_CHAT_PER_MINUTE, windowMs: 60_000 });

  return async (ctx) => {
    const parsed = TelegramUpdate.safeParse(ctx.update);
    if (!parsed.success) return;
    const decoded = decodeUpdate(parsed.data, deps.safeWord ? { safeWord: deps.safeWord } : {});
    if (decoded.status === "ignored") {
      const queryId = decoded.callbackQueryId;
      if (queryId) deps.background("answerCallbackQuery", () => deps.unthrottledApi.answerCallbackQuery(queryId));
      return;
    }
    const [first, ...rest] = decoded.inputs;
    if (!first) return;
    // A redelivery of what is already stored: 200 and nothing else (a failure here is a 500, retried).
    if (await isInboundStored(deps.db, "telegram", first.externalId)) return;

    const { chatId, callback } = decoded;
    const channelUserId = String(chatId);
    // The wipe is never dropped by the flood limit (nor counted against it).
    if (first.input.type !== "wipe" && !perChat.take(channelUserId)) {
      deps.log.warn({ updateId: parsed.data.update_id }, "telegram: a chat is over its message limit; update dropped");
      return;
    }

    let duplicate: boolean;
    try {
      const result = await deps.handleInbound({
        channel: "telegram",
        channelUserId,
        // Whoever writes to the bot has not blocked it (any more): replies go out again.
        provesReachable: true,
        input: first.input,
        externalId: first.externalId,
        ...(decoded.localeHint ? { localeHint: decoded.localeHint } : {}),
        ...(decoded.threadId ? { threadId: decoded.threadId } : {}),
        ...(first.channelRef ? { channelRef: first.channelRef } : {}),
        ...(first.media ? { media: first.media } : {}),
        ...(rest.length ? { followUps: rest.map((item) => ({ input: item.input, externalId: item.externalId })) } : {}),
      });
      duplicate = result.status === "duplicate";
    } catch (error) {
      deps.log.error(
        { updateId: parsed.data.update_id, err: error instanceof Error ? error.name : "unknown" },
        "telegram: update failed",
      );
      if (deps.mode === "webhook") throw error;
      const locale = decoded.localeHint ?? "id";
      deps.background("sendMessage", () => ctx.api.sendMessage(chatId, deps.t(locale, "telegram:error.apology")));
      return;
    }
    if (duplicate) return;
    // A file to fetch: the media job takes it now, off this update's path.
    if (first.media) deps.onMedia?.();

    if (callback) {
      deps.background("answerCallbackQuery", () => deps.unthrottledApi.answerCallbackQuery(callback.queryId));
      const messageId = callback.messageId;
      if (messageId !== undefined)
        deps.background("editMessageReplyMarkup", () =>
          deps.unthrottledApi.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } }),
        );
    }
    // The wipe's own message is deleted by its wipe job (stored with the erasure), with the rest of the chat.
  };
}
