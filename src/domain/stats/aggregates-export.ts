import { displayFigure, REPORTING_LENGTH } from "./apply-privacy-rule.ts";
import type { StatsReport } from "./build-stats.ts";
import { toCsv } from "./to-csv.ts";

/** The columns of the aggregate file: a table, up to three attributes and their values, and the figure. */
export const AGGREGATE_COLUMNS = [
  "table",
  ...Array.from({ length: REPORTING_LENGTH }, (_, i) => [`dimension_${i + 1}`, `value_${i + 1}`]).flat(),
  "count",
  "suppressed",
] as const;

/**
 * The aggregate file (issue #17, item 2) as CSV: one row per published cell and one "total" row per table;
 * a suppressed cell reads "< 11" with `suppressed` true, never its count.
 */
export function aggregatesToCsv(report: StatsReport): string {
  const rows: string[][] = [];
  for (const table of report.tables) {
    const blank = Array.from({ length: REPORTING_LENGTH * 2 }, () => "");
    rows.push([
      table.id,
      ...blank.map((_, i) => (i === 0 ? "total" : "")),
      displayFigure(table.total, report.rule),
      String(table.total.suppressed),
    ]);
    for (const cell of table.cells) {
      const pairs = blank.map((_, i) =>
        i % 2 === 0 ? (table.dimensions[i / 2] ?? "") : (cell.key[(i - 1) / 2] ?? ""),
      );
      rows.push([table.id, ...pairs, displayFigure(cell, report.rule), String(cell.suppressed)]);
    }
  }
  return toCsv(AGGREGATE_COLUMNS, rows);
}
