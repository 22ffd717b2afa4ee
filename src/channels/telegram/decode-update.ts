import type { InboundMedia } from "../../conversations/types.ts";
import type { Input, Locale } from "../../engine/types.ts";
import { isWipeRequest } from "../../engine/is-wipe-request.ts";
import type { TelegramMessage, TelegramMessageRef, TelegramUpdate } from "./telegram-update.ts";

/** One engine input taken from an update, with the id it is deduplicated by. */
export type DecodedInput = { input: Input; externalId: string; channelRef?: TelegramMessageRef; media?: InboundMedia };

export type DecodedUpdate =
  | { status: "ignored"; callbackQueryId?: string }
  | {
      status: "inbound";
      chatId: number;
      localeHint?: Locale;
      inputs: DecodedInput[];
      /** a button press: answered, and the pressed message's keyboard removed */
      callback?: { queryId: string; messageId?: number };
      /** the person's panic message, deleted from the chat right away */
      wipeMessageId?: number;
      /** the private-chat topic the message was written in: replies go to it */
      threadId?: number;
    };

/** Prefix of callback data that stands for "the n-th option" when a choice id is longer than Telegram allows. */
export const NUMBERED_CHOICE_PREFIX = "#";

/** Commands people can send; the ones in BOT_COMMANDS are shown in Telegram's menu. */
const COMMANDS: Record<string, Input> = {
  start: { type: "start" },
  menu: { type: "text", text: "menu" },
  bahasa: { type: "text", text: "bahasa" },
  language: { type: "text", text: "bahasa" },
  help: { type: "text", text: "help" },
  bantuan: { type: "text", text: "help" },
  darurat: { type: "text", text: "darurat" },
  emergency: { type: "text", text: "darurat" },
  hapus: { type: "wipe" },
  delete: { type: "wipe" },
};

/**
 * Telegram update → engine inputs. Only people writing to the bot in a private chat are served: groups,
 * channels and other bots are ignored. `/start` starts, `/hapus` (and the configured safe word) wipes,
 * a button press is the choice id in its callback data, files become media with their `file_id`, and a
 * caption is read as text after its file. The sender's `language_code` is the first guess at a language.
 * Pure: the webhook and long polling both call it.
 */
export function decodeUpdate(update: TelegramUpdate, options: { safeWord?: string } = {}): DecodedUpdate {
  const query = update.callback_query;
  if (query) {
    const chat = query.message?.chat;
    if (!chat || chat.type !== "private" || query.from.is_bot || query.data === undefined)
      return { status: "ignored", callbackQueryId: query.id };
    // Lentera's buttons carry a choice id or "#<n>"; anything else was not made by us (forged by a client).
    if (!CALLBACK_DATA_PATTERN.test(query.data)) return { status: "ignored", callbackQueryId: query.id };
    const externalId = receiptKey(update.update_id, query.id);
    const numbered = query.data.startsWith(NUMBERED_CHOICE_PREFIX)
      ? query.data.slice(NUMBERED_CHOICE_PREFIX.length)
      : null;
    const input: Input =
      numbered && /^\d{1,2}$/.test(numbered) ? { type: "text", text: numbered } : { type: "choice", id: query.data };
    return {
      status: "inbound",
      chatId: chat.id,
      ...localeOf(query.from.language_code),
      inputs: [{ input, externalId }],
      callback: { queryId: query.id, ...(query.message ? { messageId: query.message.message_id } : {}) },
      ...(query.message?.message_thread_id ? { threadId: query.message.message_thread_id } : {}),
    };
  }

  // An edit is read like a new message (it is screened: "I am fine" edited into "they lock me in" matters).
  const edited = update.message ? undefined : update.edited_message;
  const message = update.message ?? edited;
  if (!message || message.chat.type !== "private" || !message.from || message.from.is_bot) return { status: "ignored" };
  const externalId = edited
    ? `e:${receiptKey(update.update_id, String(edited.edit_date ?? message.date))}`
    : receiptKey(update.update_id, String(message.date));
  const channelRef: TelegramMessageRef = { messageIds: [message.message_id], date: message.date };
  const decoded = {
    status: "inbound" as const,
    chatId: message.chat.id,
    ...localeOf(message.from.language_code),
    ...(message.message_thread_id ? { threadId: message.message_thread_id } : {}),
  };

  if (message.text !== undefined) {
    const input = toTextInput(message.text, options.safeWord);
    if (!input) return { status: "ignored" };
    return {
      ...decoded,
      inputs: [{ input, externalId, channelRef }],
      ...(input.type === "wipe" ? { wipeMessageId: message.message_id } : {}),
    };
  }

  const found = toMediaInput(message);
  if (!found) return { status: "ignored" };
  // The file is fetched later (stickers are not: they say nothing a caseworker needs).
  const media: InboundMedia | undefined = message.sticker
    ? undefined
    : {
        type: "remote",
        source: { fileId: found.file.file_id },
        ...(found.file.file_size !== undefined ? { announcedBytes: found.file.file_size } : {}),
      };
  const inputs: DecodedInput[] = [{ input: found.input, externalId, channelRef, ...(media ? { media } : {}) }];
  const caption = message.caption?.trim() ? toTextInput(message.caption, options.safeWord) : null;
  if (caption) inputs.push({ input: caption, externalId: `${externalId}:caption` });
  return { ...decoded, inputs, ...(caption?.type === "wipe" ? { wipeMessageId: message.message_id } : {}) };
}

