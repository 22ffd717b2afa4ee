import { TX_OPTIONS } from "../db/create-prisma-client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { loadTicketFor } from "./load-ticket-for.ts";
import { recordTicketEvent } from "../domain/tickets/record-ticket-event.ts";
import { endHandoff } from "../conversations/handoff/end-handoff.ts";

/** The caseworker hands the conversation back to Lentera's flows; the person is told in their language. */
export async function handBack(ctx: CaseworkContext, input: { reference: string }): Promise<void> {
  const channel = await ctx.db.$transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.reply");
    if (!ticket.conversationId)
      throw new CaseworkError("conflict", "This ticket has no conversation.", "errors.no_conversation");
    const told = await endHandoff(tx, ctx, {
      conversationId: ticket.conversationId,
      reason: "handed_back",
      actor: { type: "caseworker", id: ctx.actor.id },
    });
    if (!told.length)
      throw new CaseworkError(
        "conflict",
        "Lentera already has this conversation: nothing to hand back.",
        "errors.not_in_handoff",
      );
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      type: "handed_back",
      actor: { type: "caseworker", id: ctx.actor.id },
    });
    await recordAudit(tx, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: "ticket.handed_back",
      subjectType: "ticket",
      subjectId: ticket.id,
    });
    return ticket.channel;
  }, TX_OPTIONS);
  ctx.onOutbound?.(channel);
}
