import { TX_OPTIONS } from "../db/create-prisma-client.ts";
import type { Ticket } from "../db/generated/client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { loadTicketFor } from "./load-ticket-for.ts";
import { endHandoff } from "../conversations/handoff/end-handoff.ts";
import { recordTicketEvent } from "../domain/tickets/record-ticket-event.ts";

/**
 * The ticket goes back to the queue (its holder or a supervisor). A conversation the caseworker had taken
 * over goes back to Lentera, and the person is told.
 */
export async function releaseTicket(ctx: CaseworkContext, input: { reference: string }): Promise<Ticket> {
  const { ticket, told } = await ctx.db.$transaction(async (tx) => {
    const loaded = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.release");
    const actor = { type: "caseworker", id: ctx.actor.id } as const;
    const told = loaded.conversationId
      ? await endHandoff(tx, ctx, { conversationId: loaded.conversationId, reason: "released", actor })
      : [];
    const ticket = await tx.ticket.update({
      where: { id: loaded.id },
      data: {
        assigneeId: null,
        status: loaded.status === "claimed" || loaded.status === "in_progress" ? "new" : loaded.status,
      },
    });
    await recordTicketEvent(tx, { ticketId: loaded.id, type: "released", actor, data: { from: loaded.assigneeId } });
    await recordAudit(tx, { actor, action: "ticket.released", subjectType: "ticket", subjectId: loaded.id });
    return { ticket, told };
  }, TX_OPTIONS);
  if (told.length) ctx.onOutbound?.(ticket.channel);
  return ticket;
}
