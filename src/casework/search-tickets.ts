import { z } from "zod";
import { loadPersonKeys, openOrNull, sealedAt } from "../domain/privacy/person-keys.ts";
import { listMessages } from "../conversations/list-messages.ts";
import type { Cipher } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { Caseworker, Prisma } from "../db/generated/client.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { normalizePhone } from "../domain/contacts/normalize-phone.ts";
import { parseReferenceCode } from "../domain/tickets/reference-code.ts";
import { INDICATOR_IDS } from "../domain/screening/index.ts";
import { atLeast } from "./permissions.ts";

/** How far back the words of transcripts are searched, and how many tickets' transcripts are decrypted at most. */
export const TRANSCRIPT_SEARCH_DAYS = 90;
const TRANSCRIPT_SEARCH_TICKETS = 200;
const RESULT_LIMIT = 100;
/** The offset of the console's time zone (CONSOLE_TIME_ZONE, Asia/Jakarta: no daylight saving). */
const CONSOLE_UTC_OFFSET = "+07:00";

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a date");

/** The search form (query string of /console/search and /api/search); every field is optional. */
export const SearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(["new", "claimed", "in_progress", "referred", "closed"]).optional(),
  type: z.enum(["victim_assistance", "emergency", "family_tracing", "recruiter_report", "talk_to_person"]).optional(),
  country: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2}$/)
    .transform((value) => value.toUpperCase())
    .optional(),
  /** an indicator's id or its code, in any case: "FL-06-violence", "fl-06" */
  indicator: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}-\d{2}(?:-[A-Za-z0-9-]+)?$/)
    .transform((value) => value.toLowerCase())
    .optional(),
  partnerId: z.string().uuid().optional(),
  assigneeId: z.string().uuid().optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export type SearchMatch = "reference" | "phone" | "words" | "filters";
export type SearchHit = {
  reference: string;
  type: string;
  status: string;
  priority: string;
  country: string | null;
  channel: string;
  createdAt: Date;
  assignee: string | null;
  erased: boolean;
  match: SearchMatch;
};
export type SearchResult = { hits: SearchHit[]; truncated: boolean; searchedWords: boolean };

type SearchContext = { db: Db; cipher: Cipher; now: () => Date; actor: Caseworker };

/**
 * Finds tickets the actor may read: by reference ("LNT-7J4M5P"), by phone number (through the keyed hash
 * of the person's WhatsApp address, or the safe-contact number they gave), by filters, or by words in the
 * transcripts of the last TRANSCRIPT_SEARCH_DAYS days. Only what the role may read is decrypted, and only
 * within that bound. Every search goes to the audit log — which fields were used and how many tickets it
 * found, never the words or the number searched for.
 *
 * Example: searchTickets(ctx, { q: "0812 3456 7890" }) → the tickets of that WhatsApp number.
 */
export async function searchTickets(ctx: SearchContext, query: SearchQuery): Promise<SearchResult> {
  const q = query.q ?? "";
  const filters = toFilters(query);
  // "lnt-7j4m5p", "LNT 7J4M5P", "lnt7j4m5p"; a bare "7J4M5P" too, unless it finds nothing: "kupang" is words.
  const reference = parseReferenceCode(q);
  const bare = !/^\s*lnt/i.test(q);
  const found = reference ? await finish(ctx, { AND: [filters, { reference }] }, "reference") : null;
  const byReference = found !== null && (found.hits.length > 0 || !bare);
  const phone = q.replace(/\D/g, "").length >= 8 ? normalizePhone(q) : null;
  let result: SearchResult;
  if (found && byReference) {
    result = found;
  } else if (phone) {
    result = await byPhone(ctx, filters, phone);
  } else if (q.length >= 2) {
    result = await byWords(ctx, filters, q);
  } else {
    result = await finish(ctx, filters, "filters");
  }
  await recordAudit(ctx.db, {
    actor: { type: "caseworker", id: ctx.actor.id },
    action: "tickets.search",
    subjectType: "ticket",
    meta: {
      fields: Object.entries(query)
        .filter(([, value]) => value !== undefined && value !== "")
        .map(([key]) => (key === "q" ? `q:${byReference ? "reference" : phone ? "phone" : "words"}` : key)),
      results: result.hits.length,
    },
  });
  return result;
}

/** What the actor may read, as `can(actor, "ticket.read")` says, written as a query. */
function readable(actor: Caseworker): Prisma.TicketWhereInput {
  if (!actor.active) return { id: { in: [] } };
  if (atLeast(actor, "supervisor")) return {};
  return { OR: [{ assigneeId: actor.id }, { assigneeId: null, status: { not: "closed" } }] };
}

function toFilters(query: SearchQuery): Prisma.TicketWhereInput {
  // Days as the console shows them: in WIB (Asia/Jakarta, UTC+7 all year), so 05:00 WIB is that day.
  const day = (value: string, end: boolean) =>
    new Date(Date.parse(`${value}T00:00:00${CONSOLE_UTC_OFFSET}`) + (end ? 24 * 3600 * 1000 : 0));
  return {
    AND: [
      query.status ? { status: query.status } : {},
      query.type ? { type: query.type } : {},
      query.country ? { country: query.country } : {},
      query.indicator ? { indicatorIds: { hasSome: indicatorsNamed(query.indicator) } } : {},
      query.partnerId ? { referrals: { some: { partnerId: query.partnerId } } } : {},
      query.assigneeId ? { assigneeId: query.assigneeId } : {},
      query.from || query.to
        ? {
            createdAt: {
              ...(query.from ? { gte: day(query.from, false) } : {}),
              ...(query.to ? { lt: day(query.to, true) } : {}),
            },
          }
        : {},
    ],
  };
}

