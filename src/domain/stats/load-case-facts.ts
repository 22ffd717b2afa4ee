import type { Db } from "../../db/create-prisma-client.ts";
import { Prisma } from "../../db/generated/client.ts";

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

const JAKARTA_MS = 7 * 3600_000;

/** Separators no stored value holds: between rows, and between the elements of an array column. */
const ROW = "\u001f";
const ITEM = "\u001e";

/**
 * One query's columns, each as one text of its values (string_agg in the same scan keeps them aligned):
 * PGlite and the driver then move a few long strings instead of 50,000 rows, several times faster.
 */
async function columns<K extends string>(query: Promise<Record<K, string | null>[]>): Promise<Record<K, string[]>> {
  const row = (await query)[0] ?? ({} as Record<K, string | null>);
  return Object.fromEntries(
    Object.entries(row).map(([name, text]) => [
      name,
      text === null || text === undefined ? [] : (text as string).split(ROW),
    ]),
  ) as Record<K, string[]>;
}
const orNull = (value: string | undefined) => (value ? value : null);
const items = (value: string | undefined) => (value ? value.split(ITEM) : []);

/** "YYYY-MM" in Jakarta of a time, cached per day (50,000 tickets share a few hundred days). */
function monthOfMs(ms: number, cache: Map<number, string>): string {
  const day = Math.floor((ms + JAKARTA_MS) / 86_400_000);
  let month = cache.get(day);
  if (month === undefined) cache.set(day, (month = new Date(day * 86_400_000).toISOString().slice(0, 7)));
  return month;
}

/**
 * Every ticket's facts (or only those of `ticketIds`): one scan of each table (tickets, profiles, first
 * replies, referrals, services, recruiters), joined here by ticket id. Sorted by person, so a person's
 * tickets lie side by side.
 */
export async function loadCaseFacts(db: Db, ticketIds?: readonly string[]): Promise<CaseFact[]> {
  if (ticketIds && !ticketIds.length) return [];
  const only = (column: string) =>
    ticketIds ? Prisma.sql`WHERE ${Prisma.raw(column)} IN (${Prisma.join([...ticketIds])})` : Prisma.empty;
  const and = (column: string) =>
    ticketIds ? Prisma.sql`AND ${Prisma.raw(column)} IN (${Prisma.join([...ticketIds])})` : Prisma.empty;
  const t = await columns(
    db.$queryRaw<Record<string, string | null>[]>`
      SELECT string_agg(id, ${ROW}) AS id, string_agg(coalesce("contactId", ''), ${ROW}) AS contact,
             string_agg(floor(extract(epoch FROM "createdAt") * 1000)::text, ${ROW}) AS created,
             string_agg(coalesce(floor(extract(epoch FROM "closedAt") * 1000)::text, ''), ${ROW}) AS closed,
             string_agg(type::text, ${ROW}) AS type, string_agg(priority::text, ${ROW}) AS priority,
             string_agg(channel::text, ${ROW}) AS channel, string_agg(locale, ${ROW}) AS locale,
             string_agg(status::text, ${ROW}) AS status, string_agg(coalesce(outcome, ''), ${ROW}) AS outcome,
             string_agg("consentShare"::text, ${ROW}) AS consent, string_agg(child::text, ${ROW}) AS child,
             string_agg(array_to_string("indicatorIds", ${ITEM}), ${ROW}) AS indicators,
             string_agg(array_to_string(needs, ${ITEM}), ${ROW}) AS needs,
             string_agg(coalesce(country, ''), ${ROW}) AS country, string_agg(coalesce(province, ''), ${ROW}) AS province
        FROM "Ticket" ${only("id")}`,
  );
  const p = await columns(
    db.$queryRaw<Record<string, string | null>[]>`
      SELECT string_agg("ticketId", ${ROW}) AS id, string_agg(coalesce(sector, ''), ${ROW}) AS sector,
             string_agg(coalesce("recruitmentChannel", ''), ${ROW}) AS recruitment,
             string_agg(coalesce(platform, ''), ${ROW}) AS platform, string_agg(coalesce("jobAdPattern", ''), ${ROW}) AS job,
             string_agg(coalesce("ageBand", ''), ${ROW}) AS age, string_agg(coalesce(gender, ''), ${ROW}) AS gender,
             string_agg(coalesce(citizenship, ''), ${ROW}) AS citizenship,
             string_agg(coalesce("originProvince", ''), ${ROW}) AS origin,
             string_agg(coalesce("destinationCountry", ''), ${ROW}) AS destination
        FROM "CaseProfile" ${only('"ticketId"')}`,
  );
  const e = await columns(
    db.$queryRaw<Record<string, string | null>[]>`
      SELECT string_agg("ticketId", ${ROW}) AS id, string_agg(first::text, ${ROW}) AS first
        FROM (SELECT "ticketId", floor(extract(epoch FROM min("createdAt")) * 1000) AS first FROM "TicketEvent"
               WHERE type = 'message_sent' ${and('"ticketId"')} GROUP BY "ticketId") r`,
  );
  const r = await columns(
    db.$queryRaw<Record<string, string | null>[]>`
      SELECT string_agg(r."ticketId", ${ROW}) AS id, string_agg(translate(p.name, ${ROW + ITEM}, '  '), ${ROW}) AS partner,
             string_agg(r.status::text, ${ROW}) AS status, string_agg(r.consent::text, ${ROW}) AS consent
        FROM "Referral" r JOIN "Partner" p ON p.id = r."partnerId" ${only('r."ticketId"')}`,
  );
  const sv = await columns(
    db.$queryRaw<Record<string, string | null>[]>`
      SELECT string_agg("ticketId", ${ROW}) AS id, string_agg(service, ${ROW}) AS service, string_agg(status, ${ROW}) AS status
        FROM "TicketService" ${only('"ticketId"')}`,
  );
  const m = await columns(
    db.$queryRaw<Record<string, string | null>[]>`
      SELECT string_agg("ticketId", ${ROW}) AS id, string_agg("nameKey", ${ROW}) AS name FROM "RecruiterMention" ${only('"ticketId"')}`,
  );
  return factsOfColumns({ t, p, e, r, sv, m });
}

