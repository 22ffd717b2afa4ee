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
import { matchesFilter, neighboursOf, type StatsFilter } from "./stats-filter.ts";

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
  population: Figure;
  tables: StatsTable[];
};

const SEP = "\u0000";

type Counted = { key: string[]; count: number; last: string };

/** Distinct people per cell (a person's facts may be anywhere in the list: their tickets are counted once). */
function countCells(facts: readonly CaseFact[], table: TableSpec, only?: Map<string, Counted>) {
  const cells = new Map<string, Counted & { seen?: Set<string> }>();
  for (const fact of facts) {
    for (const key of table.keys(fact)) {
      const id = key.join(SEP);
      if (only && !only.has(id)) continue;
      let cell = cells.get(id);
      if (!cell) cells.set(id, (cell = { key, count: 0, last: "" }));
      if (cell.last === fact.person) continue;
      if (cell.count > 0) {
        cell.seen ??= new Set([cell.last]);
        if (cell.seen.has(fact.person)) continue;
        cell.seen.add(fact.person);
      }
      cell.last = fact.person;
      cell.count += 1;
    }
  }
  return cells;
}

function countPeople(facts: readonly CaseFact[]): number {
  return new Set(facts.map((fact) => fact.person)).size;
}

/**
 * The statistics of the tickets that match `filter`, under the privacy rule. On top of the rule of each
 * table, a cell is hidden when it differs by fewer than `minGroup` people from the same cell of a query one
 * step wider or narrower (see `neighboursOf`), so subtracting two neighbouring queries reveals no small group;
 * when the whole population is smaller than the rule allows, nothing is published.
 */
export function buildStats(
  allFacts: readonly CaseFact[],
  filter: StatsFilter,
  rule: StatsRule,
  tables: readonly TableSpec[] = TABLES,
): StatsReport {
  const facts = allFacts.filter((fact) => matchesFilter(fact, filter));
  const people = countPeople(facts);
  const neighbours = neighboursOf(filter)
    .map((wider) => allFacts.filter((fact) => matchesFilter(fact, wider)))
    // a neighbour with the same tickets is the same query: nothing to subtract
    .filter((other) => other.length !== facts.length);
  const differs = (a: number, b: number) => a !== b && Math.abs(a - b) < rule.minGroup;
  const populationHidden = people < rule.minGroup || neighbours.some((other) => differs(countPeople(other), people));
  const population: Figure = populationHidden ? { value: null, suppressed: true } : toFigure(people, rule);
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
    const cells = countCells(facts, table);
    const others = neighbours.map((other) => countCells(other, table, cells));
    const raw = [...cells.entries()].map(([id, cell]) => ({
      key: cell.key,
      count: cell.count,
      // the differencing guard: a neighbour's count of this cell must be the same, or far enough from it
      forceHidden: others.some((other) => differs(other.get(id)?.count ?? 0, cell.count)),
    }));
    const safe = applyPrivacyRule(raw, rule, table.partitions, (cell) => cell.forceHidden);
    safe.sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.key.join().localeCompare(b.key.join()));
    report.tables.push({ id: table.id, dimensions: table.dimensions, total: population, cells: safe });
  }
  return report;
}
