import { z } from "zod";
import type { CaseFact } from "./load-case-facts.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** YYYY-MM or YYYY-MM-DD; a day counts as its whole month (periods are whole months, see guard-differences.ts). */
const Month = z
  .string()
  .trim()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, "a month (2026-03) or a day (2026-03-15)")
  .transform((value) => value.slice(0, 7));
const Place = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[\p{L}\p{N} .'_-]+$/u, "letters, digits, spaces");

/** The filters of the statistics page, the API and the export (issue #17, item 1: period, channel, province, country). */
export const StatsFilter = z
  .object({
    from: Month.optional(),
    to: Month.optional(),
    channel: z.enum(["web", "telegram", "whatsapp"]).optional(),
    /** origin province */
    province: Place.optional(),
    /** destination country */
    country: Place.optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from must not be after to", path: ["from"] })
  // one of channel, province and country at a time: the differencing guard checks every pair of nested
  // queries, and a table's two attributes and one filter stay within the reporting length of 3
  .refine((f) => [f.channel, f.province, f.country].filter(Boolean).length <= 1, {
    message: "one of channel, province and country at a time",
    path: ["channel"],
  });
export type StatsFilter = z.infer<typeof StatsFilter>;

/** A query string's filter: empty values are no filter. */
export function parseStatsFilter(query: Record<string, string | undefined>) {
  const entries = Object.entries(query).filter(
    ([key, value]) =>
      value !== undefined && value !== "" && ["from", "to", "channel", "province", "country"].includes(key),
  );
  return StatsFilter.safeParse(Object.fromEntries(entries));
}

const fold = (text: string) => text.trim().toLowerCase();

export function matchesFilter(fact: CaseFact, filter: StatsFilter): boolean {
  if (filter.from && fact.month < filter.from) return false;
  if (filter.to && fact.month > filter.to) return false;
  if (filter.channel && fact.channel !== filter.channel) return false;
  if (filter.province && (fact.origin === null || fold(fact.origin) !== fold(filter.province))) return false;
  if (filter.country && (fact.destination === null || fold(fact.destination) !== fold(filter.country))) return false;
  return true;
}

/** A month as a number: months apart are numbers apart. */
export function monthIndex(month: string): number {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return year * 12 + (m - 1);
}

export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * The queries one step wider or narrower than `filter`: each filter dropped, the whole period, and the
 * period one month longer or shorter at either end — the first queries an attacker would subtract from this
 * one. The guard (guard-differences.ts) checks every nested query, not only these; they remain the steps
 * from which the attack test walks its pairs of queries.
 */
export function neighboursOf(filter: StatsFilter): StatsFilter[] {
  const out: StatsFilter[] = [];
  const without = (key: keyof StatsFilter) => {
    const copy = { ...filter };
    delete copy[key];
    return copy;
  };
  for (const key of ["channel", "province", "country"] as const) if (filter[key]) out.push(without(key));
  if (filter.from || filter.to) {
    const { from: _from, to: _to, ...rest } = filter;
    out.push(rest);
  }
  if (filter.from) {
    out.push({ ...filter, from: shiftMonth(filter.from, -1) });
    if (!filter.to || shiftMonth(filter.from, 1) <= filter.to)
      out.push({ ...filter, from: shiftMonth(filter.from, 1) });
  }
  if (filter.to) {
    out.push({ ...filter, to: shiftMonth(filter.to, 1) });
    if (!filter.from || shiftMonth(filter.to, -1) >= filter.from)
      out.push({ ...filter, to: shiftMonth(filter.to, -1) });
  }
  return out;
}

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}
