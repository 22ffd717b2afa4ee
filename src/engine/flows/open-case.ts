import type { OpenedTicket, TicketRequest } from "../../domain/tickets/ticket-request.ts";
import type { Turn } from "../turn.ts";

/** Opens (or adds to) the person's ticket, with where they are once known (the ticket's ISO country). */
export function openCase(turn: Turn, request: TicketRequest): Promise<OpenedTicket> {
  const country = turn.state.country;
  return turn.deps.actions.openTicket({ ...request, ...(country ? { country } : {}) }, turn.locale);
}
