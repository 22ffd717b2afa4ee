import { afterAll, beforeAll, expect, test } from "vitest";
import { purgeExpiredRecords } from "../../src/domain/retention/purge-expired-records.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";

let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera();
});
afterAll(async () => lentera?.close());

// Years ahead, so the purge the server itself runs at start (on the real clock) leaves this test's rows alone.
const NOW = new Date("2031-06-03T08:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 3600_000);

test("sign-in attempts, audit events and old rate-counter windows go once their retention has passed; newer ones stay", async () => {
  const db = lentera.db;
  await db.loginAttempt.createMany({
    data: [
      { key: "old", success: false, createdAt: daysAgo(31) },
      { key: "recent", success: true, createdAt: daysAgo(29) },
    ],
  });
  await db.auditEvent.createMany({
    data: [
      { actorType: "system", action: "test.old", subjectType: "test", createdAt: daysAgo(400) },
      { actorType: "system", action: "test.recent", subjectType: "test", createdAt: daysAgo(10) },
    ],
  });
  await db.rateCounter.createMany({
    data: [
      { key: "telegram-sends", windowStart: daysAgo(2), count: 30 },
      { key: "telegram-sends", windowStart: new Date(NOW.getTime() - 60_000), count: 12 },
    ],
  });

  expect(await purgeExpiredRecords(db, NOW, { loginAttemptDays: 30, auditDays: 365 })).toEqual({
    rateCounters: 1,
    loginAttempts: 1,
    auditEvents: 1,
  });
  expect((await db.loginAttempt.findMany()).map((a) => a.key)).toEqual(["recent"]);
  expect((await db.auditEvent.findMany({ where: { subjectType: "test" } })).map((a) => a.action)).toEqual([
    "test.recent",
  ]);
  expect((await db.rateCounter.findMany()).map((r) => r.count)).toEqual([12]);
  // run again: nothing more to do
  expect(await purgeExpiredRecords(db, NOW, { loginAttemptDays: 30, auditDays: 365 })).toEqual({
    rateCounters: 0,
    loginAttempts: 0,
    auditEvents: 0,
  });
});

test("a retention of 0 days keeps sign-in attempts and audit events for ever", async () => {
  const db = lentera.db;
  await db.loginAttempt.create({ data: { key: "ancient", success: false, createdAt: daysAgo(5000) } });
  await db.auditEvent.create({
    data: { actorType: "system", action: "test.ancient", subjectType: "test-0", createdAt: daysAgo(5000) },
  });
  const purged = await purgeExpiredRecords(db, NOW, { loginAttemptDays: 0, auditDays: 0 });
  expect(purged).toMatchObject({ loginAttempts: 0, auditEvents: 0 });
  expect(await db.loginAttempt.count({ where: { key: "ancient" } })).toBe(1);
  expect(await db.auditEvent.count({ where: { subjectType: "test-0" } })).toBe(1);
});
