import type { Tx } from "../../db/create-prisma-client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { recordTicketEvent } from "./record-ticket-event.ts";

/** How long after closing a message from the person reopens their case instead of starting a new one. */
export const REOPEN_WITHIN_DAYS = 30;

/**
 * The person wrote again within 30 days of their case being closed: the case is in progress again with
 * the caseworker who held it (an event names them, so the queue shows who to tell), and nothing is lost.
 * Returns the reopened ticket, or null when no case was closed that recently (or one is still open).
 */
export async function reopenRecentTicket(
  tx: Tx,
  scope: { contactId: string; conversationId: string; now: Date },
): Promise<{ id: string; reference: string; assigneeId: string | null } | null> {
  const open = await tx.ticket.findFirst({
    where: { contactId: scope.contactId, status: { not: "closed" } },
    select: { id: true },
  });
  if (open) return null;
  const since = new Date(scope.now.getTime() - REOPEN_WITHIN_DAYS * 24 * 60 * 60_000);
  const closed = await tx.ticket.findFirst({
    where: { contactId: scope.contactId, status: "closed", closedAt: { gte: since }, erasureRequestedAt: null },
    orderBy: { closedAt: "desc" },
  });
  if (!closed) return null;
  const actor = { type: "person", id: scope.contactId } as const;
  await tx.ticket.update({
    where: { id: closed.id },
    data: { status: "in_progress", closedAt: null, conversationId: scope.conversationId },
  });
  await recordTicketEvent(tx, {
    ticketId: closed.id,
    type: "reopened",
    actor,
    data: { from: "closed", to: "in_progress", reason: "person_wrote", previousAssigneeId: closed.assigneeId },
  });
  await recordAudit(tx, {
    actor,
    action: "ticket.reopened",
    subjectType: "ticket",
    subjectId: closed.id,
    meta: { reason: "person_wrote" },
  });
  return { id: closed.id, reference: closed.reference, assigneeId: closed.assigneeId };
}
