import { z } from "zod";

const User = z.looseObject({ id: z.number().int(), is_bot: z.boolean(), language_code: z.string().optional() });
const Chat = z.looseObject({ id: z.number().int(), type: z.string() });
const File = z.looseObject({ file_id: z.string().min(1), file_size: z.number().int().nonnegative().optional() });

/** The parts of a Telegram message Lentera reads; everything else passes through untouched. */
export const TelegramMessage = z.looseObject({
  message_id: z.number().int(),
  date: z.number().int(),
  chat: Chat,
  from: User.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z.array(File).optional(),
  document: File.optional(),
  voice: File.optional(),
  audio: File.optional(),
  video: File.optional(),
  video_note: File.optional(),
  animation: File.optional(),
  sticker: File.optional(),
  /** a topic in a private chat (Bot API 9.x): replies go to the same topic */
  message_thread_id: z.number().int().optional(),
  /** set on `edited_message` */
  edit_date: z.number().int().optional(),
});
export type TelegramMessage = z.infer<typeof TelegramMessage>;

/**
 * A webhook body, checked once at the edge: an `update_id` and, when present, a message or callback query
 * of the shape Telegram sends. Other update kinds are accepted and ignored (setWebhook asks only for these two).
 */
export const TelegramUpdate = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: TelegramMessage.optional(),
  edited_message: TelegramMessage.optional(),
  callback_query: z
    .looseObject({
      id: z.string().min(1),
      from: User,
      message: z
        .looseObject({
          message_id: z.number().int(),
          date: z.number().int(),
          chat: Chat,
          message_thread_id: z.number().int().optional(),
        })
        .optional(),
      data: z.string().optional(),
    })
    .optional(),
});
export type TelegramUpdate = z.infer<typeof TelegramUpdate>;

/**
 * What Lentera keeps (encrypted) about a message it sent or received on Telegram, so it can delete it from
 * the chat later: the message ids (a long reply is split into several) and Telegram's send date.
 */
export const TelegramMessageRef = z.object({ messageIds: z.array(z.number().int()).min(1), date: z.number().int() });
export type TelegramMessageRef = z.infer<typeof TelegramMessageRef>;
