import type { Tx } from "../../db/create-prisma-client.ts";
import { NAV_MENU } from "../../engine/choices.ts";
import type { StoredOutbound } from "../types.ts";
import { recordAudit, type Actor } from "../../domain/audit/record-audit.ts";
import { tellPerson, type HandoffDeps } from "./handoff-messages.ts";

export type HandoffEndReason = "handed_back" | "released" | "closed" | "person_left" | "reassigned";

/**
 * The conversation goes back to Lentera's flows: the person is told, in their language, that the caseworker
 * has left (or that they left), and is offered the main menu. Returns what the person was told (nothing when no caseworker had the conversation).
 */
export async function endHandoff(
  tx: Tx,
  deps: HandoffDeps,
  input: { conversationId: string; reason: HandoffEndReason; actor: Actor },
): Promise<StoredOutbound[]> {
  const conversation = await tx.conversation.findUnique({ where: { id: input.conversationId } });
  if (!conversation || conversation.mode !== "human") return [];
  await tx.conversation.update({ where: { id: conversation.id }, data: { mode: "bot", caseworkerId: null } });
  const told = await tellPerson(
    tx,
    deps,
    conversation,
    { key: input.reason === "person_left" ? "handoff:you_left" : "handoff:left", choices: [NAV_MENU] },
    (state) => {
      state.step = { name: "menu" };
    },
  );
  await recordAudit(tx, {
    actor: input.actor,
    action: "handoff.ended",
    subjectType: "conversation",
    subjectId: conversation.id,
    meta: { reason: input.reason },
  });
  return told;
}
