import type { Db } from "../../db/create-prisma-client.ts";
import type { Priority } from "../../db/generated/client.ts";
import type { LenteraEvent } from "../../events/event-bus.ts";
import { ALERT_PRIORITIES } from "./post-ticket-alert.ts";

type TicketOpened = Extract<LenteraEvent, { type: "ticket.opened" }>;

/** The ticket event that marks an alert as posted to the caseworker group. */
export const ALERT_POSTED_EVENT = "telegram_alert_posted";
/** How far back a start looks for alerts a restart may have lost. */
export const MISSED_ALERT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Marks a ticket's alert as posted, so a later start does not post it again. */
export async function markAlertPosted(db: Db, ticketId: string, at: Date): Promise<void> {
  const exists = await db.ticket.findUnique({ where: { id: ticketId }, select: { id: true } });
  if (!exists) return;
  await db.ticketEvent.create({
    data: { ticketId, type: ALERT_POSTED_EVENT, actorType: "system", data: { channel: "telegram" }, createdAt: at },
  });
}

/**
 * Alerts are posted from memory, with retries; a restart while one waits would lose it. At start, the
 * urgent and high tickets of the last day that are still open and have no "posted" mark get their alert.
 */
export async function findMissedAlerts(db: Db, now: Date): Promise<TicketOpened[]> {
  const tickets = await db.ticket.findMany({
    where: {
      priority: { in: ALERT_PRIORITIES as Priority[] },
      status: { not: "closed" },
      createdAt: { gte: new Date(now.getTime() - MISSED_ALERT_WINDOW_MS), lt: now },
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
