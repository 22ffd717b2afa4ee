import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import type { Prisma, Priority, TicketStatus, TicketType } from "../../db/generated/client.ts";
import { recordAudit, type Actor } from "../audit/record-audit.ts";
import { toTicketSummaryView, type TicketSummaryView } from "./ticket-view.ts";

export type TicketFilters = { status?: TicketStatus; priority?: Priority; type?: TicketType; limit: number };

/**
 * Tickets matching the filters among those the reader may see (`visible`, from the casework permissions),
 * most pressing first (urgent → low, then newest); the read is audited.
 */
export async function listTickets(
  db: Db,
  cipher: Cipher,
  filters: TicketFilters,
  actor: Actor,
  visible: Prisma.TicketWhereInput,
): Promise<TicketSummaryView[]> {
  const { limit, ...where } = filters;
  const tickets = await db.ticket.findMany({
    where: { AND: [visible, where] },
    orderBy: [{ priority: "asc" }, { createdAt: "desc" }],
    take: limit,
  });
  await recordAudit(db, {
    actor,
    action: "ticket.list",
    subjectType: "ticket",
    meta: { filters: where, count: tickets.length },
  });
  return tickets.map((ticket) => toTicketSummaryView(ticket, cipher));
}
