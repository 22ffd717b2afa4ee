import type { Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { RenderedChoice } from "../../conversations/types.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import { findConversationLocale } from "../../conversations/find-conversation.ts";
import type { Translate } from "../../i18n/create-i18n.ts";
import type { ChannelSender, Delivery, DeliveryResult } from "../../outbox/types.ts";
import { NUMBERED_CHOICE_PREFIX } from "./decode-update.ts";
import { splitText } from "./split-text.ts";
import type { TelegramMessageRef } from "./telegram-update.ts";
import { toDeliveryResult } from "./to-delivery-result.ts";

/** Telegram's limit for a button's callback data, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

export type TelegramSenderDeps = { api: Api; db: Db; t: Translate };

/**
 * The outbox's sender for Telegram: one stored message → one or more Telegram messages (text over 4,096
 * characters is split; the keyboard goes on the last part), quick replies as an inline keyboard with one
 * button per row. A caseworker's message is labelled so the person knows a human wrote it. The message ids
 * Telegram gives back are kept (encrypted) so a panic wipe can delete them later.
 *
 * A long message that failed halfway resumes where it stopped when the outbox retries (in this process),
 * so the person does not get the first parts twice.
 */
export function createTelegramSender(deps: TelegramSenderDeps): ChannelSender {
  const partial = new Map<string, TelegramMessageRef>();

  return {
    channel: "telegram",
    async deliver(delivery: Delivery): Promise<DeliveryResult> {
      const chatId = Number(delivery.recipient);
      const text =
        delivery.author === "caseworker"
          ? `${await caseworkerLabel(delivery.conversationId)}\n${delivery.text}`
          : delivery.text;
      const parts = splitText(text);
      const sent = partial.get(delivery.messageId);
      const messageIds = sent ? [...sent.messageIds] : [];
      let date = sent?.date;
      for (let index = messageIds.length; index < parts.length; index++) {
        const last = index === parts.length - 1;
        try {
          const message = await deps.api.sendMessage(chatId, parts[index] as string, {
            ...(last && delivery.choices?.length ? { reply_markup: toInlineKeyboard(delivery.choices) } : {}),
            link_preview_options: { is_disabled: true },
            ...(delivery.threadId ? { message_thread_id: delivery.threadId } : {}),
          });
          messageIds.push(message.message_id);
          date ??= message.date;
          if (!last) partial.set(delivery.messageId, { messageIds: [...messageIds], date });
        } catch (error) {
          const result = toDeliveryResult(error);
          if (result.status !== "retry") partial.delete(delivery.messageId);
          return result;
        }
      }
      partial.delete(delivery.messageId);
      const channelRef: TelegramMessageRef = { messageIds, date: date ?? 0 };
      // Telegram's message ids count per chat: the conversation id makes this one unique across chats.
      return { status: "sent", channelMessageId: `${delivery.conversationId}:${messageIds[0]}`, channelRef };
    },
  };

  async function caseworkerLabel(conversationId: string): Promise<string> {
    return deps.t(await findConversationLocale(deps.db, conversationId), "telegram:caseworker_label");
  }
}

/**
 * Quick replies → an inline keyboard, one button per row, numbered like the options people may type.
 * The callback data is the choice id; one too long for Telegram's 64 bytes is sent as its number instead.
 */
export function toInlineKeyboard(choices: RenderedChoice[]): InlineKeyboardMarkup {
  return {
    inline_keyboard: choices.map((choice, index) => [
      {
        text: `${index + 1}. ${choice.label}`,
        callback_data:
          Buffer.byteLength(choice.id, "utf8") <= CALLBACK_DATA_MAX_BYTES
            ? choice.id
            : `${NUMBERED_CHOICE_PREFIX}${index + 1}`,
      },
    ]),
  };
}