type Columns = Record<string, string[]>;

/** The facts of the columns the queries of `loadCaseFacts` read (t tickets, p profiles, e first replies, …). */
export function factsOfColumns(columns: { t: Columns; p: Columns; e: Columns; r: Columns; sv: Columns; m: Columns }) {
  const { t, p, e, r, sv, m } = columns;
  const positions = (ids: string[] | undefined) => {
    const map = new Map<string, number[]>();
    (ids ?? []).forEach((id, i) => {
      const found = map.get(id);
      if (found) found.push(i);
      else map.set(id, [i]);
    });
    return map;
  };
  const profileAt = new Map((p.id ?? []).map((id, i) => [id, i]));
  const replyAt = new Map((e.id ?? []).map((id, i) => [id, Number(e.first![i])]));
  const referralsAt = positions(r.id);
  const servicesAt = positions(sv.id);
  const recruitersAt = positions(m.id);
  const months = new Map<number, string>();
  const recruitersOf = (at: number[] | undefined) => (at ? [...new Set(at.map((k) => m.name![k]!))] : []);
  const facts = (t.id ?? []).map((id, i): CaseFact => {
    const createdMs = Number(t.created![i]);
    const closed = t.closed![i];
    const at = profileAt.get(id);
    const profile = (column: string[] | undefined) => (at === undefined ? null : orNull(column![at]));
    const month = monthOfMs(createdMs, months);
    const reply = replyAt.get(id);
    return {
      ticketId: id,
      person: t.contact![i] || id,
      createdAt: new Date(createdMs),
      month,
      year: month.slice(0, 4),
      type: t.type![i]!,
      priority: t.priority![i]!,
      channel: t.channel![i]!,
      locale: t.locale![i]!,
      status: t.status![i]!,
      outcome: orNull(t.outcome![i]),
      consentShare: t.consent![i] === "true",
      child: t.child![i] === "true",
      indicators: items(t.indicators![i]),
      needs: items(t.needs![i]),
      destination: profile(p.destination) ?? orNull(t.country![i]),
      origin: profile(p.origin) ?? orNull(t.province![i]),
      sector: profile(p.sector),
      recruitmentChannel: profile(p.recruitment),
      platform: profile(p.platform),
      jobAdPattern: profile(p.job),
      ageBand: profile(p.age),
      gender: profile(p.gender),
      citizenship: profile(p.citizenship),
      firstReplyMinutes: reply === undefined ? null : Math.max(0, Math.round((reply - createdMs) / 60_000)),
      closeDays: closed ? Math.max(0, Math.floor((Number(closed) - createdMs) / 86_400_000)) : null,
      referrals: (referralsAt.get(id) ?? []).map((k) => ({
        partner: r.partner![k]!,
        status: r.status![k]!,
        consent: r.consent![k] === "true",
      })),
      services: (servicesAt.get(id) ?? []).map((k) => ({ service: sv.service![k]!, status: sv.status![k]! })),
      recruiters: recruitersOf(recruitersAt.get(id)),
    };
  });
  return facts.sort(byPerson);
}

