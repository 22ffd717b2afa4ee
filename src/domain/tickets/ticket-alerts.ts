import type { Db } from "../../db/create-prisma-client.ts";
import type { Priority } from "../../db/generated/client.ts";
import type { LenteraEvent } from "../../events/event-bus.ts";

type TicketOpened = Extract<LenteraEvent, { type: "ticket.opened" }>;

/** The ticket event that marks an alert as posted to the caseworker group. */
export const ALERT_POSTED_EVENT = "telegram_alert_posted";

/** Marks a ticket's alert as posted, so a later start does not post it again (a ticket erased since: nothing). */
export async function markTicketAlerted(db: Db, ticketId: string, at: Date): Promise<void> {
  const exists = await db.ticket.findUnique({ where: { id: ticketId }, select: { id: true } });
  if (!exists) return;
  await db.ticketEvent.create({
    data: { ticketId, type: ALERT_POSTED_EVENT, actorType: "system", data: { channel: "telegram" }, createdAt: at },
  });
}

/**
 * The open tickets of `priorities` created in [since, now) whose alert was never marked posted, oldest
 * first, as the "ticket.opened" events that would have posted them.
 */
export async function findUnalertedTickets(
  db: Db,
  options: { priorities: readonly string[]; since: Date; now: Date },
): Promise<TicketOpened[]> {
  const tickets = await db.ticket.findMany({
    where: {
      priority: { in: options.priorities as Priority[] },
      status: { not: "closed" },
      createdAt: { gte: options.since, lt: options.now },
      events: { none: { type: ALERT_POSTED_EVENT } },
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, reference: true, type: true, priority: true, locale: true, channel: true, indicatorIds: true },
  });
  return tickets.map((ticket) => ({
    type: "ticket.opened",
    ticketId: ticket.id,
    reference: ticket.reference,
    ticketType: ticket.type,
    priority: ticket.priority,
    locale: ticket.locale,
    channel: ticket.channel,
    indicatorIds: ticket.indicatorIds,
  }));
}
