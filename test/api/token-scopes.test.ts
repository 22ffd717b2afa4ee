import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveCaseworker } from "../../src/casework/save-caseworker.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addConversation, addTicket } from "../console/support.ts";
import { bearer, createCaseworker } from "./api-support.ts";

/** Issue 13, item 8: API tokens carry scopes (read, casework, admin) and an expiry. */
describe("API token scopes and expiry", () => {
  let lentera: TestLentera;
  let reference: string;
  beforeAll(async () => {
    lentera = await createTestLentera();
    reference = (await addTicket(lentera, (await addConversation(lentera)).id)).reference;
  });
  afterAll(() => lentera?.close());
  const call = (token: string, method: string, path: string, body?: unknown) =>
    lentera.app.request(path, {
      method,
      headers: { ...bearer(token), "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it("a read-only token reads but cannot act; a casework token acts", async () => {
    const reader = await createCaseworker(lentera, { email: "reader@example.org", scopes: ["read"] });
    expect((await call(reader.token, "GET", "/api/tickets")).status).toBe(200);
    expect((await call(reader.token, "GET", `/api/tickets/${reference}`)).status).toBe(200);
    expect((await call(reader.token, "GET", "/api/queue")).status).toBe(200);
    const refused = await call(reader.token, "POST", `/api/tickets/${reference}/claim`);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: { code: "forbidden", message: expect.stringMatching(/casework/) },
    });
    expect((await lentera.db.ticket.findUniqueOrThrow({ where: { reference } })).assigneeId).toBeNull();
    const worker = await createCaseworker(lentera, { email: "worker@example.org", scopes: ["casework"] });
    expect((await call(worker.token, "GET", "/api/tickets")).status).toBe(403);
    expect((await call(worker.token, "POST", `/api/tickets/${reference}/claim`)).status).toBe(200);
  });

  it("admin routes need the admin scope as well as the admin role", async () => {
    const admin = await createCaseworker(lentera, {
      email: "admin-read@example.org",
      role: "admin",
      scopes: ["read", "casework"],
    });
    expect((await call(admin.token, "GET", "/api/caseworkers")).status).toBe(403);
    expect((await call(admin.token, "GET", "/api/audit")).status).toBe(403);
    const full = await createCaseworker(lentera, { email: "admin-full@example.org", role: "admin" });
    expect((await call(full.token, "GET", "/api/caseworkers")).status).toBe(200);
  });

  it("an expired token is 401", async () => {
    const old = await createCaseworker(lentera, { email: "old@example.org", expiresAt: new Date(Date.now() - 1000) });
    expect((await call(old.token, "GET", "/api/tickets")).status).toBe(401);
  });

  it("caseworker add gives a new token the role's scopes and a 90-day expiry, or what it is asked for", async () => {
    const now = new Date("2026-12-02T00:00:00Z");
    const made = await saveCaseworker(
      lentera.db,
      { email: "cli@example.org", name: "Cli", role: "supervisor", now },
      { type: "cli" },
    );
    expect(made.caseworker.apiTokenScopes).toEqual(["read", "casework"]);
    expect(made.caseworker.apiTokenExpiresAt).toEqual(new Date("2027-03-02T00:00:00Z"));
    const narrow = await saveCaseworker(
      lentera.db,
      { email: "cli@example.org", name: "Cli", role: "supervisor", scopes: ["read"], tokenDays: 7, now },
      { type: "cli" },
    );
    expect(narrow.caseworker.apiTokenScopes).toEqual(["read"]);
    expect(narrow.caseworker.apiTokenExpiresAt).toEqual(new Date("2026-12-09T00:00:00Z"));
  });
});
