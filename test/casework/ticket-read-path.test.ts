import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addCaseworker, addConversation, addTicket, consoleClient } from "../console/support.ts";

/**
 * Issue 13, item 1: one read path. A ticket caseworker A holds is invisible to caseworker B on every surface —
 * the console, /api/tickets*, the casework API — and so is a closed ticket nobody holds; a supervisor sees both.
 */
describe("one read path with permissions", () => {
  let lentera: TestLentera;
  let a: Awaited<ReturnType<typeof addCaseworker>>;
  let b: Awaited<ReturnType<typeof addCaseworker>>;
  let sup: Awaited<ReturnType<typeof addCaseworker>>;
  let held: string;
  let closed: string;
  let queued: string;

  beforeAll(async () => {
    lentera = await createTestLentera();
    a = await addCaseworker(lentera, "caseworker");
    b = await addCaseworker(lentera, "caseworker");
    sup = await addCaseworker(lentera, "supervisor");
    held = (await addTicket(lentera, (await addConversation(lentera)).id)).reference;
    await claimTicket(a.ctx, { reference: held });
    const closedTicket = await addTicket(lentera, (await addConversation(lentera)).id, { type: "family_tracing" });
    await lentera.db.ticket.update({
      where: { id: closedTicket.id },
      data: { status: "closed", closedAt: new Date() },
    });
    closed = closedTicket.reference;
    queued = (await addTicket(lentera, (await addConversation(lentera)).id, { type: "victim_assistance" })).reference;
  });
  afterAll(() => lentera?.close());

  const api = async (token: string, method: string, path: string) => {
    const res = await lentera.app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(method === "POST" ? { body: "{}" } : {}),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const refsOf = (body: Record<string, unknown>) => (body.tickets as { reference: string }[]).map((t) => t.reference);

  it("GET /api/tickets lists only what the caseworker may read; GET /api/tickets/:reference is 404 otherwise", async () => {
    const listB = await api(b.token, "GET", "/api/tickets");
    expect(listB.status).toBe(200);
    expect(refsOf(listB.body)).toEqual([queued]);
    expect(refsOf((await api(b.token, "GET", "/api/tickets?status=closed")).body)).toEqual([]);
    for (const ref of [held, closed]) {
      const read = await api(b.token, "GET", `/api/tickets/${ref}`);
      expect(read.status).toBe(404);
      expect(JSON.stringify(read.body)).not.toContain(ref);
    }
    expect((await api(b.token, "GET", `/api/tickets/${queued}`)).status).toBe(200);
    expect(refsOf((await api(a.token, "GET", "/api/tickets")).body).sort()).toEqual([held, queued].sort());
    expect((await api(a.token, "GET", `/api/tickets/${held}`)).status).toBe(200);
    expect(refsOf((await api(sup.token, "GET", "/api/tickets")).body).sort()).toEqual([held, closed, queued].sort());
    expect((await api(sup.token, "GET", `/api/tickets/${closed}`)).status).toBe(200);
  });

  it("the casework API hides the held ticket: claim, transcript and queue answer as if it did not exist", async () => {
    const claim = await api(b.token, "POST", `/api/tickets/${held}/claim`);
    expect(claim.status).toBe(404);
    expect(claim.body).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    expect((await api(b.token, "POST", `/api/tickets/${closed}/claim`)).status).toBe(404);
    expect((await api(b.token, "GET", `/api/tickets/${held}/messages`)).status).toBe(404);
    const queue = await api(b.token, "GET", "/api/queue?status=claimed");
    expect(refsOf(queue.body)).toEqual([]);
    expect(refsOf((await api(b.token, "GET", "/api/queue?status=closed")).body)).toEqual([]);
    // a supervisor sees the ticket, so for them it is a conflict, not a secret
    expect((await api(sup.token, "POST", `/api/tickets/${held}/claim`)).status).toBe(409);
    expect((await lentera.db.ticket.findUniqueOrThrow({ where: { reference: held } })).assigneeId).toBe(
      a.caseworker.id,
    );
  });

  it("the console answers not found for the page, the transcript and a claim, and leaves it out of the queue", async () => {
    const client = consoleClient(lentera.app);
    expect((await client.signIn(b.email)).res.status).toBe(303);
    const queue = await client.get("/console/queue?status=claimed");
    expect(queue.res.status).toBe(200);
    expect(queue.body).not.toContain(held);
    expect((await client.get("/console/queue?status=closed")).body).not.toContain(closed);
    expect((await client.get(`/console/tickets/${held}`)).res.status).toBe(404);
    expect((await client.get(`/console/tickets/${closed}`)).res.status).toBe(404);
    expect((await client.get(`/console/tickets/${held}/transcript`)).res.status).toBe(404);
    expect((await client.post(`/console/tickets/${held}/claim`)).res.status).toBe(404);
    expect((await client.get(`/console/tickets/${queued}`)).res.status).toBe(200);
    expect((await lentera.db.ticket.findUniqueOrThrow({ where: { reference: held } })).assigneeId).toBe(
      a.caseworker.id,
    );
  });
});
