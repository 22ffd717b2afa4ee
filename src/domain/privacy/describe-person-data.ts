import type { Tx } from "../../db/create-prisma-client.ts";
import type { TicketStatus, TicketType } from "../../db/generated/client.ts";

export type ConsentRecord = { granted: boolean; at: Date };

/** What Lentera holds about one person, as they are shown it ("data saya" / "my data"). */
export type PersonData = {
  since: Date;
  /** messages kept from the person and to them (texts withheld without consent count too, as empty) */
  messages: { fromPerson: number; toPerson: number };
  /** the latest decision per consent: "store", and "share" (to any or to named partners) */
  consents: Record<string, ConsentRecord>;
  tickets: { reference: string; type: TicketType; status: TicketStatus; createdAt: Date; details: string[] }[];
};

/** Reads, never changes: the person's own overview of their data (UU PDP right of access). */
export async function describePersonData(tx: Tx, contactId: string): Promise<PersonData> {
  const contact = await tx.contact.findUniqueOrThrow({
    where: { id: contactId },
    select: { createdAt: true, conversations: { select: { id: true } } },
  });
  const conversationIds = contact.conversations.map((c) => c.id);
  const count = (direction: "inbound" | "outbound") =>
    tx.message.count({ where: { conversationId: { in: conversationIds }, direction } });
  const consents: Record<string, ConsentRecord> = {};
  for (const row of await tx.consent.findMany({ where: { contactId }, orderBy: { createdAt: "asc" } })) {
    // Sharing may be agreed per named partner ("share:<partnerId>"); the person sees one decision on sharing.
    consents[row.scope.startsWith("share:") ? "share" : row.scope] = { granted: row.granted, at: row.createdAt };
  }
  const tickets = await tx.ticket.findMany({ where: { contactId }, orderBy: { createdAt: "asc" } });
  return {
    since: contact.createdAt,
    messages: { fromPerson: await count("inbound"), toPerson: await count("outbound") },
    consents,
    tickets: tickets.map((ticket) => ({
      reference: ticket.reference,
      type: ticket.type,
      status: ticket.status,
      createdAt: ticket.createdAt,
      details: [
        ...(ticket.assessmentEnc ? ["assessment"] : []),
        ...(ticket.needs.length ? ["needs"] : []),
        ...(ticket.safeContactEnc ? ["safe_contact"] : []),
        ...(ticket.detailsEnc ? ["answers"] : []),
      ],
    })),
  };
}
