import type { Tx } from "../../db/create-prisma-client.ts";
import type { StoredOutbound } from "../types.ts";
import { recordAudit, type Actor } from "../../domain/audit/record-audit.ts";
import { runCaseworkerTurn, type HandoffDeps } from "./run-caseworker-turn.ts";

export type HandoffEndReason = "handed_back" | "released" | "closed" | "person_left" | "reassigned";

/**
 * The caseworker gives the conversation back to Lentera's flows: the person is told, in their language, that
 * the caseworker has left, and is offered the main menu. Returns what the person was told (nothing when no
 * caseworker had the conversation). A person who leaves does so by their own message (engine/handoff.ts).
 */
export async function endHandoff(
  tx: Tx,
  deps: HandoffDeps,
  input: { conversationId: string; reason: Exclude<HandoffEndReason, "person_left">; actor: Actor },
): Promise<StoredOutbound[]> {
  const told = await runCaseworkerTurn(tx, deps, {
    conversationId: input.conversationId,
    input: { type: "caseworker_left" },
    when: (conversation) => conversation.mode === "human",
  });
  if (!told) return [];
  await recordHandoffEnded(tx, { conversationId: input.conversationId, reason: input.reason, actor: input.actor });
  return told;
}

/** The end of a handoff, for the audit trail: who ended it and why. */
export async function recordHandoffEnded(
  tx: Tx,
  input: { conversationId: string; reason: HandoffEndReason; actor: Actor },
): Promise<void> {
  await recordAudit(tx, {
    actor: input.actor,
    action: "handoff.ended",
    subjectType: "conversation",
    subjectId: input.conversationId,
    meta: { reason: input.reason },
  });
}
