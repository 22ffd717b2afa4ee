import type { Cipher } from "../../crypto/create-cipher.ts";
import { loadPersonKeys } from "../privacy/person-keys.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import type { Ticket } from "../../db/generated/client.ts";
import { recordAudit, type Actor } from "../audit/record-audit.ts";
import { toTicketView } from "./ticket-view.ts";

export type ReadTicketResult = { status: "found"; ticket: ReturnType<typeof toTicketView> } | { status: "not_found" };

/**
 * One ticket in full by its reference; every read is recorded in the audit log. A ticket the reader may not
 * see (`mayRead`, from the casework permissions) is "not found", exactly like one that does not exist.
 */
export async function readTicket(
  db: Db,
  cipher: Cipher,
  reference: string,
  actor: Actor,
  mayRead: (ticket: Ticket) => boolean,
): Promise<ReadTicketResult> {
  const ticket = await db.ticket.findUnique({
    where: { reference },
    include: { events: { orderBy: { createdAt: "asc" } }, recruiterMentions: { select: { nameKey: true } } },
  });
  if (!ticket || !mayRead(ticket)) return { status: "not_found" };
  const nameKeys = [...new Set(ticket.recruiterMentions.map((m) => m.nameKey))];
  const recruiterReports = nameKeys.length
    ? (await db.recruiterMention.groupBy({ by: ["ticketId"], where: { nameKey: { in: nameKeys } } })).length
    : null;
  await recordAudit(db, {
    actor,
    action: "ticket.read",
    subjectType: "ticket",
    subjectId: ticket.id,
    meta: { reference },
  });
  await loadPersonKeys(db, cipher, [ticket.assessmentEnc, ticket.safeContactEnc, ticket.detailsEnc]);
  return { status: "found", ticket: toTicketView(ticket, cipher, { recruiterReports }) };
}
