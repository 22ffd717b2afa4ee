import type { Tx } from "../../db/create-prisma-client.ts";
import type { Caseworker } from "../../db/generated/client.ts";
import { recordAudit } from "../../domain/audit/record-audit.ts";
import { runCaseworkerTurn, type HandoffDeps } from "./run-caseworker-turn.ts";

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
  const told = await runCaseworkerTurn(tx, deps, {
    conversationId: input.conversationId,
    input: { type: "caseworker_joined", name: firstName(input.caseworker.name) },
    caseworkerId: input.caseworker.id,
    when: (conversation) => !(conversation.mode === "human" && conversation.caseworkerId === input.caseworker.id),
  });
  if (!told) return false;
  await recordAudit(tx, {
    actor: { type: "caseworker", id: input.caseworker.id },
    action: "handoff.started",
    subjectType: "conversation",
    subjectId: input.conversationId,
    meta: { ticketId: input.ticketId },
  });
  return true;
}

/**
 * A conversation already taken over follows its ticket to another caseworker: the person is told who they
 * are talking with now, as when the first caseworker joined. False when no caseworker had it, or this one did.
 */
export async function handOverHandoff(
  tx: Tx,
  deps: HandoffDeps,
  input: { conversationId: string; caseworker: Caseworker },
): Promise<boolean> {
  const told = await runCaseworkerTurn(tx, deps, {
    conversationId: input.conversationId,
    input: { type: "caseworker_joined", name: firstName(input.caseworker.name) },
    caseworkerId: input.caseworker.id,
    when: (conversation) => conversation.mode === "human" && conversation.caseworkerId !== input.caseworker.id,
  });
  return told !== null;
}

/** Only a first name reaches the person: enough to be a person, not enough to be found. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
