import type { Cipher } from "../../crypto/create-cipher.ts";
import { randomUUID } from "node:crypto";
import { personKeyFor, sealedAt } from "../privacy/person-keys.ts";
import type { Tx } from "../../db/create-prisma-client.ts";
import type { Ticket } from "../../db/generated/client.ts";
import type { Translate } from "../../i18n/create-i18n.ts";
import { recordAudit, type Actor } from "../audit/record-audit.ts";
import { detectPlaces } from "../places/detect-places.ts";
import type { Assessment } from "../screening/index.ts";
import { mergeAssessments, withoutEvidence } from "./merge-assessments.ts";
import { normalizeRecruiterName } from "./normalize-recruiter-name.ts";
import { recordTicketEvent } from "./record-ticket-event.ts";
import { newReferenceCode } from "./reference-code.ts";
import { OPEN_STATUSES } from "./ticket-status.ts";
import {
  maxPriority,
  type OpenedTicket,
  type SafeContact,
  type TicketRequest,
  type TicketScope,
} from "./ticket-request.ts";
import { writeSummary } from "./write-summary.ts";

export type TicketContext = { cipher: Cipher; t: Translate; now: () => Date };

const MAX_REFERENCE_TRIES = 8;

/**
 * Opens the person's ticket of a type, or adds to the one still open: one open ticket per person and
 * type, so a second request updates it (new indicators, needs and details added, priority kept at the
 * highest) and writes an "updated" event instead of a duplicate. Assessment, summary, safe contact and
 * details are stored encrypted. Runs inside the caller's transaction.
 */
