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

/**
 * Every ticket's facts: one scan of each table (tickets, profiles, first replies, referrals, services,
 * recruiters), joined here by ticket id. Sorted by person, so a person's tickets lie side by side.
 */
export async function loadCaseFacts(db: Db): Promise<CaseFact[]> {
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
        FROM "Ticket"`,
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
        FROM "CaseProfile"`,
  );
  const e = await columns(
    db.$queryRaw<Record<string, string | null>[]>`
      SELECT string_agg("ticketId", ${ROW}) AS id, string_agg(first::text, ${ROW}) AS first
        FROM (SELECT "ticketId", floor(extract(epoch FROM min("createdAt")) * 1000) AS first FROM "TicketEvent"
               WHERE type = 'message_sent' GROUP BY "ticketId") r`,
  );
  const r = await columns(
    db.$queryRaw<Record<string, string | null>[]>`
      SELECT string_agg(r."ticketId", ${ROW}) AS id, string_agg(translate(p.name, ${ROW + ITEM}, '  '), ${ROW}) AS partner,
             string_agg(r.status::text, ${ROW}) AS status, string_agg(r.consent::text, ${ROW}) AS consent
        FROM "Referral" r JOIN "Partner" p ON p.id = r."partnerId"`,
  );
  const sv = await columns(
    db.$queryRaw<Record<string, string | null>[]>`
      SELECT string_agg("ticketId", ${ROW}) AS id, string_agg(service, ${ROW}) AS service, string_agg(status, ${ROW}) AS status
        FROM "TicketService"`,
  );
  const m = await columns(
    db.$queryRaw<Record<string, string | null>[]>`
      SELECT string_agg("ticketId", ${ROW}) AS id, string_agg("nameKey", ${ROW}) AS name FROM "RecruiterMention"`,
  );
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
  const facts = (t.id ?? []).map((id, i): CaseFact => {
    const createdMs = Number(t.created![i]);
    const closed = t.closed![i];
    const at = profileAt.get(id);
    const profile = (column: string) => (at === undefined ? null : orNull(p[column]![at]));
    const local = new Date(createdMs + JAKARTA_MS).toISOString();
    const reply = replyAt.get(id);
    return {
      ticketId: id,
      person: t.contact![i] || id,
      createdAt: new Date(createdMs),
      month: local.slice(0, 7),
      year: local.slice(0, 4),
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
      destination: profile("destination") ?? orNull(t.country![i]),
      origin: profile("origin") ?? orNull(t.province![i]),
      sector: profile("sector"),
      recruitmentChannel: profile("recruitment"),
      platform: profile("platform"),
      jobAdPattern: profile("job"),
      ageBand: profile("age"),
      gender: profile("gender"),
      citizenship: profile("citizenship"),
      firstReplyMinutes: reply === undefined ? null : Math.max(0, Math.round((reply - createdMs) / 60_000)),
      closeDays: closed ? Math.max(0, Math.floor((Number(closed) - createdMs) / 86_400_000)) : null,
      referrals: (referralsAt.get(id) ?? []).map((k) => ({
        partner: r.partner![k]!,
        status: r.status![k]!,
        consent: r.consent![k] === "true",
      })),
      services: (servicesAt.get(id) ?? []).map((k) => ({ service: sv.service![k]!, status: sv.status![k]! })),
      recruiters: [...new Set((recruitersAt.get(id) ?? []).map((k) => m.name![k]!))],
    };
  });
  return facts.sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0));
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
