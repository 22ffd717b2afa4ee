import type { Tx } from "../../db/create-prisma-client.ts";
import type { Caseworker } from "../../db/generated/client.ts";
import { recordAudit } from "../../domain/audit/record-audit.ts";
import { tellPerson, type HandoffDeps } from "./handoff-messages.ts";

/**
 * A caseworker takes the conversation over (Chatwoot's "open"): the person's messages go to them, not to
 * the flows, and the person is told in their language that a person has joined. Nothing happens when the
 * same caseworker already has it; another caseworker's handoff is handed over to this one.
 */
export async function startHandoff(
  tx: Tx,
  deps: HandoffDeps,
  input: { conversationId: string; caseworker: Caseworker; ticketId: string },
): Promise<boolean> {
  const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: input.conversationId } });
  if (conversation.mode === "human" && conversation.caseworkerId === input.caseworker.id) return false;
  await tx.conversation.update({
    where: { id: conversation.id },
    data: { mode: "human", caseworkerId: input.caseworker.id },
  });
  await tellPerson(tx, deps, conversation, { key: "handoff:joined", vars: { name: firstName(input.caseworker.name) } });
  await recordAudit(tx, {
    actor: { type: "caseworker", id: input.caseworker.id },
    action: "handoff.started",
    subjectType: "conversation",
    subjectId: conversation.id,
    meta: { ticketId: input.ticketId },
  });
  return true;
}

/** Only a first name reaches the person: enough to be a person, not enough to be found. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
