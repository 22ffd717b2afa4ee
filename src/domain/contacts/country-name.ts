import source from "./contacts-by-country.json" with { type: "json" };

const NAMES = new Map(
  (source as { records: { country: string; country_name: string }[] }).records.map((r) => [r.country, r.country_name]),
);

/** A country's name as the researched list gives it (English), for the ISO code. */
export function countryName(code: string): string | undefined {
  return NAMES.get(code);
}