export async function openTicket(
  tx: Tx,
  ctx: TicketContext,
  scope: TicketScope,
  request: TicketRequest,
): Promise<OpenedTicket> {
  const actor: Actor = { type: "person", id: scope.contactId };
  const existing = await tx.ticket.findFirst({
    // An urgent case absorbs the person's open "talk to a person" request: one case, one caseworker.
    where: {
      contactId: scope.contactId,
      type: request.type === "emergency" ? { in: ["emergency", "talk_to_person"] } : request.type,
      status: { in: [...OPEN_STATUSES] },
    },
    orderBy: { createdAt: "desc" },
  });
  // The ticket's words are the person's: sealed under their own key, bound to the ticket's row and column.
  const key = await personKeyFor(tx, ctx.cipher, scope.contactId);
  const ticketId = existing?.id ?? randomUUID();
  const at = (column: string) => sealedAt("Ticket", column, ticketId);
  const incoming = request.assessment && request.minimal ? withoutEvidence(request.assessment) : request.assessment;
  const before = existing?.assessmentEnc
    ? ctx.cipher.decryptJson<Assessment>(existing.assessmentEnc, at("assessmentEnc"))
    : null;
  const assessment = mergeAssessments(before, incoming);
  const priority = maxPriority(existing?.priority, request.priority, incoming?.priority);
  const needs = [...new Set([...(existing?.needs ?? []), ...(request.needs ?? [])])];
  const safeContact = mergeSafeContact(
    existing ? readSafeContact(ctx, existing) : null,
    request.minimal ? withoutNumber(request.safeContact) : request.safeContact,
  );
  const details = {
    ...(existing?.detailsEnc
      ? ctx.cipher.decryptJson<Record<string, string>>(existing.detailsEnc, at("detailsEnc"))
      : {}),
    ...(request.minimal ? {} : request.details),
  };
  const consentShare = request.consentShare ?? existing?.consentShare ?? false;
  // Where the case is, from the person's own words (story, form answers): kept once known.
  const words = request.minimal
    ? []
    : [...Object.values(request.details ?? {}), ...(incoming?.indicators.map((hit) => hit.evidence) ?? [])];
  const places = detectPlaces(words.join("\n"));
  const facts = {
    type: request.type,
    priority,
    channel: scope.channel,
    indicatorIds: assessment?.indicators.map((hit) => hit.id) ?? [],
    emergency: assessment?.emergency ?? request.type === "emergency",
    child: assessment?.child ?? false,
    risk: assessment?.risk ?? "none",
    needs,
    consentShare,
    country: request.country ?? existing?.country ?? places.country ?? null,
    province: existing?.province ?? places.province ?? null,
  };
  const sealed = {
    assessmentEnc: assessment ? ctx.cipher.sealJsonFor(key, assessment, at("assessmentEnc")) : null,
    summaryEnc: ctx.cipher.encryptJson(
      writeSummary({ ...facts, safeContact, minimal: request.minimal === true }, ctx.t),
    ),
    safeContactEnc: safeContact ? ctx.cipher.sealJsonFor(key, safeContact, at("safeContactEnc")) : null,
    detailsEnc: Object.keys(details).length ? ctx.cipher.sealJsonFor(key, details, at("detailsEnc")) : null,
  };

  let ticket: Ticket;
  if (existing) {
    ticket = await tx.ticket.update({
      where: { id: existing.id },
      data: {
        ...facts,
        ...sealed,
        type: request.type === "emergency" && existing.type !== "emergency" ? "emergency" : undefined,
        channel: undefined,
        conversationId: scope.conversationId,
        locale: scope.locale,
      },
    });
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      type: "updated",
      actor,
      data: {
        priority: priority === existing.priority ? undefined : { from: existing.priority, to: priority },
        indicatorsAdded: facts.indicatorIds.filter((id) => !existing.indicatorIds.includes(id)),
        needsAdded: needs.filter((need) => !existing.needs.includes(need)),
        detailsAdded: Object.keys(request.minimal ? {} : (request.details ?? {})),
      },
    });
  } else {
    ticket = await tx.ticket.create({
      data: {
        ...facts,
        ...sealed,
        id: ticketId,
        reference: await uniqueReference(tx),
        locale: scope.locale,
        contactId: scope.contactId,
        conversationId: scope.conversationId,
        createdAt: ctx.now(),
      },
    });
    await recordTicketEvent(tx, {
      ticketId: ticket.id,
      type: "created",
      actor,
      data: { priority, indicatorIds: facts.indicatorIds, minimal: request.minimal === true },
    });
  }
  const nameKey = request.recruiterName && !request.minimal ? normalizeRecruiterName(request.recruiterName) : "";
  // Only a keyed hash of the normalised name: repeated reports are counted, the name is not stored.
  if (nameKey)
    await tx.recruiterMention.create({
      data: { ticketId: ticket.id, nameKey: ctx.cipher.lookupKey(`recruiter:${nameKey}`), createdAt: ctx.now() },
    });
  await recordAudit(tx, {
    actor,
    action: existing ? "ticket.updated" : "ticket.created",
    subjectType: "ticket",
    subjectId: ticket.id,
    meta: { type: ticket.type, priority },
  });
  // An urgent case that absorbed a "talk to a person" request is new as an emergency: it alerts like one.
  const absorbed = existing !== null && existing.type !== request.type;
  return {
    status: existing && !absorbed ? "updated" : "created",
    id: ticket.id,
    reference: ticket.reference,
    type: ticket.type,
    priority: ticket.priority,
    indicatorIds: ticket.indicatorIds,
  };
}

/** A fresh reference code no ticket has yet (checked first: a failed insert would abort the transaction). */
async function uniqueReference(tx: Tx): Promise<string> {
  for (let i = 0; i < MAX_REFERENCE_TRIES; i++) {
    const reference = newReferenceCode();
    if (!(await tx.ticket.findUnique({ where: { reference }, select: { id: true } }))) return reference;
  }
  throw new Error("could not find a free ticket reference");
}

function readSafeContact(ctx: TicketContext, ticket: Ticket): SafeContact | null {
  return ticket.safeContactEnc
    ? ctx.cipher.decryptJson<SafeContact>(ticket.safeContactEnc, sealedAt("Ticket", "safeContactEnc", ticket.id))
    : null;
}

function mergeSafeContact(before: SafeContact | null, next: SafeContact | undefined): SafeContact | null {
  const merged = { ...before, ...next };
  return Object.keys(merged).length ? merged : null;
}

function withoutNumber(contact: SafeContact | undefined): SafeContact | undefined {
  if (!contact) return undefined;
  const { number: _dropped, ...rest } = contact;
  return rest;
}
