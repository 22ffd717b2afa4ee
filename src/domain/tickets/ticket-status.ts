import { TicketStatus } from "../../db/generated/enums.ts";

export type { TicketStatus };

/** Every status, in the order a case usually moves through them. */
export const TICKET_STATUSES: readonly TicketStatus[] = Object.values(TicketStatus);

/** Statuses of a case that is still being worked on: a person has at most one such ticket per type. */
export const OPEN_STATUSES: readonly TicketStatus[] = TICKET_STATUSES.filter((status) => status !== "closed");

/**
 * Which status may follow which. A claim can be given back (claimed → new); a referral can come back to
 * the caseworker (referred → in_progress); a closed case can be reopened (closed → in_progress) when the
 * person writes again. Anything else is refused, so the history reads in order.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ["claimed", "closed"],
  claimed: ["new", "in_progress", "referred", "closed"],
  in_progress: ["referred", "closed"],
  referred: ["in_progress", "closed"],
  closed: ["in_progress"],
};

/** Whether a ticket may move from one status to another (the same status is not a move). */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}
