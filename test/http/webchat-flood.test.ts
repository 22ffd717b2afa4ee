import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/http/rate-limit.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";

/** Issue 13, item 3: new web chats are limited per address, in the database; a full limiter resets nobody. */
describe("web chat floods", () => {
  let lentera: TestLentera;
  beforeAll(async () => {
    lentera = await createTestLentera({ env: { WEBCHAT_CONVERSATIONS_PER_IP_PER_HOUR: "30" } });
  });
  afterAll(() => lentera?.close());

  const start = (remoteAddress: string, headers: Record<string, string> = {}) =>
    lentera.app.request(
      "/api/webchat/conversations",
      { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{}" },
      { incoming: { socket: { remoteAddress } } },
    );

  it("200 new chats from one address in a minute: 30 are opened, the rest get 429 with Retry-After", async () => {
    const before = await lentera.db.conversation.count();
    const answers: Response[] = [];
    for (let i = 0; i < 200; i++) answers.push(await start("198.51.100.7", { "x-forwarded-for": `10.0.${i}.1` }));
    const statuses = answers.map((r) => r.status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(201));
    expect(statuses.slice(30)).toEqual(Array(170).fill(429));
    const limited = answers[30]!;
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
    expect((await lentera.db.conversation.count()) - before).toBe(30);
    // the count is in the database (shared by every instance), under a keyed hash, never the address
    const counters = await lentera.db.rateCounter.findMany();
    expect(counters.map((r) => r.count)).toEqual([200]);
    expect(JSON.stringify(counters)).not.toContain("198.51.100.7");
    // another address is not affected
    expect((await start("198.51.100.8")).status).toBe(201);
  });

  it("WEBCHAT_CONVERSATIONS_PER_IP_PER_HOUR=0 switches the limit off", async () => {
    const off = await createTestLentera({ env: { WEBCHAT_CONVERSATIONS_PER_IP_PER_HOUR: "0" } });
    try {
      for (let i = 0; i < 35; i++) {
        const res = await off.app.request("/api/webchat/conversations", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        });
        expect(res.status).toBe(201);
      }
    } finally {
      await off.close();
    }
  });
});

describe("createRateLimiter", () => {
  it("when full, refuses unknown keys instead of resetting the counters of others", () => {
    let t = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000, now: () => t, maxKeys: 3 });
    for (const key of ["a", "b", "c"]) expect(limiter.take(key)).toBe(true);
    expect(limiter.take("a")).toBe(true);
    expect(limiter.take("a")).toBe(false);
    expect(limiter.take("d")).toBe(false);
    // "a" is still over its limit: the flood of new keys reset nothing
    expect(limiter.take("a")).toBe(false);
    t = 1000;
    expect(limiter.take("d")).toBe(true);
    expect(limiter.size).toBe(1);
  });
});
