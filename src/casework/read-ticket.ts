import { z } from "zod";
import { loadPersonKeys, openOrNull, openText, personKeyFor, sealedAt } from "../domain/privacy/person-keys.ts";
import { listMessages, type TranscriptMessage } from "../conversations/list-messages.ts";
import type { Cipher } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { Caseworker, Ticket } from "../db/generated/client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { describeSafeTimes, personZoneOf, type SafeTimesView } from "../domain/tickets/describe-safe-times.ts";
import { isSafeToWrite, readSafeTimes } from "../domain/tickets/read-safe-contact.ts";
import { describeShareState, type ShareAskView } from "./describe-share-asks.ts";
import { CaseworkError } from "./casework-error.ts";
import { can, type Permission } from "./permissions.ts";

/** The assessment as screening stores it (SCREENING.md); read tolerantly so an older shape still shows. */
const StoredAssessment = z
  .object({
    indicators: z
      .array(
        z
          .object({
            id: z.string(),
            category: z.string().optional(),
            strength: z.string().optional(),
            evidence: z.string().optional(),
            name: z.object({ id: z.string().optional(), en: z.string().optional() }).optional(),
          })
          .passthrough(),
      )
      .default([]),
    palermo: z.object({ act: z.boolean(), means: z.boolean(), purpose: z.boolean() }).partial().optional(),
    risk: z.string().optional(),
    priority: z.string().optional(),
    emergency: z.boolean().optional(),
    child: z.boolean().optional(),
    intent: z.string().optional(),
    language: z.string().optional(),
    littleUnderstood: z.boolean().optional(),
    understanding: z
      .object({ words: z.number(), knownWords: z.number(), languageRead: z.boolean() })
      .partial()
      .optional(),
    explanation: z.object({ id: z.string().optional(), en: z.string().optional() }).optional(),
  })
  .passthrough();
export type StoredAssessment = z.infer<typeof StoredAssessment>;

export type TicketView = {
  ticket: Ticket;
  assignee: { id: string; name: string } | null;
  assessment: StoredAssessment | null;
  summary: { id?: string; en?: string } | null;
  safeContact: Record<string, unknown> | null;
  /** false when writing now goes against the person's safe-contact wishes (times, or "wait for me") */
  safeNow: boolean;
  /** the person's clock and the caseworker's, with the safe windows on both; null where the person's zone is unknown */
  safeTimes: SafeTimesView | null;
  details: Record<string, unknown> | null;
  consents: { scope: string; granted: boolean; createdAt: Date }[];
  /** the person agreed to share with any partner */
  shareConsent: boolean;
  /** the partners the person agreed to share with by name (when not with any) */
  sharePartnerIds: string[];
  /** the share questions caseworkers asked from this ticket, and their answers */
  shareAsks: ShareAskView[];
  /** the person erased their data (the ticket is kept pseudonymised; nothing to claim or answer) */
  erased: boolean;
  conversation: { id: string; mode: "bot" | "human"; caseworkerId: string | null; erased: boolean } | null;
  /** the newest messages (a page), oldest first */
  transcript: TranscriptMessage[];
  /** the cursor to load the page before this one, or null when the transcript starts here */
  earlier: string | null;
  /** an earlier page was asked for: the newest messages are not on it (no live view) */
  paged: boolean;
  events: { type: string; actor: string; data: unknown; createdAt: Date }[];
  notes: { id: string; author: string; text: string; createdAt: Date }[];
  referrals: {
    id: string;
    partner: string;
    status: string;
    consent: boolean;
    overrideReason: string | null;
    outcomeNote: string | null;
    createdAt: Date;
    createdBy: string;
  }[];
  /** what the actor may do on this ticket */
  allowed: Record<Permission, boolean>;
};

/**
 * Everything a caseworker needs to act on one ticket, decrypted. Every read is written to the audit log
 * (who, which ticket, when); a ticket the actor may not see is "not found".
 */
/** A ticket page shows the newest this many messages; "load earlier" pages back. */
export const TRANSCRIPT_PAGE = 500;

