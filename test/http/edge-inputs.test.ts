import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { startChat } from "../support/webchat-client.ts";
import { addCaseworker, addConversation, addTicket, consoleClient } from "../console/support.ts";

/** Issue 13, item 8: every bad input is a 4xx, API answers are never cached, `Origin: null` is refused. */
describe("the edge", () => {
  let lentera: TestLentera;
  let cw: Awaited<ReturnType<typeof addCaseworker>>;
  let reference: string;
  beforeAll(async () => {
    lentera = await createTestLentera();
    cw = await addCaseworker(lentera, "caseworker");
    reference = (await addTicket(lentera, (await addConversation(lentera)).id)).reference;
    await claimTicket(cw.ctx, { reference });
  });
  afterAll(() => lentera?.close());
  const bearer = () => ({ authorization: `Bearer ${cw.token}` });

  it("answers 404 for asset names that are properties of every object", async () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect((await lentera.app.request(`/console/assets/${name}`)).status).toBe(404);
    }
    expect((await lentera.app.request("/console/assets/console.css")).status).toBe(200);
  });

  it("answers 400 for a cursor that is too long or beyond a bigint, on every transcript route", async () => {
    const chat = await startChat(lentera.app, "en");
    const client = consoleClient(lentera.app);
    await client.signIn(cw.email);
    for (const after of ["99999999999999999999", "9999999999999999999", "12a", "-1"]) {
      const web = await lentera.app.request(
        `/api/webchat/conversations/${chat.conversationId}/messages?after=${after}`,
        {
          headers: { authorization: `Bearer ${chat.token}` },
        },
      );
      expect(web.status).toBe(400);
      const api = await lentera.app.request(`/api/tickets/${reference}/messages?after=${after}`, { headers: bearer() });
      expect(api.status).toBe(400);
      expect((await client.get(`/console/tickets/${reference}/transcript?after=${after}`)).res.status).toBe(400);
    }
    // the largest real cursor is still fine
    const max = await lentera.app.request(
      `/api/webchat/conversations/${chat.conversationId}/messages?after=9223372036854775807`,
      { headers: { authorization: `Bearer ${chat.token}` } },
    );
    expect(max.status).toBe(200);
  });

  it("refuses NUL bytes with 400 in JSON bodies, form bodies, paths and query strings", async () => {
    const chat = await startChat(lentera.app, "en");
    const say = await lentera.app.request(`/api/webchat/conversations/${chat.conversationId}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${chat.token}` },
      body: JSON.stringify({ text: "hello\u0000world" }),
    });
    expect(say.status).toBe(400);
    expect(await say.json()).toMatchObject({ error: { code: "bad_request" } });
    const client = consoleClient(lentera.app);
    await client.get("/console/sign-in");
    expect((await client.post("/console/sign-in", { email: "a\u0000@example.org", password: "x" })).res.status).toBe(
      400,
    );
    expect((await lentera.app.request("/api/tickets?status=%00", { headers: bearer() })).status).toBe(400);
    expect((await lentera.app.request("/api/tickets/LNT-%00", { headers: bearer() })).status).toBe(400);
    const admin = await addCaseworker(lentera, "admin");
    const partner = await lentera.app.request("/api/partners", {
      method: "POST",
      headers: { ...{ authorization: `Bearer ${admin.token}` }, "content-type": "application/json" },
      body: JSON.stringify({ name: "Mitra\u0000", services: [], provinces: [], contact: "x@example.org" }),
    });
    expect(partner.status).toBe(400);
    // and the text still works without it
    expect((await chat.say("hello world")).length).toBeGreaterThan(0);
  });

  it("answers every API request with Cache-Control: no-store, errors included", async () => {
    const chat = await lentera.app.request("/api/webchat/conversations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const answers = [
      chat,
      await lentera.app.request("/api/tickets", { headers: bearer() }),
      await lentera.app.request(`/api/tickets/${reference}`, { headers: bearer() }),
      await lentera.app.request("/api/queue", { headers: bearer() }),
      await lentera.app.request("/api/tickets"),
      await lentera.app.request("/api/tickets/LNT-NOPE22", { headers: bearer() }),
      await lentera.app.request("/healthz"),
      await lentera.app.request(`/console/tickets/${reference}`),
    ];
    expect(answers.map((r) => r.status)).toEqual([201, 200, 200, 200, 401, 404, 200, 303]);
    for (const res of answers) expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses console forms sent with Origin: null", async () => {
    const other = await addCaseworker(lentera, "caseworker");
    const open = (await addTicket(lentera, (await addConversation(lentera)).id)).reference;
    const client = consoleClient(lentera.app);
    await client.signIn(other.email);
    await client.get("/console/queue");
    expect((await client.post(`/console/tickets/${open}/claim`, {}, { origin: "null" })).res.status).toBe(403);
    expect((await lentera.db.ticket.findUniqueOrThrow({ where: { reference: open } })).assigneeId).toBeNull();
    const fresh = consoleClient(lentera.app);
    await fresh.get("/console/sign-in");
    expect(
      (
        await fresh.post(
          "/console/sign-in",
          { email: other.email, password: "correct horse battery" },
          { origin: "null" },
        )
      ).res.status,
    ).toBe(403);
    expect((await client.post(`/console/tickets/${open}/claim`)).res.status).toBe(303);
  });
});
