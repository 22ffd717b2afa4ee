import { z } from "zod";
import type { Db } from "../db/create-prisma-client.ts";
import { Prisma, type Caseworker } from "../db/generated/client.ts";
import { TicketStatus, TicketType } from "../db/generated/enums.ts";
import type { Cipher } from "../crypto/create-cipher.ts";
import { atLeast, readableTickets, readableTicketsSql } from "./permissions.ts";

/** The queue's filters (query string of /console and /api/queue); every one is optional. */
export const QueueFilter = z.object({
  type: z.enum(TicketType).optional(),
  status: z.enum(["open", ...Object.values(TicketStatus)]).default("open"),
  language: z.enum(["id", "en"]).optional(),
  channel: z.enum(["web", "telegram", "whatsapp"]).optional(),
  province: z.string().trim().min(1).max(80).optional(),
  /** ISO 3166 code of the country the person is in */
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  assigned: z.enum(["any", "me", "unassigned"]).default("any"),
  /** which page of the queue, from 1 (each page holds `pageSize` tickets, in the queue's order) */
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type QueueFilter = z.infer<typeof QueueFilter>;

export type QueueItem = {
  reference: string;
  type: string;
  priority: "urgent" | "high" | "normal" | "low";
  status: string;
  /** the person erased their data: shown as such, not as a new case */
  erased: boolean;
  language: string;
  channel: string;
  province: string | null;
  /** ISO code of the country the person is in, when known */
  country: string | null;
  /** the ticket's structured summary (no words of the person), in both languages */
  summary: { id?: string; en?: string } | null;
  /** the screening's indicator ids, shown as chips */
  indicatorIds: string[];
  emergency: boolean;
  child: boolean;
  risk: string;
  assignee: { id: string; name: string } | null;
  createdAt: Date;
  /** minutes since the ticket was opened */
  waitingMinutes: number;
  /** a caseworker has the conversation, and the person wrote after the last caseworker message */
  awaitingReply: boolean;
  lastInboundAt: Date | null;
};

export type Queue = {
  tickets: QueueItem[];
  /** the page shown (from 1), and whether a later page holds more tickets */
  page: number;
  hasMore: boolean;
  counts: { open: number; urgent: number; unassigned: number; mine: number };
  /** references of open urgent tickets the actor can see (for the new-urgent alert) */
  urgent: string[];
  provinces: string[];
  /** countries of open tickets, for the filter */
  countries: string[];
  /** supervisors and admins: every caseworker's open tickets (urgent among them) */
  load: { id: string; name: string; open: number; urgent: number }[] | null;
};

/** open tickets counted together: same priority, holder, province and country */
type Group = {
  priority: string;
  assigneeId: string | null;
  province: string | null;
  country: string | null;
  n: number;
};

/** tickets per page of the API's queue */
export const QUEUE_LIMIT = 200;
/** the new-urgent alert needs the newest few references, not every one */
const URGENT_LIMIT = 50;

/**
 * The open tickets a caseworker may see — their own and the unassigned ones; supervisors and admins see
 * all — most urgent first, then oldest first. `brief` (the page's refresh poll, which only compares) leaves
 * out what only the page shows: summaries (nothing decrypted), the country list and the caseworkers' load.
 * `pageSize` tickets per page (`filter.page`); one more is read to tell whether a next page exists.
 */
export async function listQueue(
  ctx: { db: Db; cipher: Cipher; now: () => Date; actor: Caseworker },
  filter: QueueFilter,
  options: { brief?: boolean; pageSize?: number } = {},
): Promise<Queue> {
  const full = !options.brief;
  const pageSize = options.pageSize ?? QUEUE_LIMIT;
  const visible = readableTickets(ctx.actor);
  const visibleSql = readableTicketsSql(ctx.actor);
  // Raw reads: Prisma sends `status <> CAST($1 AS "TicketStatus")`, which PostgreSQL cannot match to the partial
  // index on open tickets, so each of these walked the whole table; the literal 'closed' lets the planner use it.
  const conditions = [
    visibleSql,
    filter.status === "open" ? Prisma.sql`status <> 'closed'` : Prisma.sql`status = ${filter.status}::"TicketStatus"`,
    filter.type ? Prisma.sql`type = ${filter.type}::"TicketType"` : null,
    filter.language ? Prisma.sql`locale = ${filter.language}` : null,
    filter.channel ? Prisma.sql`channel = ${filter.channel}::"Channel"` : null,
    filter.province ? Prisma.sql`lower(province) = lower(${filter.province})` : null,
    filter.country ? Prisma.sql`country = ${filter.country}` : null,
    filter.assigned === "me"
      ? Prisma.sql`"assigneeId" = ${ctx.actor.id}`
      : filter.assigned === "unassigned"
        ? Prisma.sql`"assigneeId" IS NULL`
        : null,
  ].filter((c): c is Prisma.Sql => c !== null);
  const [pageIds, groups, urgentRows] = await Promise.all([
    // the reference breaks ties, so that pages neither repeat nor skip tickets opened in the same instant
    ctx.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Ticket" WHERE ${Prisma.join(conditions, " AND ")}
      ORDER BY priority, "createdAt", reference
      LIMIT ${pageSize + 1} OFFSET ${(filter.page - 1) * pageSize}`,
    // one aggregate for every count and both filter lists: open tickets by priority, holder, province, country
    ctx.db.$queryRaw<Group[]>`
      SELECT priority::text AS priority, "assigneeId", province, country, count(*)::int AS n
      FROM "Ticket" WHERE status <> 'closed' AND ${visibleSql}
      GROUP BY 1, 2, 3, 4`,
    ctx.db.$queryRaw<{ reference: string }[]>`
      SELECT reference FROM "Ticket" WHERE status <> 'closed' AND priority = 'urgent' AND ${visibleSql}
      ORDER BY "createdAt" DESC LIMIT ${URGENT_LIMIT}`,
  ]);
  const hasMore = pageIds.length > pageSize;
  const ids = pageIds.slice(0, pageSize).map((r) => r.id);
  const read = ids.length
    ? await ctx.db.ticket.findMany({
        // the permission applied again through the one read path: the raw read only chose the page
        where: { AND: [visible, { id: { in: ids } }] },
        // only what the queue shows: never the encrypted columns
        select: {
          id: true,
          reference: true,
          type: true,
          priority: true,
          status: true,
          locale: true,
          channel: true,
          province: true,
          country: true,
          indicatorIds: true,
          summaryEnc: full,
          emergency: true,
          child: true,
          risk: true,
          createdAt: true,
          conversationId: true,
          erasureRequestedAt: true,
          assignee: { select: { id: true, name: true } },
          conversation: { select: { mode: true, lastInboundAt: true } },
        },
      })
    : [];
  const position = new Map(ids.map((id, at) => [id, at]));
  const rows = read.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const sum = (keep: (g: Group) => boolean) => groups.reduce((n, g) => n + (keep(g) ? g.n : 0), 0);
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))].sort();
  const provinces = distinct(groups.map((g) => g.province));
  const countries = full ? distinct(groups.map((g) => g.country)) : [];
  const lastCaseworkerAt = await lastCaseworkerMessages(
    ctx.db,
    rows.flatMap((r) => (r.conversationId && r.conversation?.mode === "human" ? [r.conversationId] : [])),
  );
  const now = ctx.now().getTime();
  return {
    page: filter.page,
    hasMore,
    tickets: rows.map((row) => {
      const lastInboundAt = row.conversation?.lastInboundAt ?? null;
      const lastReply = row.conversationId ? lastCaseworkerAt.get(row.conversationId) : undefined;
      return {
        reference: row.reference,
        type: row.type,
        priority: row.priority,
        status: row.status,
        erased: row.erasureRequestedAt !== null,
        language: row.locale,
        channel: row.channel,
        province: row.province,
        country: row.country,
        summary: full ? readSummary(ctx.cipher, row.summaryEnc ?? null) : null,
        indicatorIds: row.indicatorIds,
        emergency: row.emergency,
        child: row.child,
        risk: row.risk,
        assignee: row.assignee,
        createdAt: row.createdAt,
        waitingMinutes: Math.max(0, Math.floor((now - row.createdAt.getTime()) / 60_000)),
        awaitingReply:
          row.conversation?.mode === "human" && lastInboundAt !== null && (!lastReply || lastInboundAt > lastReply),
        lastInboundAt,
      };
    }),
    counts: {
      open: sum(() => true),
      urgent: sum((g) => g.priority === "urgent"),
      unassigned: sum((g) => g.assigneeId === null),
      mine: sum((g) => g.assigneeId === ctx.actor.id),
    },
    urgent: urgentRows.map((r) => r.reference),
    provinces,
    countries,
    load: full && atLeast(ctx.actor, "supervisor") ? await loadOf(ctx.db, groups) : null,
  };
}

/** The summary is sealed under the organisation's key (it holds no words of the person); unreadable: none. */
function readSummary(cipher: Cipher, sealed: string | null): { id?: string; en?: string } | null {
  if (!sealed) return null;
  try {
    return cipher.decryptJson<{ id?: string; en?: string }>(sealed);
  } catch {
    return null;
  }
}

/** Open tickets per caseworker who holds any, most loaded first. */
async function loadOf(db: Db, groups: Group[]): Promise<NonNullable<Queue["load"]>> {
  const byCaseworker = new Map<string, { open: number; urgent: number }>();
  for (const g of groups) {
    if (!g.assigneeId) continue;
    const entry = byCaseworker.get(g.assigneeId) ?? { open: 0, urgent: 0 };
    entry.open += g.n;
    if (g.priority === "urgent") entry.urgent += g.n;
    byCaseworker.set(g.assigneeId, entry);
  }
  if (!byCaseworker.size) return [];
  const names = await db.caseworker.findMany({
    where: { id: { in: [...byCaseworker.keys()] } },
    select: { id: true, name: true },
  });
  return names
    .map((c) => ({ id: c.id, name: c.name, ...byCaseworker.get(c.id)! }))
    .sort((a, b) => b.open - a.open || a.name.localeCompare(b.name));
}

async function lastCaseworkerMessages(db: Db, conversationIds: string[]): Promise<Map<string, Date>> {
  if (!conversationIds.length) return new Map();
  const rows = await db.message.groupBy({
    by: ["conversationId"],
    where: { conversationId: { in: conversationIds }, author: "caseworker" },
    _max: { createdAt: true },
  });
  return new Map(rows.flatMap((r) => (r._max.createdAt ? [[r.conversationId, r._max.createdAt] as const] : [])));
}