const byPerson = (a: CaseFact, b: CaseFact) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0);

/** What the facts cache compares: counts and last changes of the tables the facts come from. */
type Marks = {
  /** the database's time of the reading (UTC), from which the next reading looks for changed rows */
  at: string;
  tickets: number;
  ticketAt: string | null;
  profiles: number;
  profileAt: string | null;
  sent: number;
  sentAt: string | null;
  referrals: number;
  referralAt: string | null;
  services: number;
  serviceAt: string | null;
  mentions: number;
  mentionAt: string | null;
  partners: number;
  partnerAt: string | null;
};

async function readMarks(db: Db): Promise<Marks> {
  const rows = await db.$queryRaw<Record<keyof Marks, bigint | number | string | null>[]>`
    SELECT (now() AT TIME ZONE 'UTC')::text AS at, (SELECT count(*) FROM "Ticket") AS tickets, (SELECT max("updatedAt")::text FROM "Ticket") AS "ticketAt",
           (SELECT count(*) FROM "CaseProfile") AS profiles, (SELECT max("updatedAt")::text FROM "CaseProfile") AS "profileAt",
           (SELECT count(*) FROM "TicketEvent" WHERE type = 'message_sent') AS sent,
           (SELECT max("createdAt")::text FROM "TicketEvent" WHERE type = 'message_sent') AS "sentAt",
           (SELECT count(*) FROM "Referral") AS referrals, (SELECT max("updatedAt")::text FROM "Referral") AS "referralAt",
           (SELECT count(*) FROM "TicketService") AS services, (SELECT max("updatedAt")::text FROM "TicketService") AS "serviceAt",
           (SELECT count(*) FROM "RecruiterMention") AS mentions, (SELECT max("createdAt")::text FROM "RecruiterMention") AS "mentionAt",
           (SELECT count(*) FROM "Partner") AS partners, (SELECT max("updatedAt")::text FROM "Partner") AS "partnerAt"`;
  const row = rows[0]!;
  const count = (key: keyof Marks) => Number(row[key] ?? 0);
  const at = (key: keyof Marks) => (row[key] === null ? null : String(row[key]));
  return {
    at: String(row.at),
    tickets: count("tickets"),
    ticketAt: at("ticketAt"),
    profiles: count("profiles"),
    profileAt: at("profileAt"),
    sent: count("sent"),
    sentAt: at("sentAt"),
    referrals: count("referrals"),
    referralAt: at("referralAt"),
    services: count("services"),
    serviceAt: at("serviceAt"),
    mentions: count("mentions"),
    mentionAt: at("mentionAt"),
    partners: count("partners"),
    partnerAt: at("partnerAt"),
  };
}

/** Changes reloaded one ticket at a time up to this many; more (a seeding, an import) load everything again. */
const INCREMENTAL_LIMIT = 2_000;
/** Rows changed this long before the last mark are read again (a transaction that committed late). */
const MARGIN = "5 seconds";
/** Everything is loaded again at a change at least this long after the last full load (a safety net). */
const FULL_EVERY_MS = 10 * 60_000;

