import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seedDemoCases } from "../../src/domain/stats/seed-demo-cases.ts";
import { createCaseworker } from "../api/api-support.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { apiReport } from "./stats-views.ts";
import { ticketRow } from "../support/ticket-row.ts";

/**
 * A release is frozen for the day, but cases loaded into a running server with earlier dates (an import, a
 * demo seed) must not wait for tomorrow: once STATS_MIN_GROUP or more such tickets arrived, the day's release
 * is made again (the ledger guards it like any other); a few backdated tickets leave it as it was.
 */
describe("a release after cases are loaded into a running server", () => {
  let lentera: TestLentera;
  let token: string;
  const at = new Date("2026-11-20T05:00:00Z");

  beforeAll(async () => {
    lentera = await createTestLentera({ now: () => at });
    token = (await createCaseworker(lentera, { email: "researcher@example.org", scopes: ["stats"] })).token;
  });
  afterAll(() => lentera?.close());

  test("a demo seed shows the same day; three more backdated tickets change nothing", async () => {
    const empty = await apiReport(lentera.app, token, {});
    expect(empty.population.value ?? 0).toBe(0);

    await seedDemoCases({ db: lentera.db, cipher: lentera.cipher, now: () => at }, { tickets: 400, seed: 5 });
    const seeded = await apiReport(lentera.app, token, {});
    expect(seeded.asOf).toBe(empty.asOf);
    expect(seeded.population.value).toBeGreaterThanOrEqual(300);
    expect(seeded.tables.find((t) => t.id === "destination")!.cells.some((c) => (c.value ?? 0) > 0)).toBe(true);

    for (let i = 0; i < 3; i++)
      await lentera.db.ticket.create({
        data: ticketRow({ country: "Malaysia", createdAt: new Date("2026-03-01T00:00:00Z") }),
      });
    expect(await apiReport(lentera.app, token, {})).toEqual(seeded);
  }, 120_000);
});
