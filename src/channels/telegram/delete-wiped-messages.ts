import type { Api } from "grammy";
import type { ChannelMessageRef } from "../../events/event-bus.ts";
import type { Logger } from "../../log/create-logger.ts";
import { TelegramMessageRef } from "./telegram-update.ts";

/** Telegram lets a bot delete messages in a private chat for 48 hours; a margin keeps us clear of the edge. */
export const DELETABLE_FOR_MS = 48 * 60 * 60 * 1000 - 5 * 60 * 1000;

/**
 * After a panic wipe: deletes from the person's chat every message Lentera sent and every message of
 * theirs it received, as far as Telegram still allows (48 hours). Older ones stay; the engine's last
 * message tells the person how to clear the chat themselves. Returns how many were deleted.
 */
export async function deleteWipedMessages(
  deps: { api: Api; log: Logger; now: () => Date },
  chatId: string,
  messages: readonly ChannelMessageRef[],
): Promise<number> {
  const oldestMs = deps.now().getTime() - DELETABLE_FOR_MS;
  const ids = new Set<number>();
  for (const message of messages) {
    const ref = TelegramMessageRef.safeParse(message.channelRef);
    if (!ref.success || ref.data.date * 1000 < oldestMs) continue;
    for (const id of ref.data.messageIds) ids.add(id);
  }
  return deleteChatMessages(
    deps,
    chatId,
    [...ids].sort((a, b) => a - b),
  );
}

/** Deletes messages one by one (a message already gone is not an error worth stopping for). */
export async function deleteChatMessages(
  deps: { api: Api; log: Logger },
  chatId: string,
  messageIds: readonly number[],
): Promise<number> {
  let deleted = 0;
  let failed = 0;
  for (const messageId of messageIds) {
    try {
      await deps.api.deleteMessage(Number(chatId), messageId);
      deleted += 1;
    } catch {
      failed += 1;
    }
  }
  if (failed) deps.log.warn({ deleted, failed }, "telegram: some messages of a wiped chat could not be deleted");
  return deleted;
}
