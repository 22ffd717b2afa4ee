import type { Cipher } from "../../crypto/create-cipher.ts";
import { openOrNull, sealedAt } from "../privacy/person-keys.ts";
import type { Ticket, TicketEvent } from "../../db/generated/client.ts";
import type { Assessment } from "../screening/index.ts";
import type { SafeContact } from "./ticket-request.ts";

/** A ticket as a caseworker's tools read it (list rows): no evidence, no contact details. */
export type TicketSummaryView = ReturnType<typeof toTicketSummaryView>;

export function toTicketSummaryView(ticket: Ticket, cipher: Cipher) {
  return {
    reference: ticket.reference,
    type: ticket.type,
    priority: ticket.priority,
    status: ticket.status,
    locale: ticket.locale,
    channel: ticket.channel,
    indicators: ticket.indicatorIds,
    risk: ticket.risk,
    emergency: ticket.emergency,
    child: ticket.child,
    needs: ticket.needs,
    summary: ticket.summaryEnc ? cipher.decryptJson<{ id: string; en: string }>(ticket.summaryEnc) : null,
    country: ticket.country,
    province: ticket.province,
    consentShare: ticket.consentShare,
    assigneeId: ticket.assigneeId,
    erasureRequestedAt: ticket.erasureRequestedAt?.toISOString() ?? null,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    closedAt: ticket.closedAt?.toISOString() ?? null,
  };
}

/** One ticket in full: the assessment with its evidence, safe contact, the flow's answers and the history. */
export function toTicketView(
  ticket: Ticket & { events: TicketEvent[] },
  cipher: Cipher,
  extra: { recruiterReports: number | null },
) {
  return {
    ...toTicketSummaryView(ticket, cipher),
    assessment: openOrNull<Assessment>(cipher, ticket.assessmentEnc, sealedAt("Ticket", "assessmentEnc", ticket.id)),
    safeContact: openOrNull<SafeContact>(
      cipher,
      ticket.safeContactEnc,
      sealedAt("Ticket", "safeContactEnc", ticket.id),
    ),
    details: openOrNull<Record<string, string>>(cipher, ticket.detailsEnc, sealedAt("Ticket", "detailsEnc", ticket.id)),
    /** for a recruiter report: how many reports name the same recruiter (this one included) */
    recruiterReports: extra.recruiterReports,
    events: ticket.events.map((event) => ({
      type: event.type,
      actorType: event.actorType,
      actorId: event.actorId,
      data: event.data,
      at: event.createdAt.toISOString(),
    })),
  };
}
