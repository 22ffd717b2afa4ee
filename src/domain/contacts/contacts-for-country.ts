import source from "./contacts-by-country.json" with { type: "json" };
import type { Locale } from "../../i18n/create-i18n.ts";
import { HELP_CONTACTS, type HelpContact } from "./help-contacts.ts";

/** One researched line from contacts-by-country.json (../shared/domain): what it is, where, and how sure. */
type CountryRecord = {
  id: string;
  country: string;
  country_name: string;
  organisation: Record<Locale, string>;
  kind: string;
  numbers: { e164: string | null; local: string | null; as_published: string; whatsapp: boolean | null }[];
  hours?: string | null;
  confidence: "official" | "reputable-secondary" | "unconfirmed";
  freshness: "current" | "aging" | "stale" | "undated";
};

const RECORDS = (source as { records: CountryRecord[] }).records;

/** Kinds in the order a person in danger abroad needs them: local emergency first, then the mission. */
const ORDER = [
  "emergency",
  "police",
  "embassy_hotline",
  "consulate_hotline",
  "anti_trafficking_hotline",
  "labour_hotline",
];
/** Lines that are never shown, whatever their rating (inactive since 2014: see contacts-by-country.md). */
const NEVER_SHOWN = new Set(["id-kemenkes-500454"]);
/** Indonesian services that help from abroad, given with every country's lines (the file's guidance). */
const FROM_ABROAD = ["id-kemlu-pwni-hotline", "id-kemlu-safe-travel", "id-kp2mi-crisis-centre", "id-sapa-129"];

/**
 * Whether a researched line may be shown before an admin confirms it: seen on an official channel or
 * reported by a reputable outlet, and not older than five years. Unconfirmed and stale lines wait for an
 * admin. The Kemlu Safe Travel app is always given (it has no number to go stale).
 */
export function shownBeforeVerified(record: Pick<CountryRecord, "id" | "confidence" | "freshness">): boolean {
  if (NEVER_SHOWN.has(record.id)) return false;
  if (record.id === "id-kemlu-safe-travel") return true;
  return record.confidence !== "unconfirmed" && record.freshness !== "stale";
}

function toContact(record: CountryRecord, abroad: boolean): HelpContact {
  const contact: HelpContact = {
    id: record.id,
    name: record.organisation,
    scope: record.kind,
    country: record.country,
  };
  for (const number of record.numbers) {
    if (number.whatsapp && number.e164) contact.whatsapp ??= number.e164;
    // From abroad a short code or an Indonesian local number cannot be dialled: only the full number.
    else if (abroad && record.country === "ID") {
      if (number.e164) contact.phoneFromAbroad ??= number.e164;
    } else contact.phone ??= number.local ?? number.as_published;
  }
  if (record.hours && /^24\s*h|24\/7|24 jam/i.test(record.hours)) contact.hours = "24h";
  return contact;
}

/** Countries (ISO codes) that have lines of their own in the researched list. */
export const COUNTRIES_WITH_LINES = new Set(RECORDS.map((r) => r.country).filter((c) => c !== "ID"));

/** A country's name as the file gives it (English), for the ISO code. */
export function countryName(code: string): string | undefined {
  return RECORDS.find((r) => r.country === code)?.country_name;
}

/**
 * The help lines for a person in a country (ISO code): in Indonesia (or when unknown), the national list;
 * abroad, that country's emergency number and the Indonesian mission's citizen-protection line first,
 * then the Indonesian services that work from abroad (Kemlu hotline, Safe Travel, KP2MI and SAPA by
 * WhatsApp). `verified` holds ids an admin has confirmed, shown whatever the research rated them.
 */
export function contactsForCountry(
  country: string | undefined,
  national: readonly HelpContact[] = HELP_CONTACTS,
  verified: ReadonlySet<string> = new Set(),
): HelpContact[] {
  if (!country || country === "ID") return [...national];
  const visible = (r: CountryRecord) => verified.has(r.id) || shownBeforeVerified(r);
  const local = RECORDS.filter((r) => r.country === country && visible(r) && ORDER.includes(r.kind)).sort(
    (a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind),
  );
  const home = FROM_ABROAD.map((id) => RECORDS.find((r) => r.id === id)).filter(
    (r): r is CountryRecord => r !== undefined && visible(r),
  );
  return [...local.map((r) => toContact(r, true)), ...home.map((r) => toContact(r, true))].filter(
    (c) => c.phone || c.whatsapp || c.phoneFromAbroad || c.id === "id-kemlu-safe-travel",
  );
}
