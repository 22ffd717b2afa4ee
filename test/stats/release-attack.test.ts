import { describe, expect, test } from "vitest";
import { createStatsService } from "../../src/domain/stats/create-stats-service.ts";
import { erasePerson } from "../../src/domain/privacy/erase-person.ts";
import { consoleClient } from "../console/support.ts";
import { DAY, fijiOf, K, useReleaseFixture } from "./release-fixture.ts";
import { apiReport, queryString, viaApi, viaExport, viaPage, type Query, type View } from "./stats-views.ts";

/**
 * The temporal differencing attack of issue #17, from outside: the same queries asked before and after one
 * ticket arrives, one ticket changes and one person is erased, each time on the next day (the figures are
 * published once per WIB day), through the API, the aggregate export and the page. A figure published on
 * two days must be equal or differ by STATS_MIN_GROUP or more. The data puts a figure at a rounding edge:
 * 34 people bound for Fiji, so one more would turn a naive "30" into "35" (release-fixture.ts). After enough
 * arrivals the change does show: release-arrivals.test.ts.
 */

const { state, addTicket, nextDay } = useReleaseFixture();

const QUERIES: Query[] = [
  {},
  { from: "2025-01", to: "2025-12" },
  { from: "2026-01", to: "2026-12" },
  { from: "2026-01", to: "2026-11" },
  { from: "2026-06" },
  { from: "2026-10", to: "2026-11" },
  { country: "Fiji" },
  { province: "Maluku" },
  { channel: "web" },
  { from: "2026-01", to: "2026-12", channel: "web" },
  { from: "2026-06", country: "Fiji" },
];

/** Every view of every query on the day of the clock (a fresh sign-in: a day is longer than a session). */
async function askAll(): Promise<View[]> {
  const page = consoleClient(state.lentera.app);
  await page.signIn(state.supervisorEmail);
  const views: View[] = [];
  for (const query of QUERIES) {
    views.push(await viaApi(state.lentera.app, state.token, query));
    views.push(await viaExport(state.lentera.app, state.token, query));
  }
  for (const query of QUERIES.slice(0, 4)) views.push(await viaPage(page, query));
  return views;
}

/** Figures the same query and view published at a difference of 1 to K − 1 on two days. */
function leaks(before: View[], after: View[]): string[] {
  const out: string[] = [];
  for (const [i, view] of after.entries()) {
    const earlier = before[i]!;
    expect(earlier.via).toBe(view.via);
    for (const [key, value] of view.figures) {
      const was = earlier.figures.get(key);
      if (value === null || was === null || was === undefined) continue;
      const difference = Math.abs(value - was);
      if (difference !== 0 && difference < K)
        out.push(`${key}: ${was} → ${value} (${view.via} ${queryString(view.query)})`);
    }
  }
  return out;
}

describe("the same query on two days", () => {
  test("one ticket more, one ticket changed, one person erased: no figure moves by 1 to STATS_MIN_GROUP − 1", async () => {
    const day0 = await askAll();
    const report0 = await apiReport(state.lentera.app, state.token, {});
    // the figures are as of the start of today in Jakarta (the tickets up to the end of yesterday)
    expect(report0.asOf).toBe("2026-11-19T17:00:00.000Z");
    expect(fijiOf(report0)).toMatchObject({ value: 30, suppressed: false }); // 34 people, rounded down

    // one more person bound for Fiji today: the figures of today's release do not move at all
    const arrived = await addTicket("Fiji", state.at);
    expect(leaks(day0, await askAll())).toEqual([]);
    expect(await askAll()).toEqual(day0);

    // the next day's release counts them (35 people): the figure keeps its last value instead of showing 35
    nextDay();
    const day1 = await askAll();
    const report1 = await apiReport(state.lentera.app, state.token, {});
    expect(new Date(report1.asOf!).getTime() - new Date(report0.asOf!).getTime()).toBe(DAY);
    expect(fijiOf(report1)).toMatchObject({ value: 30, suppressed: false });
    expect(leaks(day0, day1)).toEqual([]);

    // one ticket changes (a sector is recorded), another one arrives the same day
    await state.lentera.db.caseProfile.update({ where: { ticketId: arrived.id }, data: { sector: "construction" } });
    await addTicket("Fiji", state.at, "construction");
    nextDay();
    const day2 = await askAll();
    expect(leaks(day1, day2)).toEqual([]);
    expect(leaks(day0, day2)).toEqual([]);

    // one person with several tickets is erased: their tickets stay as anonymous facts, each its own person
    const [person] = await state.lentera.db.$queryRaw<{ contactId: string }[]>`
      SELECT "contactId" FROM "Ticket" WHERE "contactId" IS NOT NULL GROUP BY "contactId" HAVING count(*) > 1 LIMIT 1`;
    expect(person).toBeDefined();
    await state.lentera.db.$transaction((tx) =>
      erasePerson(tx, state.lentera.cipher, person!.contactId, { type: "cli" }, state.at),
    );
    nextDay();
    const day3 = await askAll();
    for (const [before, after] of [
      [day0, day3],
      [day1, day3],
      [day2, day3],
    ] as const)
      expect(leaks(before, after)).toEqual([]);

    // a restart forgets nothing: a new service on the same database publishes what the running one does
    const restarted = createStatsService(state.lentera.db, { minGroup: 11, resolution: 5 }, { now: () => state.at });
    const again = await restarted.report({});
    expect(JSON.parse(JSON.stringify(again))).toEqual(await apiReport(state.lentera.app, state.token, {}));
  }, 300_000);
});
