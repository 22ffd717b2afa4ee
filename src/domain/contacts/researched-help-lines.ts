import byCountry from "./contacts-by-country.json" with { type: "json" };
import national from "./contacts.json" with { type: "json" };
import { HELP_LINE_KINDS, type HelpLine } from "./help-line.ts";

/** One researched line of contacts-by-country.json (../shared/domain): what it is, where, and how sure. */
type CountryRecord = {
  id: string;
  country: string;
  organisation: { id: string; en: string };
  kind: string;
  numbers: { e164: string | null; local: string | null; as_published: string; whatsapp: boolean | null }[];
  hours?: string | null;
  source?: { url?: string; title?: string; publisher?: string; date?: string } | null;
  confidence: string;
  freshness: string;
};

/** One line of contacts.json: Indonesia's national list, given to people in Indonesia. */
type NationalRecord = {
  id: string;
  name: { id: string; en: string };
  scope: string;
  phone?: string;
  phone_from_abroad?: string;
  whatsapp?: string;
  hours?: string;
  caveat?: { id: string; en: string };
  verified: boolean;
};

/** Indonesian services given to people abroad with their country's lines, in this order (the file's guidance). */
const FROM_ABROAD = ["id-kemlu-pwni-hotline", "id-kemlu-safe-travel", "id-kp2mi-crisis-centre", "id-sapa-129"];
/** A country's own lines, in the order a person in danger needs them (HELP_LINE_KINDS' first six). */
const LOCAL_KINDS: readonly string[] = HELP_LINE_KINDS.slice(0, 6);

const TWENTY_FOUR_HOURS = /^24\s*h|24\/7|24 jam/i;

function sourceOf(source: CountryRecord["source"]): string | null {
  if (!source) return null;
  const text = [source.publisher, source.date, source.url].filter(Boolean).join(" · ");
  return text ? text.slice(0, 500) : null;
}

function fromCountryRecord(record: CountryRecord, position: number): HelpLine {
  const dialled = record.numbers.filter((n) => !(n.whatsapp && n.e164));
  const whatsapp = record.numbers.find((n) => n.whatsapp && n.e164)?.e164 ?? null;
  const first = dialled[0];
  return {
    id: record.id,
    country: record.country,
    audience: record.country === "ID" ? "from_abroad" : "local",
    kind: record.kind,
    nameId: record.organisation.id,
    nameEn: record.organisation.en,
    phone: first ? (first.local ?? first.as_published) : null,
    phoneFromAbroad: record.country === "ID" ? (dialled.find((n) => n.e164)?.e164 ?? null) : null,
    whatsapp,
    hours: record.hours && TWENTY_FOUR_HOURS.test(record.hours) ? "24h" : null,
    caveatId: null,
    caveatEn: null,
    source: sourceOf(record.source),
    confidence: record.confidence,
    freshness: record.freshness,
    review: "public_sources",
    verifiedOn: null,
    position,
  };
}

function fromNationalRecord(record: NationalRecord, position: number): HelpLine {
  return {
    id: record.id,
    country: "ID",
    audience: "in_indonesia",
    kind: record.scope,
    nameId: record.name.id,
    nameEn: record.name.en,
    phone: record.phone ?? null,
    phoneFromAbroad: record.phone_from_abroad ?? null,
    whatsapp: record.whatsapp ?? null,
    hours: record.hours ?? null,
    caveatId: record.caveat?.id ?? null,
    caveatEn: record.caveat?.en ?? null,
    source: "contacts.json (screening-facts.md §5)",
    // contacts.json's `verified` means "checked against public sources", not confirmed by the organisation
    confidence: record.verified ? "reputable-secondary" : "unconfirmed",
    freshness: "current",
    review: "public_sources",
    verifiedOn: null,
    position,
  };
}

/**
 * The lines the HelpLine table starts with: Indonesia's national list (contacts.json), the Indonesian
 * services that work from abroad, and each country's own lines (contacts-by-country.json), with the
 * research's ratings. Which of them people see follows `isShown` until an admin reviews them.
 */
export function researchedHelpLines(): HelpLine[] {
  const records = (byCountry as { records: CountryRecord[] }).records;
  const lines = (national.contacts as NationalRecord[]).map((record, i) => fromNationalRecord(record, i));
  FROM_ABROAD.forEach((id, i) => {
    const record = records.find((r) => r.id === id);
    if (record) lines.push(fromCountryRecord(record, i));
  });
  for (const record of records) {
    // Indonesia's other researched lines repeat contacts.json (110, 112) or serve other needs (119 ext. 8)
    if (record.country === "ID") continue;
    const order = LOCAL_KINDS.indexOf(record.kind);
    if (order >= 0) lines.push(fromCountryRecord(record, order));
  }
  return lines;
}