/**
 * The key an update is deduplicated by: its `update_id` and something of the update itself (the message's
 * send date, the button press's query id). Telegram resends an update unchanged, so a retry has the same key;
 * but it restarts `update_id`s at random after a week without updates, and a reused id with a new message is
 * a new key — so the first words of someone new are never taken for a duplicate.
 */
export function receiptKey(updateId: number, discriminator: string): string {
  return `u:${updateId}:${discriminator}`;
}

/** What callback data Lentera's own keyboards carry: a choice id (letters, digits, `._:-`) or `#<n>`. */
const CALLBACK_DATA_PATTERN = /^(?:[A-Za-z0-9_.:-]{1,64}|#\d{1,2})$/;

function toTextInput(text: string, safeWord: string | undefined): Input | null {
  const command = /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s|$)/.exec(text.trim());
  if (command) {
    const known = COMMANDS[(command[1] as string).toLowerCase()];
    if (known) return known;
  }
  if (!text.trim()) return null;
  const input: Input = { type: "text", text };
  // The engine would also wipe on the safe word; deciding here lets the adapter delete the message itself at once.
  return isWipeRequest(input, safeWord) ? { type: "wipe" } : input;
}

type TelegramFile = { file_id: string; file_size?: number | undefined };

/** The message's file as an engine input, and the file itself (to fetch it later). */
function toMediaInput(message: TelegramMessage): { input: Input; file: TelegramFile } | null {
  const as = (kind: "photo" | "document" | "voice" | "video" | "other", file: TelegramFile) => ({
    input: { type: "media" as const, kind, ref: file.file_id },
    file,
  });
  const largestPhoto = message.photo?.at(-1);
  if (largestPhoto) return as("photo", largestPhoto);
  if (message.document) return as("document", message.document);
  if (message.voice) return as("voice", message.voice);
  const video = message.video ?? message.video_note;
  if (video) return as("video", video);
  const other = message.audio ?? message.animation ?? message.sticker;
  if (other) return as("other", other);
  return null;
}

/** Telegram's `language_code` (IETF tag) → a language Lentera speaks; Malay readers get Indonesian. */
function localeOf(languageCode: string | undefined): { localeHint?: Locale } {
  const primary = languageCode?.toLowerCase().split("-")[0];
  if (primary === "id" || primary === "in" || primary === "ms") return { localeHint: "id" };
  if (primary === "en") return { localeHint: "en" };
  return {};
}
