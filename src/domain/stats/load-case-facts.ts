import type { Db } from "../../db/create-prisma-client.ts";
import { Prisma } from "../../db/generated/client.ts";
import { derivePalermoOf } from "./palermo-of.ts";

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
  /** the Palermo elements of the indicators (derivePalermoOf), when the loader worked them out already */
  palermo?: readonly string[];
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

/** Separators no stored value holds: between rows, between the items of a list, between an item's parts. */
const ROW = "\u001f";
const ITEM = "\u001e";
const PART = "\u001d";

/** The columns of the one query of `loadCaseFacts`, each read as one text of every row's value. */
const COLUMNS = [
  "id",
  "contact",
  "created",
  "closed",
  "type",
  "priority",
  "channel",
  "locale",
  "status",
  "outcome",
  "consent",
  "child",
  "indicators",
  "needs",
  "destination",
  "origin",
  "sector",
  "recruitment",
  "platform",
  "job",
  "age",
  "gender",
  "citizenship",
  "reply",
  "referrals",
  "services",
  "recruiters",
] as const;
type Column = (typeof COLUMNS)[number];

const orNull = (value: string) => (value ? value : null);
/** One empty list for every fact that has none (most have no referral, service or recruiter). */
const NONE: never[] = [];
Object.freeze(NONE);
const items = (value: string) => (value ? value.split(ITEM) : NONE);

/** "YYYY-MM" in Jakarta of a time, cached per day (50,000 tickets share a few hundred days). */
function monthOfMs(ms: number, cache: Map<number, string>): string {
  const day = Math.floor((ms + JAKARTA_MS) / 86_400_000);
  let month = cache.get(day);
  if (month === undefined) cache.set(day, (month = new Date(day * 86_400_000).toISOString().slice(0, 7)));
  return month;
}

/**
 * Every ticket's facts (or only those of `ticketIds`), in one query: each ticket with its case profile, its
 * first caseworker message and its referrals, services and recruiters (aggregated per ticket), read as one
 * long text per column (string_agg over the rows in person order keeps the columns aligned): PGlite and
 * the driver move 27 strings instead of 50,000 rows, and nothing is joined by id in JavaScript. Sorted by
 * person, so a person's tickets lie side by side. Raw SQL: Prisma's query API cannot aggregate a column
 * into one text or read a joined, grouped table in one scan.
 */
export async function loadCaseFacts(db: Db, ticketIds?: readonly string[]): Promise<CaseFact[]> {
  if (ticketIds && !ticketIds.length) return [];
  const only = (column: string, verb: "WHERE" | "AND" = "WHERE") =>
    ticketIds
      ? Prisma.sql`${Prisma.raw(verb)} ${Prisma.raw(column)} IN (${Prisma.join([...ticketIds])})`
      : Prisma.empty;
  // one text per column: the column's values of every row, in the order of the rows
  const texts = Prisma.raw(COLUMNS.map((name) => `string_agg(${name}, E'\\x1f') AS ${name}`).join(", "));
  const query = Prisma.sql`
    SELECT ${texts}
      FROM (
        SELECT t.id, coalesce(t."contactId", '') AS contact,
               floor(extract(epoch FROM t."createdAt") * 1000)::text AS created,
               coalesce(floor(extract(epoch FROM t."closedAt") * 1000)::text, '') AS closed,
               t.type::text AS type, t.priority::text AS priority, t.channel::text AS channel, t.locale,
               t.status::text AS status, coalesce(t.outcome, '') AS outcome,
               CASE WHEN t."consentShare" THEN '1' ELSE '' END AS consent, CASE WHEN t.child THEN '1' ELSE '' END AS child,
               array_to_string(t."indicatorIds", ${ITEM}) AS indicators, array_to_string(t.needs, ${ITEM}) AS needs,
               coalesce(nullif(p."destinationCountry", ''), nullif(t.country, ''), '') AS destination,
               coalesce(nullif(p."originProvince", ''), nullif(t.province, ''), '') AS origin,
               coalesce(p.sector, '') AS sector, coalesce(p."recruitmentChannel", '') AS recruitment,
               coalesce(p.platform, '') AS platform, coalesce(p."jobAdPattern", '') AS job,
               coalesce(p."ageBand", '') AS age, coalesce(p.gender, '') AS gender,
               coalesce(p.citizenship, '') AS citizenship,
               coalesce(floor(extract(epoch FROM e.first) * 1000)::text, '') AS reply,
               coalesce(rf.list, '') AS referrals, coalesce(sv.list, '') AS services, coalesce(rm.list, '') AS recruiters
          FROM "Ticket" t
          LEFT JOIN "CaseProfile" p ON p."ticketId" = t.id
          LEFT JOIN (SELECT "ticketId", min("createdAt") AS first FROM "TicketEvent"
                      WHERE type = 'message_sent' ${only('"ticketId"', "AND")} GROUP BY "ticketId") e ON e."ticketId" = t.id
          LEFT JOIN (SELECT r."ticketId",
                            string_agg(translate(pa.name, ${ROW + ITEM + PART}, '   ') || ${PART} || r.status::text || ${PART}
                                       || CASE WHEN r.consent THEN '1' ELSE '' END, ${ITEM} ORDER BY r.id) AS list
                       FROM "Referral" r JOIN "Partner" pa ON pa.id = r."partnerId" ${only('r."ticketId"')}
                      GROUP BY r."ticketId") rf ON rf."ticketId" = t.id
          LEFT JOIN (SELECT "ticketId", string_agg(service || ${PART} || status, ${ITEM} ORDER BY id) AS list
                       FROM "TicketService" ${only('"ticketId"')} GROUP BY "ticketId") sv ON sv."ticketId" = t.id
          LEFT JOIN (SELECT "ticketId", string_agg(DISTINCT "nameKey", ${ITEM}) AS list
                       FROM "RecruiterMention" ${only('"ticketId"')} GROUP BY "ticketId") rm ON rm."ticketId" = t.id
          ${only("t.id")}
         ORDER BY coalesce(nullif(t."contactId", ''), t.id) COLLATE "C", t.id COLLATE "C"
      ) f`;
  const rows = await db.$queryRaw<Record<Column, string | null>[]>(query);
  const row = rows[0];
  if (!row || row.id === null) return [];
  const column = Object.fromEntries(COLUMNS.map((name) => [name, (row[name] ?? "").split(ROW)])) as Record<
    Column,
    string[]
  >;
  return sortedByPerson(factsOfColumns(column));
}

