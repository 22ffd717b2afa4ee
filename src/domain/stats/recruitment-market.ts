import type { Figure, StatsRule } from "./apply-privacy-rule.ts";
import { buildStats } from "./build-stats.ts";
import type { CaseFact } from "./load-case-facts.ts";
import { RECRUITER_TABLE } from "./stats-dimensions.ts";
import { matchesFilter, type StatsFilter } from "./stats-filter.ts";
import { toCsv } from "./to-csv.ts";

/** One reported recruiter or agency: its normalised name, how often it was reported, since when, and where to. */
export type ReportedRecruiter = {
  name: string;
  /** tickets that name it */
  reports: Figure;
  /** people who named it */
  people: Figure;
  /** YYYY-MM of the first report */
  since: string;
  destinations: string[];
};

/**
 * The recruiters and agencies named in reports (issue #17, item 4), counted across reports and tickets
 * under their normalised name. `exact` (admins) gives true counts; otherwise the counts are under the
 * privacy rule and its differencing guard like every other figure shown to a non-admin: the people who named
 * a recruiter, and the tickets (counted as if each were its own person), each guarded; the reports show only
 * where the people do.
 */
export function listReportedRecruiters(
  facts: readonly CaseFact[],
  filter: StatsFilter,
  rule: StatsRule,
  options: { exact: boolean; consentedOnly?: boolean; limit?: number },
): ReportedRecruiter[] {
  const byName = new Map<string, { tickets: number; people: Set<string>; since: string; destinations: Set<string> }>();
  for (const fact of facts) {
    if (!fact.recruiters.length || !matchesFilter(fact, filter)) continue;
    if (options.consentedOnly && !fact.referrals.some((r) => r.consent) && !fact.consentShare) continue;
    for (const name of fact.recruiters) {
      let entry = byName.get(name);
      if (!entry)
        byName.set(name, (entry = { tickets: 0, people: new Set(), since: fact.month, destinations: new Set() }));
      entry.tickets += 1;
      entry.people.add(fact.person);
      if (fact.month < entry.since) entry.since = fact.month;
      if (fact.destination) entry.destinations.add(fact.destination);
    }
  }
  const hidden: Figure = { value: null, suppressed: true };
  const guarded = (of: readonly CaseFact[]) =>
    new Map(buildStats(of, filter, rule, [RECRUITER_TABLE]).tables[0]!.cells.map((c) => [c.key[0]!, c as Figure]));
  const people = options.exact ? null : guarded(facts);
  const tickets = options.exact ? null : guarded(asTickets(facts));
  const figure = (count: number, name: string, of: Map<string, Figure> | null): Figure =>
    of
      ? people!.get(name)?.suppressed === false
        ? (of.get(name) ?? hidden)
        : hidden
      : { value: count, suppressed: false };
  return [...byName.entries()]
    .sort((a, b) => b[1].tickets - a[1].tickets || a[0].localeCompare(b[0]))
    .slice(0, options.limit ?? 50)
    .map(([name, entry]) => ({
      name,
      reports: figure(entry.tickets, name, tickets),
      people: figure(entry.people.size, name, people),
      since: entry.since,
      destinations: [...entry.destinations].sort(),
    }));
}

const ticketLists = new WeakMap<readonly CaseFact[], CaseFact[]>();

/** The facts with every ticket its own person: what counting reports (tickets) under the rule needs. */
function asTickets(facts: readonly CaseFact[]): CaseFact[] {
  let found = ticketLists.get(facts);
  if (!found)
    ticketLists.set(
      facts,
      (found = facts
        .map((fact) => ({ ...fact, person: fact.ticketId }))
        // sorted by person, as buildStats indexes them (an unsorted list would be sorted and indexed anew each time)
        .sort((a, b) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0))),
    );
  return found;
}

/**
 * The export for the authorities: only tickets whose reporter agreed to share the case, exact counts
 * (an official report needs them), and no person's facts beyond the destination.
 */
export function recruitersForAuthoritiesCsv(
  facts: readonly CaseFact[],
  filter: StatsFilter,
  rule: StatsRule,
): { csv: string; rows: number } {
  const list = listReportedRecruiters(facts, filter, rule, { exact: true, consentedOnly: true, limit: 10_000 });
  return {
    csv: toCsv(
      ["name", "reports", "people", "first_reported", "destinations"],
      list.map((r) => [r.name, String(r.reports.value), String(r.people.value), r.since, r.destinations.join(";")]),
    ),
    rows: list.length,
  };
}
