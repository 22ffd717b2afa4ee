import { toFigure, type Figure, type StatsRule } from "./apply-privacy-rule.ts";
import { cellId, POPULATION, type StatsReport } from "./build-stats.ts";

/**
 * The temporal guard (issue #17: "no combination of two queries reveals a group smaller than
 * STATS_MIN_GROUP" — here the same query asked at two times, before and after a ticket arrived, changed or
 * was erased).
 *
 * Figures are published in releases, one per day (published-release.ts). For each query, a ledger keeps the
 * true counts at which each figure was published. In a new release a figure shows its new count only if,
 * against every count it was published at before, the new one is the same or differs by STATS_MIN_GROUP or
 * more, before and after rounding; otherwise it keeps showing the value it showed last. Any two values a
 * figure ever shows for a query thus differ by 0 or by a group the rule allows, however many releases lie
 * between them: a figure moves only once enough people have come (or gone) to hide each one of them.
 * Figures the rule or the nested-query guard suppresses in a release are suppressed (no number), and the
 * ledger keeps what they showed before.
 */
export type ReleaseLedger = {
  /** the boundary (ms) of the release this ledger was last applied to */
  boundary: number;
  /** figure id → the true counts it was published at, oldest first; the last is the one it shows */
  cells: Record<string, number[]>;
};

/** How many published counts a figure remembers (a figure that moves by ≥ k each time needs few). */
const HISTORY = 24;

/**
 * A release's report under the ledger: each published figure either moves to its new count or keeps its
 * last published value (see above). Returns the report to publish and the ledger after this release.
 */
export function applyReleaseLedger(
  report: StatsReport,
  counts: ReadonlyMap<string, number>,
  previous: ReleaseLedger | undefined,
  boundary: number,
  rule: StatsRule,
): { report: StatsReport; ledger: ReleaseLedger; changed: boolean } {
  const cells: Record<string, number[]> = { ...previous?.cells };
  let changed = !previous || previous.boundary !== boundary;
  const round = (n: number) => Math.floor(n / rule.resolution) * rule.resolution;
  const far = (a: number, b: number) =>
    Math.abs(a - b) >= rule.minGroup && Math.abs(round(a) - round(b)) >= rule.minGroup;
  const publish = (id: string, figure: Figure): Figure => {
    if (figure.suppressed) return figure;
    const count = counts.get(id);
    if (count === undefined) return figure;
    const history = cells[id];
    if (!history?.length) {
      cells[id] = [count];
      changed = true;
      return figure;
    }
    const last = history[history.length - 1]!;
    if (count === last) return figure;
    // a count it showed before, or one far from every count it showed: the new figure is safe to show
    if (history.includes(count) || history.every((shown) => far(count, shown))) {
      cells[id] = [...history.filter((shown) => shown !== count), count].slice(-HISTORY);
      changed = true;
      return figure;
    }
    return toFigure(last, rule);
  };
  const population = publish(POPULATION, report.population);
  const tables = report.tables.map((table) => ({
    ...table,
    total: population,
    cells: table.cells
      .map((cell) => ({ key: cell.key, ...publish(cellId(table.id, cell.key), cell) }))
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || a.key.join().localeCompare(b.key.join())),
  }));
  return { report: { ...report, population, tables }, ledger: { boundary, cells }, changed };
}