/**
 * The tickets whose facts changed since `marks`: rows written since that reading (less a margin). Null when the change cannot be followed row by row (rows deleted, a partner renamed, too many).
 */
async function changedTickets(db: Db, marks: Marks, now: Marks): Promise<string[] | null> {
  if (
    now.partners !== marks.partners ||
    now.partnerAt !== marks.partnerAt ||
    now.tickets < marks.tickets ||
    now.profiles < marks.profiles ||
    now.sent < marks.sent ||
    now.referrals < marks.referrals ||
    now.services < marks.services ||
    now.mentions < marks.mentions
  )
    return null;
  // rows written since the last reading (its database time, less a margin), whatever times the rows carry
  const from = Prisma.sql`${marks.at}::timestamp - interval '${Prisma.raw(MARGIN)}'`;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Ticket" WHERE "updatedAt" >= ${from}
    UNION SELECT "ticketId" FROM "CaseProfile" WHERE "updatedAt" >= ${from}
    UNION SELECT "ticketId" FROM "TicketEvent" WHERE type = 'message_sent' AND "createdAt" >= ${from}
    UNION SELECT "ticketId" FROM "Referral" WHERE "updatedAt" >= ${from}
    UNION SELECT "ticketId" FROM "TicketService" WHERE "updatedAt" >= ${from}
    UNION SELECT "ticketId" FROM "RecruiterMention" WHERE "createdAt" >= ${from}
    LIMIT ${INCREMENTAL_LIMIT + 1}`;
  return rows.length > INCREMENTAL_LIMIT ? null : rows.map((row) => row.id);
}

/**
 * The facts, kept while the data does not change: the counts and last changes of the tables the facts come
 * from are read at every ask (one cheap query). When they moved, only the tickets changed since are loaded
 * again and merged in; everything is loaded again when a change cannot be followed row by row (rows
 * deleted, a partner renamed, a seeding), when the merged facts do not add up to the counts, and at a change
 * ten minutes or more after the last full load. The statistics
 * page, its print view and the API then answer from memory, and never from stale data.
 */
export function createFactsCache(db: Db) {
  let cached: { marks: Marks; facts: Promise<CaseFact[]> } | undefined;
  let fullAt = 0;
  const full = () => {
    fullAt = Date.now();
    return loadCaseFacts(db);
  };
  const same = (a: Marks, b: Marks) =>
    (Object.keys(a) as (keyof Marks)[]).every((key) => key === "at" || a[key] === b[key]);
  const update = async (previous: Promise<CaseFact[]>, before: Marks, now: Marks): Promise<CaseFact[]> => {
    const old = await previous;
    if (Date.now() - fullAt > FULL_EVERY_MS) return full();
    const ids = await changedTickets(db, before, now);
    if (!ids) return full();
    const changed = new Set(ids);
    const fresh = await loadCaseFacts(db, ids);
    const merged = old
      .filter((fact) => !changed.has(fact.ticketId))
      .concat(fresh)
      .sort(byPerson);
    const sum = (of: (fact: CaseFact) => number) => merged.reduce((total, fact) => total + of(fact), 0);
    // the merge must add up to the tables; a row written with an old time (an import) was missed otherwise
    if (
      merged.length !== now.tickets ||
      sum((f) => f.referrals.length) !== now.referrals ||
      sum((f) => f.services.length) !== now.services
    )
      return full();
    return merged;
  };
  return {
    async load(): Promise<CaseFact[]> {
      const marks = await readMarks(db);
      // nothing changed: the next look for changed rows starts from this reading
      if (cached && same(cached.marks, marks)) cached.marks = marks;
      else {
        const facts = cached ? update(cached.facts, cached.marks, marks) : full();
        cached = { marks, facts };
        facts.catch(() => (cached = undefined));
      }
      return cached.facts;
    },
  };
}
export type FactsCache = ReturnType<typeof createFactsCache>;
