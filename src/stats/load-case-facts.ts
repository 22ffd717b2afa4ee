import type { Db } from "../db/create-prisma-client.ts";

/**
 * The anonymous facts of one ticket that statistics count: what the ticket and its case profile hold,
 * never a word the person wrote, a name or a number. An erased person's ticket keeps these facts (the
 * issue's "counted only as the anonymous facts their tickets keep") and counts as its own person.
 */
export type CaseFact = {
  ticketId: string;
  /** who the figures count: the contact, or the ticket itself once the person was erased */
  person: string;
  createdAt: Date;
  /** YYYY-MM (Asia/Jakarta) */
  month: string;
  year: string;
  type: string;
  priority: string;
  channel: string;
  locale: string;
  status: string;
  outcome: string | null;
  /** the person agreed to share the case with partners */
  consentShare: boolean;
  child: boolean;
  indicators: string[];
  needs: string[];
  /** where the person is or was taken: the case profile's, else the country named in their own words */
  destination: string | null;
  /** where the person comes from: the case profile's, else the province named in their own words */
  origin: string | null;
  sector: string | null;
  recruitmentChannel: string | null;
  platform: string | null;
  jobAdPattern: string | null;
  ageBand: string | null;
  gender: string | null;
  citizenship: string | null;
  /** minutes from the ticket to the first message a caseworker sent; null while nobody has written */
  firstReplyMinutes: number | null;
  /** days from the ticket to closing; null while open */
  closeDays: number | null;
  referrals: { partner: string; status: string; consent: boolean }[];
  services: { service: string; status: string }[];
  recruiters: string[];
};

type Row = {
  id: string;
  person: string;
  createdAt: Date;
  closedAt: Date | null;
  type: string;
  priority: string;
  channel: string;
  locale: string;
  status: string;
  outcome: string | null;
  consentShare: boolean;
  child: boolean;
  indicatorIds: string[];
  needs: string[];
  country: string | null;
  province: string | null;
  sector: string | null;
  recruitmentChannel: string | null;
  platform: string | null;
  jobAdPattern: string | null;
  ageBand: string | null;
  gender: string | null;
  citizenship: string | null;
  originProvince: string | null;
  destinationCountry: string | null;
  firstReplyAt: Date | null;
};

const JAKARTA_MS = 7 * 3600_000;

/** Every ticket's facts, in one pass over the tables (50,000 tickets in well under a second on PGlite). */
export async function loadCaseFacts(db: Db): Promise<CaseFact[]> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT t.id, coalesce(t."contactId", t.id) AS person, t."createdAt", t."closedAt", t.type::text AS type,
           t.priority::text AS priority, t.channel::text AS channel, t.locale, t.status::text AS status, t.outcome,
           t."consentShare", t.child, t."indicatorIds", t.needs, t.country, t.province,
           p.sector, p."recruitmentChannel", p.platform, p."jobAdPattern", p."ageBand", p.gender, p.citizenship,
           p."originProvince", p."destinationCountry", r.first AS "firstReplyAt"
      FROM "Ticket" t
      LEFT JOIN "CaseProfile" p ON p."ticketId" = t.id
      LEFT JOIN (SELECT "ticketId", min("createdAt") AS first FROM "TicketEvent"
                  WHERE type = 'message_sent' GROUP BY "ticketId") r ON r."ticketId" = t.id`;
  const [referrals, services, recruiters] = await Promise.all([
    db.$queryRaw<{ ticketId: string; partner: string; status: string; consent: boolean }[]>`
      SELECT r."ticketId", p.name AS partner, r.status::text AS status, r.consent
        FROM "Referral" r JOIN "Partner" p ON p.id = r."partnerId"`,
    db.$queryRaw<{ ticketId: string; service: string; status: string }[]>`
      SELECT "ticketId", service, status FROM "TicketService"`,
    db.$queryRaw<{ ticketId: string; nameKey: string }[]>`SELECT "ticketId", "nameKey" FROM "RecruiterMention"`,
  ]);
  const group = <T extends { ticketId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of list) {
      const found = map.get(item.ticketId);
      if (found) found.push(item);
      else map.set(item.ticketId, [item]);
    }
    return map;
  };
  const referralsOf = group(referrals);
  const servicesOf = group(services);
  const recruitersOf = group(recruiters);
  return rows.map((row) => {
    const local = new Date(row.createdAt.getTime() + JAKARTA_MS).toISOString();
    return {
      ticketId: row.id,
      person: row.person,
      createdAt: row.createdAt,
      month: local.slice(0, 7),
      year: local.slice(0, 4),
      type: row.type,
      priority: row.priority,
      channel: row.channel,
      locale: row.locale,
      status: row.status,
      outcome: row.outcome,
      consentShare: row.consentShare,
      child: row.child,
      indicators: row.indicatorIds,
      needs: row.needs,
      destination: row.destinationCountry ?? row.country,
      origin: row.originProvince ?? row.province,
      sector: row.sector,
      recruitmentChannel: row.recruitmentChannel,
      platform: row.platform,
      jobAdPattern: row.jobAdPattern,
      ageBand: row.ageBand,
      gender: row.gender,
      citizenship: row.citizenship,
      firstReplyMinutes: row.firstReplyAt
        ? Math.max(0, Math.round((row.firstReplyAt.getTime() - row.createdAt.getTime()) / 60_000))
        : null,
      closeDays: row.closedAt
        ? Math.max(0, Math.floor((row.closedAt.getTime() - row.createdAt.getTime()) / 86_400_000))
        : null,
      referrals: (referralsOf.get(row.id) ?? []).map(({ partner, status, consent }) => ({ partner, status, consent })),
      services: (servicesOf.get(row.id) ?? []).map(({ service, status }) => ({ service, status })),
      recruiters: [...new Set((recruitersOf.get(row.id) ?? []).map((r) => r.nameKey))],
    };
  });
}

/**
 * The facts, kept while the data does not change: a cheap signature of the tables the facts come from
 * (counts and last changes) is read at every ask, and the facts are loaded again only when it moved. The
 * statistics page, its print view and the API then answer from memory, and never from stale data.
 */
export function createFactsCache(db: Db) {
  let cached: { signature: string; facts: Promise<CaseFact[]> } | undefined;
  return {
    async load(): Promise<CaseFact[]> {
      const rows = await db.$queryRaw<{ signature: string }[]>`
        SELECT concat_ws('|',
          (SELECT count(*) FROM "Ticket"), (SELECT max("updatedAt") FROM "Ticket"),
          (SELECT count(*) FROM "CaseProfile"), (SELECT max("updatedAt") FROM "CaseProfile"),
          (SELECT count(*) FROM "TicketEvent" WHERE type = 'message_sent'),
          (SELECT count(*) FROM "Referral"), (SELECT max("updatedAt") FROM "Referral"),
          (SELECT count(*) FROM "TicketService"), (SELECT max("updatedAt") FROM "TicketService"),
          (SELECT count(*) FROM "RecruiterMention"), (SELECT count(*) FROM "Partner"), (SELECT max("updatedAt") FROM "Partner")
        ) AS signature`;
      const signature = rows[0]?.signature ?? "";
      if (!cached || cached.signature !== signature) {
        const facts = loadCaseFacts(db);
        cached = { signature, facts };
        facts.catch(() => (cached = undefined));
      }
      return cached.facts;
    },
  };
}
export type FactsCache = ReturnType<typeof createFactsCache>;
