import {
  applyPrivacyRule,
  REPORTING_LENGTH,
  toFigure,
  type Figure,
  type SafeCell,
  type StatsRule,
} from "./apply-privacy-rule.ts";
import type { CaseFact } from "./load-case-facts.ts";
import { TABLES, type TableSpec } from "./stats-dimensions.ts";
import { matchesFilter, type StatsFilter } from "./stats-filter.ts";
import { cellFactsOf, countTable, indexFacts, keyOf, type FactIndex } from "./index-facts.ts";
import { differsFromANestedQuery, guardIndexOf, isCommonPeriod, spanOf, stateOf } from "./guard-differences.ts";

/** One published table: every cell under the rule, biggest first; no cell with fewer people than the rule. */
export type StatsTable = {
  id: string;
  dimensions: string[];
  /** people in the filtered population (the same for every table), under the rule */
  total: Figure;
  cells: SafeCell[];
};

/** What the statistics page, `/api/stats/*` and the aggregate export publish. */
export type StatsReport = {
  rule: StatsRule & { reportingLength: number };
  filter: StatsFilter;
  /** the release's boundary (ISO time): the figures count the tickets created before it (see published-release.ts) */
  asOf?: string;
  population: Figure;
  tables: StatsTable[];
};

/** The id of a published figure within a report: "population", or the table and the cell's key. */
export const cellId = (table: string, key: readonly string[]) => `${table}|${key.join("|")}`;
export const POPULATION = "population";

const byPerson = (a: CaseFact, b: CaseFact) => (a.person < b.person ? -1 : a.person > b.person ? 1 : 0);

function sortedByPerson(facts: readonly CaseFact[]): readonly CaseFact[] {
  for (let i = 1; i < facts.length; i++) if (facts[i - 1]!.person > facts[i]!.person) return [...facts].sort(byPerson);
  return facts;
}

/** The indices of the facts a filter keeps, and how many people they are. */
function select(index: FactIndex, filter: StatsFilter): { rows: Int32Array; people: number } {
  const rows: number[] = [];
  let people = 0;
  let last = -1;
  index.facts.forEach((fact, i) => {
    if (!matchesFilter(fact, filter)) return;
    rows.push(i);
    if (index.person[i] !== last) {
      last = index.person[i]!;
      people += 1;
    }
  });
  return { rows: Int32Array.from(rows), people };
}

/**
 * The statistics of the tickets that match `filter`, under the privacy rule. On top of the rule of each
 * table, a cell (and the population, every table's total) is hidden when a nested query — another period
 * inside or around this one, with or without the filter — counts it at a difference of 1 to STATS_MIN_GROUP − 1
 * people (see guard-differences.ts), so subtracting two queries reveals no small group; when the whole
 * population is smaller than the rule allows, nothing is published.
 */
export function buildStats(
  allFacts: readonly CaseFact[],
  filter: StatsFilter,
  rule: StatsRule,
  tables: readonly TableSpec[] = TABLES,
): StatsReport {
  return buildCountedStats(allFacts, filter, rule, tables).report;
}

/**
 * `buildStats`, and beside the report the true count of every figure it publishes (by `cellId`): what the
 * release ledger compares from one release to the next. The counts never leave the server.
 */
export function buildCountedStats(
  allFacts: readonly CaseFact[],
  filter: StatsFilter,
  rule: StatsRule,
  tables: readonly TableSpec[] = TABLES,
): { report: StatsReport; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  const index = indexFacts(sortedByPerson(allFacts));
  const main = select(index, filter);
  const people = main.people;
  const guard = guardIndexOf(index);
  const span = spanOf(guard, filter);
  const state = stateOf(guard, filter);
  const query = span && state !== "none-match" ? { span, state, common: isCommonPeriod(filter) } : null;
  const hide = (table: TableSpec | null, code: number, count: number) =>
    count >= rule.minGroup &&
    query !== null &&
    differsFromANestedQuery(guard, cellFactsOf(index, table), code, query, count, rule);
  counts.set(POPULATION, people);
  const population: Figure =
    people < rule.minGroup || hide(null, 0, people) ? { value: null, suppressed: true } : toFigure(people, rule);
  const report: StatsReport = {
    rule: { ...rule, reportingLength: REPORTING_LENGTH },
    filter,
    population,
    tables: [],
  };
  for (const table of tables) {
    if (table.dimensions.length > REPORTING_LENGTH) continue;
    if (people < rule.minGroup) {
      report.tables.push({ id: table.id, dimensions: table.dimensions, total: population, cells: [] });
      continue;
    }
    const counted = countTable(index, table, main.rows);
    const raw: { key: string[]; count: number; forceHidden: boolean }[] = [];
    counted.counts.forEach((count, code) => {
      if (count === 0) return;
      const key = keyOf(counted, code);
      counts.set(cellId(table.id, key), count);
      raw.push({ key, count, forceHidden: hide(table, code, count) });
    });
    const safe = applyPrivacyRule(raw, rule, table.partitions, (cell) => cell.forceHidden);
    safe.sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.key.join().localeCompare(b.key.join()));
    report.tables.push({ id: table.id, dimensions: table.dimensions, total: population, cells: safe });
  }
  return { report, counts };
}