/** The catalogue's ids an indicator filter names: the id itself, or every id of a code ("fl-06"). */
function indicatorsNamed(typed: string): string[] {
  return INDICATOR_IDS.filter((id) => {
    const lower = id.toLowerCase();
    return lower === typed || lower.startsWith(`${typed}-`);
  });
}

async function byPhone(ctx: SearchContext, filters: Prisma.TicketWhereInput, digits: string): Promise<SearchResult> {
  // The person's own WhatsApp number: contacts are found by the keyed hash of their address, never in clear.
  const keys = [`${digits}@s.whatsapp.net`].map((jid) => ctx.cipher.lookupKey(jid));
  const contacts = await ctx.db.contact.findMany({
    where: { channel: "whatsapp", channelUserKey: { in: keys } },
    select: { id: true },
  });
  const own = await rows(ctx, { AND: [filters, { contactId: { in: contacts.map((c) => c.id) } }] });
  // A number given as the safe contact is only inside the encrypted ticket: recent readable tickets are opened.
  const recent = await ctx.db.ticket.findMany({
    where: { AND: [readable(ctx.actor), filters, { safeContactEnc: { not: null } }, recentOnly(ctx)] },
    orderBy: { createdAt: "desc" },
    take: TRANSCRIPT_SEARCH_TICKETS,
    select: { id: true, safeContactEnc: true },
  });
  await loadPersonKeys(
    ctx.db,
    ctx.cipher,
    recent.map((ticket) => ticket.safeContactEnc),
  );
  const given = recent
    .filter((ticket) => {
      try {
        const text = JSON.stringify(
          openOrNull<unknown>(ctx.cipher, ticket.safeContactEnc, sealedAt("Ticket", "safeContactEnc", ticket.id)),
        );
        return (text.match(/\+?\d[\d\s().-]{6,}\d/g) ?? []).some((found) => normalizePhone(found) === digits);
      } catch {
        return false;
      }
    })
    .map((ticket) => ticket.id);
  const extra = await rows(ctx, { id: { in: given.filter((id) => !own.some((hit) => hit.id === id)) } });
  return toResult([...own, ...extra], "phone");
}

async function byWords(ctx: SearchContext, filters: Prisma.TicketWhereInput, words: string): Promise<SearchResult> {
  const needle = fold(words);
  const candidates = await ctx.db.ticket.findMany({
    where: { AND: [readable(ctx.actor), filters, recentOnly(ctx), { conversationId: { not: null } }] },
    orderBy: { createdAt: "desc" },
    take: TRANSCRIPT_SEARCH_TICKETS,
    select: { id: true, conversationId: true },
  });
  const found: string[] = [];
  for (const ticket of candidates) {
    const transcript = await listMessages(ctx.db, ctx.cipher, ticket.conversationId!, { limit: 2000 });
    if (transcript.some((message) => fold(message.text).includes(needle))) found.push(ticket.id);
    if (found.length >= RESULT_LIMIT) break;
  }
  const hits = await rows(ctx, { id: { in: found } });
  return { ...toResult(hits, "words"), searchedWords: true };
}

/** A ticket opened in the window, or whose conversation had a message in it (an old case someone wrote on). */
function recentOnly(ctx: SearchContext): Prisma.TicketWhereInput {
  const since = new Date(ctx.now().getTime() - TRANSCRIPT_SEARCH_DAYS * 24 * 3600 * 1000);
  return {
    OR: [{ createdAt: { gte: since } }, { conversation: { messages: { some: { createdAt: { gte: since } } } } }],
  };
}

async function finish(ctx: SearchContext, where: Prisma.TicketWhereInput, match: SearchMatch) {
  return toResult(await rows(ctx, where), match);
}

async function rows(ctx: SearchContext, where: Prisma.TicketWhereInput) {
  return ctx.db.ticket.findMany({
    where: { AND: [readable(ctx.actor), where] },
    orderBy: [{ createdAt: "desc" }],
    take: RESULT_LIMIT + 1,
    select: {
      id: true,
      reference: true,
      type: true,
      status: true,
      priority: true,
      country: true,
      channel: true,
      createdAt: true,
      erasureRequestedAt: true,
      assignee: { select: { name: true } },
      contact: { select: { erasedAt: true } },
    },
  });
}

function toResult(found: Awaited<ReturnType<typeof rows>>, match: SearchMatch): SearchResult {
  return {
    hits: found.slice(0, RESULT_LIMIT).map((row) => ({
      reference: row.reference,
      type: row.type,
      status: row.status,
      priority: row.priority,
      country: row.country,
      channel: row.channel,
      createdAt: row.createdAt,
      assignee: row.assignee?.name ?? null,
      erased: row.erasureRequestedAt !== null || row.contact?.erasedAt != null,
      match,
    })),
    truncated: found.length > RESULT_LIMIT,
    searchedWords: false,
  };
}

/** Lower case without accents or repeated spaces, so "Kuala  Lumpur" finds "kuala lumpur". */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}
