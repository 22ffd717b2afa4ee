import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../src/config/env.ts";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "../../src/casework/sign-in.ts";
import { clientAddress } from "../../src/http/client-address.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addCaseworker, consoleClient, PASSWORD } from "../console/support.ts";

/** Issue 13, item 2: the account limit holds under concurrency; the address limit holds under a rotating X-Forwarded-For. */
describe("sign-in that holds", () => {
  let lentera: TestLentera;
  beforeAll(async () => {
    lentera = await createTestLentera();
  });
  afterAll(() => lentera?.close());

  it("25 concurrent guesses: at most the account's limit are checked, and the right 25th does not sign in", async () => {
    const { email, caseworker } = await addCaseworker(lentera, "caseworker");
    const clients = Array.from({ length: 25 }, (_, i) =>
      consoleClient(lentera.app, { remoteAddress: `198.51.100.${i + 1}` }),
    );
    for (const client of clients) await client.get("/console/sign-in");
    const answers = await Promise.all(
      clients.map((client, i) =>
        client.post("/console/sign-in", { email, password: i === 24 ? PASSWORD : `wrong guess ${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.res.status);
    expect(statuses.filter((s) => s === 303)).toEqual([]);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25 - MAX_FAILURES_PER_ACCOUNT);
    expect(await lentera.db.caseworkerSession.count({ where: { caseworkerId: caseworker.id } })).toBe(0);
    // and still paused afterwards, for the right password too
    expect((await consoleClient(lentera.app, { remoteAddress: "198.51.100.99" }).signIn(email)).res.status).toBe(429);
  });

  it("a rotating X-Forwarded-For does not reset the per-address limit (the socket's address counts)", async () => {
    const address = "203.0.113.50";
    // earlier failures from this address (as sign-in records them), then the last few with rotating headers
    const rotated = 3;
    const key = `addr:${lentera.cipher.lookupKey(address)}`;
    await lentera.db.loginAttempt.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ADDRESS - rotated }, () => ({ key, success: false })),
    });
    for (let i = 0; i < rotated; i++) {
      const client = consoleClient(lentera.app, {
        remoteAddress: address,
        headers: { "x-forwarded-for": `10.9.${i}.1` },
      });
      expect((await client.signIn(`nobody${i}@example.org`, "wrong password")).res.status).toBe(401);
    }
    const { email } = await addCaseworker(lentera, "caseworker");
    const fresh = consoleClient(lentera.app, { remoteAddress: address, headers: { "x-forwarded-for": "10.250.0.1" } });
    expect((await fresh.signIn(email)).res.status).toBe(429);
    // another address is not affected
    expect((await consoleClient(lentera.app, { remoteAddress: "203.0.113.51" }).signIn(email)).res.status).toBe(303);
  });
});

describe("clientAddress", () => {
  const addressOf = async (trust: string, socket: string, forwarded?: string) => {
    const { TRUST_PROXY } = parseEnv({ TRUST_PROXY: trust });
    const app = new Hono().get("/", (c) => c.text(clientAddress(c, TRUST_PROXY)));
    const res = await app.request(
      "/",
      { headers: forwarded ? { "x-forwarded-for": forwarded } : {} },
      { incoming: { socket: { remoteAddress: socket } } },
    );
    return res.text();
  };

  it("ignores X-Forwarded-For unless TRUST_PROXY is set", async () => {
    expect(await addressOf("", "::ffff:192.0.2.1", "1.2.3.4")).toBe("192.0.2.1");
    expect(await addressOf("false", "192.0.2.1", "1.2.3.4")).toBe("192.0.2.1");
  });

  it("with a hop count, takes the address that many proxies in from the socket, never the client's own entries", async () => {
    expect(await addressOf("1", "10.0.0.2", "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(await addressOf("2", "10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.9")).toBe("203.0.113.7");
    expect(await addressOf("1", "10.0.0.2")).toBe("10.0.0.2");
  });

  it("with proxy addresses, walks back over trusted proxies only", async () => {
    const trust = "10.0.0.0/8,192.0.2.10";
    expect(await addressOf(trust, "10.0.0.2", "6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(await addressOf(trust, "192.0.2.10", "203.0.113.7, 10.1.1.1")).toBe("203.0.113.7");
    // a request straight from the internet: its header is not believed
    expect(await addressOf(trust, "198.51.100.4", "203.0.113.7")).toBe("198.51.100.4");
  });

  it("refuses a TRUST_PROXY it cannot read, naming the variable", () => {
    expect(() => parseEnv({ TRUST_PROXY: "proxy.example.org" })).toThrow(/TRUST_PROXY: must be a hop count/);
  });
});
