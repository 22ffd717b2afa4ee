import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createFactsCache, loadCaseFacts } from "../../src/domain/stats/load-case-facts.ts";
import { seedDemoCases } from "../../src/domain/stats/seed-demo-cases.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { ticketRow } from "../support/ticket-row.ts";

let lentera: TestLentera;

beforeAll(async () => {
  lentera = await createTestLentera();
  await seedDemoCases({ db: lentera.db, cipher: lentera.cipher }, { tickets: 120, seed: 2 });
}, 120_000);
afterAll(async () => {
  await lentera?.close();
});

const addTicket = (country: string) =>
  lentera.db.ticket.create({ data: ticketRow({ country, createdAt: new Date("2026-02-10T03:00:00Z") }) });

describe("the facts cache", () => {
  test("follows new and changed tickets row by row, and always equals a full load", async () => {
    const cache = createFactsCache(lentera.db);
    const first = await cache.load();
    expect(first).toEqual(await loadCaseFacts(lentera.db));
    expect(await cache.load()).toBe(first); // nothing changed: the same list

    const ticket = await addTicket("Fiji");
    await lentera.db.caseProfile.create({ data: { ticketId: ticket.id, sector: "fishing" } });
    const second = await cache.load();
    expect(second).not.toBe(first);
    expect(second.find((f) => f.ticketId === ticket.id)).toMatchObject({ destination: "Fiji", sector: "fishing" });
    expect(second).toEqual(await loadCaseFacts(lentera.db));

    await lentera.db.caseProfile.update({ where: { ticketId: ticket.id }, data: { sector: "construction" } });
    await lentera.db.ticket.update({ where: { id: ticket.id }, data: { status: "closed", closedAt: new Date() } });
    const third = await cache.load();
    expect(third.find((f) => f.ticketId === ticket.id)).toMatchObject({ sector: "construction", status: "closed" });
    expect(third).toEqual(await loadCaseFacts(lentera.db));

    // a deleted row cannot be followed row by row: everything is loaded again
    const referral = await lentera.db.referral.findFirstOrThrow();
    await lentera.db.referral.delete({ where: { id: referral.id } });
    const fourth = await cache.load();
    expect(fourth).toEqual(await loadCaseFacts(lentera.db));
    expect(fourth.find((f) => f.ticketId === referral.ticketId)!.referrals).toHaveLength(
      first.find((f) => f.ticketId === referral.ticketId)!.referrals.length - 1,
    );
  });
});
