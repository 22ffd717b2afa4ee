import type { Db } from "../db/create-prisma-client.ts";
import { shareConsentFrom } from "./refer-ticket.ts";

/** One share question a caseworker asked from a ticket, and where it stands. */
export type ShareAskView = {
  partnerId: string;
  askedAt: Date;
  /** pending: waiting for the person; replaced: another question was asked before this one was answered */
  status: "pending" | "granted" | "declined" | "replaced";
  answeredAt: Date | null;
};

type Event = { type: string; data: unknown; createdAt: Date };

const partnerOf = (data: unknown): string | null => {
  const id = (data as { partnerId?: unknown } | null)?.partnerId;
  return typeof id === "string" ? id : null;
};

/**
 * The share questions of a ticket from its history, oldest first: each "share_consent_requested" with the
 * person's answer ("share_consent_answered") when it came. The person's conversation holds one question
 * at a time, so a question asked while another waited replaces it (from another ticket:
 * "share_consent_replaced").
 */
export function describeShareAsks(events: readonly Event[]): ShareAskView[] {
  const asks: ShareAskView[] = [];
  for (const event of events) {
    const partnerId = partnerOf(event.data);
    if (!partnerId) continue;
    const open = asks.at(-1)?.status === "pending" ? asks.at(-1) : undefined;
    if (event.type === "share_consent_requested") {
      if (open) open.status = "replaced";
      asks.push({ partnerId, askedAt: event.createdAt, status: "pending", answeredAt: null });
    } else if (event.type === "share_consent_replaced" && open && open.partnerId === partnerId) {
      // asked again from another of the person's tickets before this one was answered
      open.status = "replaced";
    } else if (event.type === "share_consent_answered" && open && open.partnerId === partnerId) {
      const granted = (event.data as { granted?: unknown }).granted === true;
      open.status = granted ? "granted" : "declined";
      open.answeredAt = event.createdAt;
    }
  }
  return asks;
}

/** What a ticket page shows of consent to share, as the parts of its live signature. */
export type ShareState = { shareConsent: boolean; sharePartnerIds: string[]; shareAsks: ShareAskView[] };

/**
 * The share state of a ticket from its consent rows (oldest first) and history: consent for any partner,
 * the partners agreed to by name, and the questions asked.
 */
export function describeShareState(
  ticket: { consentShare: boolean },
  consents: readonly { scope: string; granted: boolean }[],
  events: readonly Event[],
): ShareState {
  const shareConsent = shareConsentFrom(consents, ticket.consentShare, "any");
  const named = new Set(
    consents.filter((c) => c.scope.startsWith("share:") && c.scope !== "share:any").map((c) => c.scope.slice(6)),
  );
  return {
    shareConsent,
    sharePartnerIds: shareConsent ? [] : [...named].filter((id) => shareConsentFrom(consents, ticket.consentShare, id)),
    shareAsks: describeShareAsks(events),
  };
}

/** The share state as one string: it changes when the person answers a question (or consents otherwise). */
export function shareSignature(state: ShareState): string {
  return [
    state.shareConsent ? "any" : "",
    ...state.sharePartnerIds,
    ...state.shareAsks.map((ask) => `${ask.partnerId}:${ask.status}`),
  ].join(",");
}

/** A ticket's share signature, read afresh (for the ticket page's live view, after its read was allowed). */
export async function readShareSignature(db: Db, ticketId: string): Promise<string> {
  const ticket = await db.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: { consentShare: true, contactId: true },
  });
  const [consents, events] = await Promise.all([
    ticket.contactId
      ? db.consent.findMany({
          where: { contactId: ticket.contactId, scope: { startsWith: "share:" } },
          orderBy: { createdAt: "asc" },
          select: { scope: true, granted: true },
        })
      : Promise.resolve([]),
    db.ticketEvent.findMany({
      where: {
        ticketId,
        type: { in: ["share_consent_requested", "share_consent_answered", "share_consent_replaced"] },
      },
      orderBy: { createdAt: "asc" },
      select: { type: true, data: true, createdAt: true },
    }),
  ]);
  return shareSignature(describeShareState(ticket, consents, events));
}
