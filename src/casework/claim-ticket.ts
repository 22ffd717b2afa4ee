import { TX_OPTIONS } from "../db/create-prisma-client.ts";
import type { Ticket } from "../db/generated/client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { loadTicketFor } from "./load-ticket-for.ts";
import { can } from "./permissions.ts";
import { recordTicketEvent } from "../domain/tickets/record-ticket-event.ts";

/**
 * The acting caseworker takes an unassigned open ticket. A ticket someone else holds is "not found" to a
 * caseworker (who may not know it exists) and a conflict to a supervisor (who can see it); two claims at once:
 * the row lock makes the second see the first's claim.
 */
export async function claimTicket(ctx: CaseworkContext, input: { reference: string }): Promise<Ticket> {
  return ctx.db.$transaction(async (tx) => {
    const loaded = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.read");
    if (loaded.assigneeId && loaded.assigneeId !== ctx.actor.id && loaded.status !== "closed") {
      throw new CaseworkError(
        "conflict",
        `Ticket ${input.reference} was already claimed by someone else.`,
        "errors.already_claimed",
      );
    }
    // An erased person's ticket is a record, not a case: nobody to help through it (they can write again).
    if (loaded.erasureRequestedAt)
      throw new CaseworkError(
        "conflict",
        `Ticket ${input.reference}: the person erased their data; there is no one to answer here.`,
        "errors.no_conversation",
      );
    if (!can(ctx.actor, "ticket.claim", loaded))
      throw new CaseworkError(
        "forbidden",
        `Your role cannot do this on ticket ${input.reference}.`,
        "errors.denied.ticket.claim",
      );
    const updated = await tx.ticket.update({
      where: { id: loaded.id },
      data: { assigneeId: ctx.actor.id, status: loaded.status === "new" ? "claimed" : loaded.status },
    });
    await recordTicketEvent(tx, {
      ticketId: loaded.id,
      type: "claimed",
      actor: { type: "caseworker", id: ctx.actor.id },
    });
    await recordAudit(tx, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: "ticket.claimed",
      subjectType: "ticket",
      subjectId: loaded.id,
    });
    return updated;
  }, TX_OPTIONS);
}
