import { describe, expect, test } from "vitest";
import {
  applyPrivacyRule,
  DEFAULT_STATS_RULE,
  displayFigure,
  toFigure,
} from "../../src/domain/stats/apply-privacy-rule.ts";
import { buildStats } from "../../src/domain/stats/build-stats.ts";
import type { CaseFact } from "../../src/domain/stats/load-case-facts.ts";

const rule = DEFAULT_STATS_RULE;

/** A fact with everything unknown but what a test sets. */
export function fact(over: Partial<CaseFact> & { person?: string } = {}): CaseFact {
  const id = over.ticketId ?? `t-${Math.random()}`;
  return {
    ticketId: id,
    person: over.person ?? id,
    createdAt: new Date("2026-03-10T03:00:00Z"),
    month: "2026-03",
    year: "2026",
    type: "victim_assistance",
    priority: "normal",
    channel: "web",
    locale: "id",
    status: "new",
    outcome: null,
    consentShare: false,
    child: false,
    indicators: [],
    needs: [],
    destination: null,
    origin: null,
    sector: null,
    recruitmentChannel: null,
    platform: null,
    jobAdPattern: null,
    ageBand: null,
    gender: null,
    citizenship: null,
    firstReplyMinutes: null,
    closeDays: null,
    referrals: [],
    services: [],
    recruiters: [],
    ...over,
  };
}
const many = (n: number, over: Partial<CaseFact>) => Array.from({ length: n }, () => fact(over));

describe("the privacy rule", () => {
  test("a count under STATS_MIN_GROUP is suppressed, others are rounded down to the resolution", () => {
    expect(toFigure(10, rule)).toEqual({ value: null, suppressed: true });
    expect(toFigure(11, rule)).toEqual({ value: 10, suppressed: false });
    expect(toFigure(19, rule)).toEqual({ value: 15, suppressed: false });
    expect(toFigure(20, rule)).toEqual({ value: 20, suppressed: false });
    expect(toFigure(23, { minGroup: 20, resolution: 10 })).toEqual({ value: 20, suppressed: false });
    expect(displayFigure(toFigure(3, rule), rule)).toBe("< 11");
  });

  test("a lone small cell takes the next smallest with it, so total minus the rest reveals no small group", () => {
    const cells = applyPrivacyRule(
      [
        { key: ["a"], count: 40 },
        { key: ["b"], count: 23 },
        { key: ["c"], count: 4 },
        { key: ["d"], count: 0 },
      ],
      rule,
      [0],
    );
    expect(cells).toEqual([
      { key: ["a"], value: 40, suppressed: false },
      { key: ["b"], value: null, suppressed: true },
      { key: ["c"], value: null, suppressed: true },
    ]);
  });

  test("two small cells that add up to the threshold are enough on their own", () => {
    const cells = applyPrivacyRule(
      [
        { key: ["a"], count: 40 },
        { key: ["b"], count: 6 },
        { key: ["c"], count: 6 },
      ],
      rule,
      [0],
    );
    expect(cells.map((c) => c.value)).toEqual([40, null, null]);
  });

  test("rows and columns of a two-way table are both protected", () => {
    const cells = applyPrivacyRule(
      [
        { key: ["2026", "MY"], count: 50 },
        { key: ["2026", "SA"], count: 30 },
        { key: ["2025", "MY"], count: 30 },
        { key: ["2025", "SA"], count: 3 },
      ],
      rule,
      [0, 1],
    );
    const hidden = cells.filter((c) => c.suppressed).map((c) => c.key.join(" "));
    expect(hidden).toContain("2025 SA");
    // the row 2025 and the column SA each hide at least 11 people
    expect(hidden.length).toBeGreaterThanOrEqual(3);
  });
});

