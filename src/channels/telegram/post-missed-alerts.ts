import type { Db } from "../../db/create-prisma-client.ts";
import { ALERT_POSTED_EVENT, findUnalertedTickets, markTicketAlerted } from "../../domain/tickets/ticket-alerts.ts";
import type { LenteraEvent } from "../../events/event-bus.ts";
import { ALERT_PRIORITIES } from "./post-ticket-alert.ts";

type TicketOpened = Extract<LenteraEvent, { type: "ticket.opened" }>;

export { ALERT_POSTED_EVENT };
/** How far back a start looks for alerts a restart may have lost. */
export const MISSED_ALERT_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Marks a ticket's alert as posted, so a later start does not post it again. */
export async function markAlertPosted(db: Db, ticketId: string, at: Date): Promise<void> {
  await markTicketAlerted(db, ticketId, at);
}

/**
 * Alerts are posted from memory, with retries; a restart while one waits would lose it. At start, the
 * urgent and high tickets of the last day that are still open and have no "posted" mark get their alert.
 */
export async function findMissedAlerts(db: Db, now: Date): Promise<TicketOpened[]> {
  return findUnalertedTickets(db, {
    priorities: ALERT_PRIORITIES,
    since: new Date(now.getTime() - MISSED_ALERT_WINDOW_MS),
    now,
  });
}
