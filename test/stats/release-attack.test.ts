import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { newReferenceCode } from "../../src/domain/tickets/reference-code.ts";
import { createStatsService } from "../../src/domain/stats/create-stats-service.ts";
import { seedDemoCases } from "../../src/domain/stats/seed-demo-cases.ts";
import { erasePerson } from "../../src/domain/privacy/erase-person.ts";
import { createCaseworker } from "../api/api-support.ts";
import { addCaseworker, consoleClient } from "../console/support.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { apiReport, queryString, viaApi, viaExport, viaPage, type Query, type View } from "./stats-views.ts";

/**
 * The temporal differencing attack of issue #17, from outside: the same queries asked before and after one
 * ticket arrives, one ticket changes and one person is erased, each time on the next day (the figures are
 * published once per WIB day), through the API, the aggregate export and the page. A figure published on
 * two days must be equal or differ by STATS_MIN_GROUP or more. The data puts a figure at a rounding edge:
 * 34 people bound for Fiji, so one more would turn a naive "30" into "35".
 */

const K = 11;
const DAY = 86_400_000;
let lentera: TestLentera;
let token: string;
let supervisorEmail: string;
/** the test's clock: noon in Jakarta */
let at = new Date("2026-11-20T05:00:00Z");
const nextDay = () => (at = new Date(at.getTime() + DAY));

async function addTicket(country: string, createdAt: Date, sector = "fishing") {
  const ticket = await lentera.db.ticket.create({
    data: {
      reference: newReferenceCode(),
      type: "victim_assistance",
      priority: "high",
      locale: "id",
      channel: "web",
      indicatorIds: ["FL-14-fishing-vessel"],
      needs: [],
      country,
      province: "Maluku",
      createdAt,
    },
  });
  await lentera.db.caseProfile.create({ data: { ticketId: ticket.id, sector } });
  return ticket;
}

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
  const page = consoleClient(lentera.app);
  await page.signIn(supervisorEmail);
  const views: View[] = [];
  for (const query of QUERIES) {
    views.push(await viaApi(lentera.app, token, query));
    views.push(await viaExport(lentera.app, token, query));
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

const fijiOf = (report: Awaited<ReturnType<typeof apiReport>>) =>
  report.tables.find((t) => t.id === "destination")!.cells.find((c) => c.key[0] === "Fiji")!;

beforeAll(async () => {
  lentera = await createTestLentera({ now: () => at });
  await seedDemoCases({ db: lentera.db, cipher: lentera.cipher, now: () => at }, { tickets: 1200, seed: 23 });
  const plant = async (month: string, people: number) => {
    for (let i = 0; i < people; i++) await addTicket("Fiji", new Date(`${month}-12T03:00:00Z`));
  };
  // 17 in 2025 and 17 in 2026: the whole time (34, shown as 30) is far enough from each year to be shown
  await plant("2025-03", 17);
  await plant("2026-06", 3);
  await plant("2026-08", 4);
  await plant("2026-10", 10);
  token = (await createCaseworker(lentera, { email: "watcher@example.org", scopes: ["stats"] })).token;
  supervisorEmail = (await addCaseworker(lentera, "supervisor")).email;
}, 180_000);
afterAll(async () => {
  await lentera?.close();
});

describe("the same query on two days", () => {
  test("one ticket more, one ticket changed, one person erased: no figure moves by 1 to STATS_MIN_GROUP − 1", async () => {
    const day0 = await askAll();
    const report0 = await apiReport(lentera.app, token, {});
    // the figures are as of the start of today in Jakarta (the tickets up to the end of yesterday)
    expect(report0.asOf).toBe("2026-11-19T17:00:00.000Z");
    expect(fijiOf(report0)).toMatchObject({ value: 30, suppressed: false }); // 34 people, rounded down

    // one more person bound for Fiji today: the figures of today's release do not move at all
    const arrived = await addTicket("Fiji", at);
    expect(leaks(day0, await askAll())).toEqual([]);
    expect(await askAll()).toEqual(day0);

    // the next day's release counts them (35 people): the figure keeps its last value instead of showing 35
    nextDay();
    const day1 = await askAll();
    const report1 = await apiReport(lentera.app, token, {});
    expect(new Date(report1.asOf!).getTime() - new Date(report0.asOf!).getTime()).toBe(DAY);
    expect(fijiOf(report1)).toMatchObject({ value: 30, suppressed: false });
    expect(leaks(day0, day1)).toEqual([]);

    // one ticket changes (a sector is recorded), another one arrives the same day
    await lentera.db.caseProfile.update({ where: { ticketId: arrived.id }, data: { sector: "construction" } });
    await addTicket("Fiji", at, "construction");
    nextDay();
    const day2 = await askAll();
    expect(leaks(day1, day2)).toEqual([]);
    expect(leaks(day0, day2)).toEqual([]);

    // one person with several tickets is erased: their tickets stay as anonymous facts, each its own person
    const [person] = await lentera.db.$queryRaw<{ contactId: string }[]>`
      SELECT "contactId" FROM "Ticket" WHERE "contactId" IS NOT NULL GROUP BY "contactId" HAVING count(*) > 1 LIMIT 1`;
    expect(person).toBeDefined();
    await lentera.db.$transaction((tx) => erasePerson(tx, lentera.cipher, person!.contactId, { type: "cli" }, at));
    nextDay();
    const day3 = await askAll();
    for (const [before, after] of [
      [day0, day3],
      [day1, day3],
      [day2, day3],
    ] as const)
      expect(leaks(before, after)).toEqual([]);

    // a restart forgets nothing: a new service on the same database publishes what the running one does
    const restarted = createStatsService(lentera.db, { minGroup: 11, resolution: 5 }, { now: () => at });
    const again = await restarted.report({});
    expect(JSON.parse(JSON.stringify(again))).toEqual(await apiReport(lentera.app, token, {}));
  }, 300_000);

  test("once enough people arrived, the next release shows the change, and the page says as of when", async () => {
    const before = fijiOf(await apiReport(lentera.app, token, {}));
    for (let i = 0; i < 20; i++) await addTicket("Fiji", at);
    nextDay();
    const after = await apiReport(lentera.app, token, {});
    expect(fijiOf(after).value! - before.value!).toBeGreaterThanOrEqual(K);
    expect(after.population.value).toBeGreaterThan(0);

    const page = consoleClient(lentera.app);
    await page.signIn(supervisorEmail);
    const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Asia/Jakarta" }).format(at);
    const id = await page.get("/console/stats");
    expect(id.body).toContain("Angka per");
    await page.post("/console/language", { lang: "en", back: "/console/stats" });
    const en = await page.get("/console/stats");
    expect(en.body).toContain("Figures as of");
    expect(en.body).toContain(day);
    expect(en.body).toContain("00:00");
    const print = await page.get("/console/stats/print");
    expect(print.body).toContain("Figures as of");
  }, 120_000);
});
