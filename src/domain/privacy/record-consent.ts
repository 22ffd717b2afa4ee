import type { Tx } from "../../db/create-prisma-client.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { OPEN_STATUSES } from "../tickets/ticket-status.ts";

/**
 * Records one consent decision with its time and the notice version the person saw (UU PDP Pasal 22, 24:
 * consent must be recorded and provable). A decision about sharing also applies to the person's open
 * tickets, so a caseworker sees at once whether a referral may carry their details — all but a "no" to one
 * named partner, which says nothing about the others.
 */
export async function recordConsent(
  tx: Tx,
  entry: {
    contactId: string;
    /** "store" (keep what they tell us) or "share:any" / "share:<partnerId>" */ scope: string;
    granted: boolean;
    notice: string;
    at: Date;
  },
): Promise<void> {
  await tx.consent.create({
    data: {
      contactId: entry.contactId,
      scope: entry.scope,
      granted: entry.granted,
      notice: entry.notice,
      createdAt: entry.at,
    },
  });
  if (entry.scope.startsWith("share:") && (entry.granted || entry.scope === "share:any")) {
    await tx.ticket.updateMany({
      where: { contactId: entry.contactId, status: { in: [...OPEN_STATUSES] } },
      data: { consentShare: entry.granted },
    });
  }
  await recordAudit(tx, {
    actor: { type: "person", id: entry.contactId },
    action: entry.granted ? "consent.granted" : "consent.declined",
    subjectType: "contact",
    subjectId: entry.contactId,
    meta: { scope: entry.scope, notice: entry.notice },
  });
}