/** The facts of the columns of `loadCaseFacts`' query (one value per ticket, in the same order in each). */
export function factsOfColumns(c: Record<Column, string[]>): CaseFact[] {
  const size = c.id.length;
  const facts = new Array<CaseFact>(size);
  const months = new Map<number, string>();
  // tickets share a few hundred sets of indicators: each set is split and read for Palermo elements once
  const indicatorSets = new Map<string, { indicators: string[]; palermo: string[] }>();
  for (let i = 0; i < size; i++) {
    const indicatorText = c.indicators[i]!;
    let set = indicatorSets.get(indicatorText);
    if (!set) {
      const indicators = items(indicatorText);
      indicatorSets.set(indicatorText, (set = { indicators, palermo: derivePalermoOf(indicators) }));
    }
    const id = c.id[i]!;
    const createdMs = Number(c.created[i]);
    const closed = c.closed[i]!;
    const reply = c.reply[i]!;
    const month = monthOfMs(createdMs, months);
    const referrals = c.referrals[i]!;
    const services = c.services[i]!;
    facts[i] = {
      ticketId: id,
      person: c.contact[i] || id,
      createdAt: new Date(createdMs),
      month,
      year: month.slice(0, 4),
      type: c.type[i]!,
      priority: c.priority[i]!,
      channel: c.channel[i]!,
      locale: c.locale[i]!,
      status: c.status[i]!,
      outcome: orNull(c.outcome[i]!),
      consentShare: c.consent[i] === "1",
      child: c.child[i] === "1",
      indicators: set.indicators,
      palermo: set.palermo,
      needs: items(c.needs[i]!),
      destination: orNull(c.destination[i]!),
      origin: orNull(c.origin[i]!),
      sector: orNull(c.sector[i]!),
      recruitmentChannel: orNull(c.recruitment[i]!),
      platform: orNull(c.platform[i]!),
      jobAdPattern: orNull(c.job[i]!),
      ageBand: orNull(c.age[i]!),
      gender: orNull(c.gender[i]!),
      citizenship: orNull(c.citizenship[i]!),
      firstReplyMinutes: reply ? Math.max(0, Math.round((Number(reply) - createdMs) / 60_000)) : null,
      closeDays: closed ? Math.max(0, Math.floor((Number(closed) - createdMs) / 86_400_000)) : null,
      referrals: referrals
        ? referrals.split(ITEM).map((item) => {
            const [partner, status, consent] = item.split(PART) as [string, string, string];
            return { partner, status, consent: consent === "1" };
          })
        : NONE,
      services: services
        ? services.split(ITEM).map((item) => {
            const [service, status] = item.split(PART) as [string, string];
            return { service, status };
          })
        : NONE,
      recruiters: items(c.recruiters[i]!),
    };
  }
  return facts;
}

const byPerson = (a: CaseFact, b: CaseFact) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0);

/** The facts in person order: as they come when the database sorted them so, else sorted here. */
function sortedByPerson(facts: CaseFact[]): CaseFact[] {
  for (let i = 1; i < facts.length; i++) if (facts[i - 1]!.person > facts[i]!.person) return facts.sort(byPerson);
  return facts;
}

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
