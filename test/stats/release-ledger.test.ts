import { describe, expect, test } from "vitest";
import { toFigure } from "../../src/domain/stats/apply-privacy-rule.ts";
import type { StatsReport } from "../../src/domain/stats/build-stats.ts";
import { applyReleaseLedger, type ReleaseLedger } from "../../src/domain/stats/release-ledger.ts";

const RULE = { minGroup: 11, resolution: 5 };
const DAY = 86_400_000;

/** A report of one table with one cell, as a release would publish it at `count` people. */
function reportAt(count: number): { report: StatsReport; counts: Map<string, number> } {
  const figure = toFigure(count, RULE);
  return {
    report: {
      rule: { ...RULE, reportingLength: 3 },
      filter: {},
      population: figure,
      tables: [
        { id: "destination", dimensions: ["destination"], total: figure, cells: [{ key: ["Fiji"], ...figure }] },
      ],
    },
    counts: new Map([
      ["population", count],
      ["destination|Fiji", count],
    ]),
  };
}

/** What the figure shows over releases whose true counts are `counts`. */
function published(counts: number[]): (number | null)[] {
  let ledger: ReleaseLedger | undefined;
  return counts.map((count, day) => {
    const { report, counts: raw } = reportAt(count);
    const out = applyReleaseLedger(report, raw, ledger, day * DAY, RULE);
    ledger = out.ledger;
    expect(out.report.tables[0]!.total).toEqual(out.report.population);
    return out.report.tables[0]!.cells[0]!.value;
  });
}

describe("the release ledger", () => {
  test("one person more keeps the figure; it moves once enough people came", () => {
    expect(published([34, 35, 36, 44, 46, 50])).toEqual([30, 30, 30, 30, 45, 45]);
  });

  test("over any walk of the counts, any two values a figure shows differ by 0 or at least STATS_MIN_GROUP", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let walk = 0; walk < 50; walk++) {
      const counts: number[] = [];
      let count = 11 + Math.floor(random() * 60);
      for (let day = 0; day < 120; day++) {
        count = Math.max(11, count + Math.floor(random() * 7) - 2);
        counts.push(count);
      }
      const shown = published(counts).filter((v): v is number => v !== null);
      const distinct = [...new Set(shown)];
      const close = distinct.flatMap((a) => distinct.filter((b) => a !== b && Math.abs(a - b) < 11).map((b) => [a, b]));
      expect(close).toEqual([]);
      // the walk climbs on average: the figure followed it
      expect(new Set(shown).size).toBeGreaterThan(1);
    }
  });

  test("a figure hidden in a release stays hidden there and keeps its history", () => {
    const first = reportAt(40);
    const { ledger } = applyReleaseLedger(first.report, first.counts, undefined, 0, RULE);
    const hidden = reportAt(42);
    hidden.report.tables[0]!.cells[0] = { key: ["Fiji"], value: null, suppressed: true };
    const out = applyReleaseLedger(hidden.report, hidden.counts, ledger, DAY, RULE);
    expect(out.report.tables[0]!.cells[0]).toEqual({ key: ["Fiji"], value: null, suppressed: true });
    expect(out.ledger.cells["destination|Fiji"]).toEqual([40]);
  });
});
