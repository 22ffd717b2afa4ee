import type { Referral, ReferralStatus, Ticket } from "../db/generated/client.ts";
import { randomUUID } from "node:crypto";
import { sealForTicket, sealedAt } from "../domain/privacy/person-keys.ts";
import { TX_OPTIONS, type Tx } from "../db/create-prisma-client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import type { CaseworkContext } from "./casework-context.ts";
import { CaseworkError } from "./casework-error.ts";
import { loadTicketFor } from "./load-ticket-for.ts";
import { can } from "./permissions.ts";
import { recordTicketEvent } from "../domain/tickets/record-ticket-event.ts";

export const MIN_OVERRIDE_REASON_LENGTH = 10;

export type ReferInput = {
  reference: string;
  partnerId: string;
  overrideReason?: string;
  /** email the referral form when the person consented and the partner has a referral email (SMTP_URL is set) */
  email?: boolean;
};

/**
 * Refers a ticket to a partner (Primero-style). Needs the person's consent to share — on the ticket, or a
 * `share:any` / `share:<partnerId>` consent they have not withdrawn since. Without it only a supervisor
 * may refer, with a reason that is kept on the referral and in the audit log.
 */
export async function referTicket(ctx: CaseworkContext, input: ReferInput): Promise<Referral> {
  return ctx.db.$transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.refer");
    const partner = await tx.partner.findUnique({ where: { id: input.partnerId } });
    if (!partner || !partner.active)
      throw new CaseworkError("invalid", "Choose an active partner from the directory.", "errors.no_such_partner");
    const consent = await hasShareConsent(tx, ticket, partner.id);
    const reason = input.overrideReason?.trim() ?? "";
    if (!consent) {
      if (!can(ctx.actor, "ticket.refer_override")) {
        throw new CaseworkError(
          "forbidden",
          "The person has not agreed to share their case. Only a supervisor can override that, with a reason.",
          "errors.consent_required",
        );
      }
      if (reason.length < MIN_OVERRIDE_REASON_LENGTH) {
        throw new CaseworkError(
          "invalid",
          `Without the person's consent, write why (at least ${MIN_OVERRIDE_REASON_LENGTH} characters).`,
          "errors.override_reason",
        );
      }
    }
    const actor = { type: "caseworker", id: ctx.actor.id } as const;
    const id = randomUUID();
    const referral = await tx.referral.create({
      data: {
        id,
        ticketId: ticket.id,
        partnerId: partner.id,
        consent,
        // The reason is about the person: sealed under their key (the audit keeps the fact, not the words).
        overrideReason: consent
          ? null
          : await sealForTicket(tx, ctx.cipher, ticket, reason, sealedAt("Referral", "overrideReason", id)),
        createdById: ctx.actor.id,
        createdAt: ctx.now(),
        // Only what the person agreed to share is ever sent; a referral without consent goes by hand.
        dispatch: consent && input.email && partner.referralEmail ? "pending" : "by_hand",
      },
    });
    if (ticket.status !== "closed" && ticket.status !== "new")
      await tx.ticket.update({ where: { id: ticket.id }, data: { status: "referred" } });
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      type: "referred",
      actor,
      data: { referralId: referral.id, partnerId: partner.id, consent, override: !consent },
    });
    await recordAudit(tx, {
      actor,
      action: consent ? "ticket.referred" : "ticket.referred_override",
      subjectType: "ticket",
      subjectId: ticket.id,
      meta: { referralId: referral.id, partnerId: partner.id, ...(consent ? {} : { override: true }) },
    });
    return { ...referral, overrideReason: consent ? null : reason };
  }, TX_OPTIONS);
}

/** Records what became of a referral: accepted, declined or completed, with an optional note. */
export async function updateReferral(
  ctx: CaseworkContext,
  input: { reference: string; referralId: string; status: ReferralStatus; note?: string },
): Promise<Referral> {
  return ctx.db.$transaction(async (tx) => {
    const ticket = await loadTicketFor(tx, ctx.actor, input.reference, "ticket.refer");
    const referral = await tx.referral.findFirst({ where: { id: input.referralId, ticketId: ticket.id } });
    if (!referral) throw new CaseworkError("not_found", "No such referral on this ticket.", "errors.no_such_referral");
    const note = input.note?.trim();
    const updated = await tx.referral.update({
      where: { id: referral.id },
      data: {
        status: input.status,
        ...(note
          ? {
              outcomeNote: await sealForTicket(
                tx,
                ctx.cipher,
                ticket,
                note,
                sealedAt("Referral", "outcomeNote", referral.id),
              ),
            }
          : {}),
      },
    });
    const actor = { type: "caseworker", id: ctx.actor.id } as const;
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      type: "referral_updated",
      actor,
      data: { referralId: referral.id, from: referral.status, to: input.status },
    });
    await recordAudit(tx, {
      actor,
      action: "referral.updated",
      subjectType: "ticket",
      subjectId: ticket.id,
      meta: { referralId: referral.id, to: input.status },
    });
    return updated;
  }, TX_OPTIONS);
}

/**
 * The person's consent to share with this partner: their latest `share:any` or `share:<partnerId>` decision.
 * A person who only agreed for named partners has not agreed for the others; the ticket's flag counts only
 * where no share decision of theirs is on record at all (a ticket opened without the flows).
 */
export async function hasShareConsent(
  tx: Pick<Tx, "consent">,
  ticket: Pick<Ticket, "consentShare" | "contactId">,
  partnerId: string,
): Promise<boolean> {
  if (!ticket.contactId) return ticket.consentShare;
  const rows = await tx.consent.findMany({
    where: { contactId: ticket.contactId, scope: { startsWith: "share:" } },
    orderBy: { createdAt: "asc" },
    select: { scope: true, granted: true },
  });
  return shareConsentFrom(rows, ticket.consentShare, partnerId);
}

/** The same rule over consent rows already read, oldest first (the ticket page reads them once for every partner). */
export function shareConsentFrom(
  rows: readonly { scope: string; granted: boolean }[],
  ticketFlag: boolean,
  partnerId: string,
): boolean {
  const shares = rows.filter((row) => row.scope.startsWith("share:"));
  if (shares.length === 0) return ticketFlag;
  const latest = shares.filter((row) => row.scope === "share:any" || row.scope === `share:${partnerId}`).at(-1);
  return latest?.granted ?? false;
}