export async function readTicket(
  ctx: { db: Db; cipher: Cipher; now: () => Date; actor: Caseworker },
  reference: string,
  purpose = "view",
  page: { before?: bigint } = {},
): Promise<TicketView> {
  const ticket = await ctx.db.ticket.findUnique({
    where: { reference },
    include: { assignee: { select: { id: true, name: true } } },
  });
  if (!ticket || !can(ctx.actor, "ticket.read", ticket))
    throw new CaseworkError("not_found", `No ticket ${reference} that you can see.`, "errors.ticket_not_found");
  await recordAudit(ctx.db, {
    actor: { type: "caseworker", id: ctx.actor.id },
    action: "ticket.read",
    subjectType: "ticket",
    subjectId: ticket.id,
    meta: { purpose },
  });

  await loadPersonKeys(ctx.db, ctx.cipher, [ticket.assessmentEnc, ticket.safeContactEnc, ticket.detailsEnc]);
  // notes, outcome notes and override reasons are sealed under the same person key
  if (ticket.contactId) await personKeyFor(ctx.db, ctx.cipher, ticket.contactId);
  const decrypt = <T>(sealed: string | null, column: string): T | null =>
    openOrNull<T>(ctx.cipher, sealed, sealedAt("Ticket", column, ticket.id));
  const rawAssessment = decrypt<unknown>(ticket.assessmentEnc, "assessmentEnc");
  const parsed = rawAssessment
    ? StoredAssessment.safeParse((rawAssessment as { assessment?: unknown }).assessment ?? rawAssessment)
    : null;
  const safeContact = decrypt<Record<string, unknown>>(ticket.safeContactEnc, "safeContactEnc");
  const personZone = personZoneOf(safeContact, ticket.country);
  const conversation = ticket.conversationId
    ? await ctx.db.conversation.findUnique({
        where: { id: ticket.conversationId },
        include: { contact: { select: { erasedAt: true } } },
      })
    : null;
  const [newestMessages, events, notes, referrals, consents] = await Promise.all([
    conversation
      ? listMessages(ctx.db, ctx.cipher, conversation.id, {
          newest: true,
          limit: TRANSCRIPT_PAGE + 1,
          ...(page.before !== undefined ? { before: page.before } : {}),
        })
      : Promise.resolve([]),
    ctx.db.ticketEvent.findMany({ where: { ticketId: ticket.id }, orderBy: { createdAt: "asc" } }),
    ctx.db.note.findMany({
      where: { ticketId: ticket.id },
      orderBy: { createdAt: "asc" },
      include: { author: { select: { name: true } } },
    }),
    ctx.db.referral.findMany({
      where: { ticketId: ticket.id },
      orderBy: { createdAt: "asc" },
      include: { partner: { select: { name: true } } },
    }),
    ticket.contactId
      ? ctx.db.consent.findMany({ where: { contactId: ticket.contactId }, orderBy: { createdAt: "asc" } })
      : Promise.resolve([]),
  ]);
  const share = describeShareState(ticket, consents, events);
  const names = await caseworkerNames(ctx.db, [
    ...events.map((e) => e.actorId),
    ...referrals.map((r) => r.createdById),
  ]);
  const permissions: Permission[] = [
    "ticket.read",
    "ticket.claim",
    "ticket.release",
    "ticket.reassign",
    "ticket.change_status",
    "ticket.note",
    "ticket.reply",
    "ticket.refer",
    "ticket.refer_override",
    "partners.manage",
    "accounts.manage",
    "audit.read",
  ];
  return {
    ticket,
    assignee: ticket.assignee,
    assessment: parsed?.success ? parsed.data : null,
    summary: decrypt<{ id?: string; en?: string }>(ticket.summaryEnc, "summaryEnc"),
    safeContact,
    safeNow: isSafeToWrite(safeContact, conversation?.lastInboundAt ?? null, ctx.now(), personZone),
    safeTimes: describeSafeTimes(readSafeTimes(safeContact, personZone), personZone, ctx.now()),
    details: decrypt<Record<string, unknown>>(ticket.detailsEnc, "detailsEnc"),
    consents: consents.map((c) => ({ scope: c.scope, granted: c.granted, createdAt: c.createdAt })),
    ...share,
    /** the person erased their data: the page says so, and nothing can be claimed or answered */
    erased: ticket.erasureRequestedAt !== null,
    conversation: conversation
      ? {
          id: conversation.id,
          mode: conversation.mode,
          caseworkerId: conversation.caseworkerId,
          erased: Boolean(conversation.contact.erasedAt),
        }
      : null,
    transcript: newestMessages.length > TRANSCRIPT_PAGE ? newestMessages.slice(1) : newestMessages,
    paged: page.before !== undefined,
    earlier: newestMessages.length > TRANSCRIPT_PAGE ? (newestMessages[1]?.cursor ?? null) : null,
    events: events.map((e) => ({
      type: e.type,
      actor: e.actorType === "caseworker" ? (names.get(e.actorId ?? "") ?? "?") : e.actorType,
      data: e.data,
      createdAt: e.createdAt,
    })),
    notes: notes.map((n) => ({
      id: n.id,
      author: n.author.name,
      text: openText(ctx.cipher, n.textEnc, sealedAt("Note", "textEnc", n.id)) ?? "",
      createdAt: n.createdAt,
    })),
    referrals: referrals.map((r) => ({
      id: r.id,
      partner: r.partner.name,
      status: r.status,
      consent: r.consent,
      overrideReason: openText(ctx.cipher, r.overrideReason, sealedAt("Referral", "overrideReason", r.id)),
      outcomeNote: openText(ctx.cipher, r.outcomeNote, sealedAt("Referral", "outcomeNote", r.id)),
      createdAt: r.createdAt,
      createdBy: names.get(r.createdById) ?? "?",
    })),
    allowed: Object.fromEntries(permissions.map((p) => [p, can(ctx.actor, p, ticket)])) as Record<Permission, boolean>,
  };
}

/** New transcript messages after a cursor (the console's live view), audited as a read of the ticket. */
export async function readTranscriptAfter(
  ctx: { db: Db; cipher: Cipher; actor: Caseworker },
  reference: string,
  after: bigint,
  /** called with the ticket's id when there are new messages (the console then reads its share state too) */
  options: { onRead?: (ticketId: string) => Promise<void> } = {},
): Promise<TranscriptMessage[] | null> {
  const ticket = await ctx.db.ticket.findUnique({ where: { reference } });
  if (!ticket || !can(ctx.actor, "ticket.read", ticket))
    throw new CaseworkError("not_found", `No ticket ${reference} that you can see.`, "errors.ticket_not_found");
  if (!ticket.conversationId) return null;
  const messages = await listMessages(ctx.db, ctx.cipher, ticket.conversationId, { after });
  if (messages.length && options.onRead) await options.onRead(ticket.id);
  if (messages.length) {
    await recordAudit(ctx.db, {
      actor: { type: "caseworker", id: ctx.actor.id },
      action: "ticket.read",
      subjectType: "ticket",
      subjectId: ticket.id,
      meta: { purpose: "transcript", after: after.toString() },
    });
  }
  return messages;
}

async function caseworkerNames(db: Db, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!unique.length) return new Map();
  const rows = await db.caseworker.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}
