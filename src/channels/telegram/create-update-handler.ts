import type { Api, Context, MiddlewareFn } from "grammy";
import type { HandleInbound } from "../../conversations/handle-inbound.ts";
import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import { createRateLimiter } from "../../http/rate-limit.ts";
import type { Translate } from "../../i18n/create-i18n.ts";
import type { Logger } from "../../log/create-logger.ts";
import { decodeUpdate } from "./decode-update.ts";
import { deleteChatMessages } from "./delete-wiped-messages.ts";
import { TelegramUpdate } from "./telegram-update.ts";

/** In webhook mode a failing update is answered 500 (Telegram sends it again) this many times, then apologised for. */
export const MAX_UPDATE_FAILURES = 3;
/** Like the web chat: at most this many updates a minute from one chat are processed; a flood beyond is dropped. */
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
};

/**
 * The bot's one middleware: decode the update, hand each input to `handleInbound` (which dedupes on the
 * update id, runs the turn and stores the replies for the outbox), and do what only Telegram needs — answer
 * the button press and take the keyboard off the pressed message, delete a panic message from the chat.
 */
export function createUpdateHandler(deps: UpdateHandlerDeps): MiddlewareFn<Context> {
  const failures = new Map<number, number>();
  const perChat = createRateLimiter({ limit: MAX_UPDATES_PER_CHAT_PER_MINUTE, windowMs: 60_000 });

  return async (ctx) => {
    const parsed = TelegramUpdate.safeParse(ctx.update);
    if (!parsed.success) return;
    const decoded = decodeUpdate(parsed.data, deps.safeWord ? { safeWord: deps.safeWord } : {});
    if (decoded.status === "ignored") {
      const queryId = decoded.callbackQueryId;
      if (queryId) deps.background("answerCallbackQuery", () => ctx.api.answerCallbackQuery(queryId));
      return;
    }
    const { chatId, callback } = decoded;
    const channelUserId = String(chatId);
    if (callback) {
      deps.background("answerCallbackQuery", () => ctx.api.answerCallbackQuery(callback.queryId));
      const messageId = callback.messageId;
      if (messageId !== undefined)
        deps.background("editMessageReplyMarkup", () =>
          ctx.api.editMessageReplyMarkup(chatId, messageId, { reply_markup: { inline_keyboard: [] } }),
        );
    }
    if (!perChat.take(channelUserId)) {
      deps.log.warn({ updateId: parsed.data.update_id }, "telegram: a chat is over its message limit; update dropped");
      return;
    }

    let duplicate = false;
    try {
      // Whoever writes to the bot has not blocked it (any more): let replies go out again.
      await deps.db.contact.updateMany({
        where: { channel: "telegram", channelUserKey: deps.cipher.lookupKey(channelUserId), blockedAt: { not: null } },
        data: { blockedAt: null },
      });
      for (const [index, item] of decoded.inputs.entries()) {
        const result = await deps.handleInbound({
          channel: "telegram",
          channelUserId,
          input: item.input,
          externalId: item.externalId,
          ...(decoded.localeHint ? { localeHint: decoded.localeHint } : {}),
          ...(item.channelRef ? { channelRef: item.channelRef } : {}),
        });
        if (index === 0 && result.status === "duplicate") {
          duplicate = true;
          break;
        }
      }
      failures.delete(parsed.data.update_id);
    } catch (error) {
      const count = (failures.get(parsed.data.update_id) ?? 0) + 1;
      deps.log.error(
        { updateId: parsed.data.update_id, failures: count, err: error instanceof Error ? error.name : "unknown" },
        "telegram: update failed",
      );
      if (deps.mode === "webhook" && count < MAX_UPDATE_FAILURES) {
        failures.set(parsed.data.update_id, count);
        if (failures.size > 1000) failures.delete(failures.keys().next().value as number);
        throw error;
      }
      failures.delete(parsed.data.update_id);
      const locale = decoded.localeHint ?? "id";
      deps.background("sendMessage", () => ctx.api.sendMessage(chatId, deps.t(locale, "telegram:error.apology")));
      return;
    }

    const wipeMessageId = decoded.wipeMessageId;
    if (wipeMessageId !== undefined && !duplicate) {
      deps.background("deleteMessage", () =>
        deleteChatMessages({ api: deps.unthrottledApi, log: deps.log }, channelUserId, [wipeMessageId]),
      );
    }
  };
}
