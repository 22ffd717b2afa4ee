import type { Tx } from "../db/create-prisma-client.ts";
import type { ConversationMode } from "../db/generated/client.ts";
import type { State } from "../engine/types.ts";

/**
 * Writes a turn's new state, guarded by the version the conversation was read at: false when another turn
 * wrote first (the caller reads again and runs the turn again). The engine's `mode` goes to the row's own
 * column; leaving a handoff clears the caseworker, joining one sets who has the conversation now.
 */
export async function saveState(
  tx: Tx,
  conversation: { id: string; version: number; mode: ConversationMode; caseworkerId: string | null },
  state: State,
  extra: { lastInboundAt?: Date; caseworkerId?: string; threadId?: number | null } = {},
): Promise<boolean> {
  const { mode = "bot", ...json } = state;
  const caseworkerId = mode === "bot" ? null : (extra.caseworkerId ?? conversation.caseworkerId);
  const updated = await tx.conversation.updateMany({
    where: { id: conversation.id, version: conversation.version },
    data: {
      state: json as object,
      version: { increment: 1 },
      ...(mode !== conversation.mode || caseworkerId !== conversation.caseworkerId ? { mode, caseworkerId } : {}),
      ...(extra.lastInboundAt ? { lastInboundAt: extra.lastInboundAt } : {}),
      ...(extra.threadId !== undefined ? { threadId: extra.threadId } : {}),
    },
  });
  return updated.count === 1;
}
