import { TX_OPTIONS } from "../db/create-prisma-client.ts";
import type { Ticket } from "../db/generated/client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { loadTicketFor } from "./load-ticket-for.ts";
import { handOverHandoff } from "../conversations/handoff/start-handoff.ts";
import { recordTicketEvent } from "../domain/tickets/record-ticket-event.ts";

/**
 * A supervisor gives a ticket to another active caseworker. A conversation already taken over follows the
 * ticket: the new holder's replies reach the person, the previous holder's no longer do.
 */
export async function reassignTicket(
  ctx: CaseworkContext,
  input: { reference: string; assigneeId: string },
): Promise<Ticket> {
  let told = false;
  const ticket = await ctx.db.$transaction(async (tx) => {
    const loaded = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.reassign");
    const assignee = await tx.caseworker.findUnique({ where: { id: input.assigneeId } });
    if (!assignee || !assignee.active)
      throw new CaseworkError("invalid", "Choose an active caseworker to reassign to.", "errors.no_such_caseworker");
    const ticket = await tx.ticket.update({
      where: { id: loaded.id },
      data: { assigneeId: assignee.id, status: loaded.status === "new" ? "claimed" : loaded.status },
    });
    // The person is told who they are talking with now, as when the first caseworker joined.
    if (loaded.conversationId)
      told = await handOverHandoff(tx, ctx, { conversationId: loaded.conversationId, caseworker: assignee });
    const actor = { type: "caseworker", id: ctx.actor.id } as const;
    await recordTicketEvent(tx, {
      ticketId: loaded.id,
      type: "reassigned",
      actor,
      data: { from: loaded.assigneeId, to: assignee.id },
    });
    await recordAudit(tx, {
      actor,
      action: "ticket.reassigned",
      subjectType: "ticket",
      subjectId: loaded.id,
      meta: { from: loaded.assigneeId, to: assignee.id },
    });
    return ticket;
  }, TX_OPTIONS);
  if (told) ctx.onOutbound?.(ticket.channel);
  if (ticket.assigneeId && ticket.assigneeId !== ctx.actor.id)
    ctx.events?.publish({
      type: "ticket.assigned",
      ticketId: ticket.id,
      reference: ticket.reference,
      assigneeId: ticket.assigneeId,
    });
  return ticket;
}