describe("buildStats", () => {
  const facts = [
    ...many(30, { sector: "fishing", destination: "Taiwan" }),
    ...many(14, { sector: "scam_compound", destination: "Cambodia" }),
    ...many(3, { sector: "organ_removal", destination: "Cambodia" }),
  ];

  test("no published cell holds fewer people than the rule, in any table", () => {
    const report = buildStats(facts, {}, rule);
    expect(report.population).toEqual({ value: 45, suppressed: false });
    for (const table of report.tables)
      for (const cell of table.cells) {
        if (!cell.suppressed) {
          expect(cell.value % rule.resolution).toBe(0);
          expect(cell.value).toBeGreaterThanOrEqual(Math.floor(rule.minGroup / rule.resolution) * rule.resolution);
        }
      }
    const sectors = report.tables.find((t) => t.id === "sector")!;
    expect(sectors.cells.find((c) => c.key[0] === "organ_removal")?.suppressed).toBe(true);
    expect(sectors.cells.find((c) => c.key[0] === "fishing")?.value).toBe(30);
  });

  test("one person's two tickets count once", () => {
    const report = buildStats(
      [
        ...many(9, { sector: "fishing" }),
        fact({ person: "p", sector: "fishing" }),
        fact({ person: "p", sector: "fishing" }),
      ],
      {},
      rule,
    );
    expect(report.population.suppressed).toBe(true);
  });

  test("a population under the threshold publishes nothing", () => {
    const report = buildStats(many(8, { sector: "fishing" }), {}, rule);
    expect(report.population.suppressed).toBe(true);
    expect(report.tables.every((t) => t.cells.length === 0)).toBe(true);
  });

  test("differencing: a filter that removes a few people hides the cells it changes", () => {
    // 3 of the Taiwan cases came by Telegram: the web-only query differs by 3 from the unfiltered one
    const data = [...facts, ...many(3, { sector: "fishing", destination: "Taiwan", channel: "telegram" })];
    const all = buildStats(data, {}, rule);
    const web = buildStats(data, { channel: "web" }, rule);
    const cell = (r: typeof all, id: string, key: string) =>
      r.tables.find((t) => t.id === id)!.cells.find((c) => c.key.join() === key);
    const a = cell(all, "sector", "fishing");
    const b = cell(web, "sector", "fishing");
    // both cannot be shown: 33 − 30 = 3 people would be revealed
    expect(a?.suppressed === false && b?.suppressed === false).toBe(false);
    expect(web.population.suppressed || all.population.suppressed).toBe(true);
  });
});

describe("the neighbouring queries an attacker would subtract", () => {
  test("each filter dropped, the whole period, and the period a month longer or shorter at each end", async () => {
    const { neighboursOf } = await import("../../src/domain/stats/stats-filter.ts");
    expect(neighboursOf({})).toEqual([]);
    expect(neighboursOf({ from: "2026-01", to: "2026-03", channel: "web" })).toEqual([
      { from: "2026-01", to: "2026-03" },
      { channel: "web" },
      { from: "2025-12", to: "2026-03", channel: "web" },
      { from: "2026-02", to: "2026-03", channel: "web" },
      { from: "2026-01", to: "2026-04", channel: "web" },
      { from: "2026-01", to: "2026-02", channel: "web" },
    ]);
  });

  test("a period one month shorter that drops 3 people hides the cells it changes", () => {
    const data = [
      ...many(40, { sector: "fishing" }),
      ...many(3, { sector: "fishing", month: "2026-04", createdAt: new Date("2026-04-02T03:00:00Z") }),
    ];
    const long = buildStats(data, { from: "2026-01", to: "2026-04" }, rule);
    const short = buildStats(data, { from: "2026-01", to: "2026-03" }, rule);
    const fishing = (r: typeof long) =>
      r.tables.find((t) => t.id === "sector")!.cells.find((c) => c.key[0] === "fishing");
    expect(fishing(long)?.suppressed ?? true).toBe(true);
    expect(fishing(short)?.suppressed ?? true).toBe(true);
  });
});

describe("the HTCDS records", () => {
  test("a rare combination is generalised (withheld) before it is left out, and no group is under k", async () => {
    const { buildHtcdsRecords } = await import("../../src/domain/stats/htcds-export.ts");
    const data = [
      ...many(12, {
        ageBand: "25-34",
        gender: "female",
        destination: "Malaysia",
        origin: "Jawa Barat",
        citizenship: "ID",
      }),
      ...many(6, {
        ageBand: "45+",
        gender: "female",
        destination: "Malaysia",
        origin: "Jawa Barat",
        citizenship: "ID",
      }),
      ...many(6, {
        ageBand: "35-44",
        gender: "female",
        destination: "Malaysia",
        origin: "Jawa Barat",
        citizenship: "ID",
      }),
      ...many(1, { ageBand: "18-24", gender: "male", destination: "Peru", origin: "Papua", citizenship: "PE" }),
    ];
    const { records, suppressed } = buildHtcdsRecords(data, {}, rule);
    // the 12 women aged 25-34 keep their age band; the 6 + 6 older ones are published together once their
    // citizenship and age band are withheld; the man from Peru stays alone and is left out
    expect(records).toHaveLength(24);
    expect(suppressed).toBe(1);
    expect(records.filter((r) => r.ageBand === "25-34")).toHaveLength(12);
    expect(records.filter((r) => r.ageBand === "withheld" && r.citizenship === "withheld")).toHaveLength(12);
    expect(records.some((r) => r.countryOfExploitation === "Peru")).toBe(false);
  });
});
