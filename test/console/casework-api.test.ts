import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { startChat } from "../support/webchat-client.ts";
import { addCaseworker, addConversation, addTicket } from "./support.ts";

/** The casework API (/api) with personal tokens: every route's rejections, and the happy path. */
describe("casework API", () => {
  let lentera: TestLentera;
  let cw: Awaited<ReturnType<typeof addCaseworker>>;
  let other: Awaited<ReturnType<typeof addCaseworker>>;
  let sup: Awaited<ReturnType<typeof addCaseworker>>;
  let admin: Awaited<ReturnType<typeof addCaseworker>>;
  beforeAll(async () => {
    lentera = await createTestLentera();
    [cw, other, sup, admin] = [
      await addCaseworker(lentera, "caseworker"),
      await addCaseworker(lentera, "caseworker"),
      await addCaseworker(lentera, "supervisor"),
      await addCaseworker(lentera, "admin"),
    ];
  });
  afterAll(async () => lentera?.close());

  const call = async (token: string | null, method: string, path: string, body?: unknown) => {
    const res = await lentera.app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text.startsWith("{") ? JSON.parse(text) : text };
  };

  it("serves an OpenAPI 3.1 document listing every route", async () => {
    const { status, body } = await call(null, "GET", "/api/openapi.json");
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        "/api/tickets/{reference}/claim",
        "/api/tickets/{reference}/messages",
        "/api/tickets/{reference}/referrals",
        "/api/partners",
        "/api/audit",
      ]),
    );
    expect(
      body.paths["/api/tickets/{reference}/status"].post.requestBody.content["application/json"].schema.properties
        .status.enum,
    ).toEqual(["in_progress", "closed"]);
  });

  it("refuses a missing or bad token with 401 on every route", async () => {
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id);
    const routes: [string, string][] = [
      ["GET", "/api/me"],
      ["GET", "/api/queue"],
      ["POST", `/api/tickets/${ticket.reference}/claim`],
      ["POST", `/api/tickets/${ticket.reference}/release`],
      ["POST", `/api/tickets/${ticket.reference}/reassign`],
      ["POST", `/api/tickets/${ticket.reference}/status`],
      ["POST", `/api/tickets/${ticket.reference}/notes`],
      ["GET", `/api/tickets/${ticket.reference}/messages`],
      ["POST", `/api/tickets/${ticket.reference}/messages`],
      ["POST", `/api/tickets/${ticket.reference}/hand-back`],
      ["POST", `/api/tickets/${ticket.reference}/referrals`],
      ["PATCH", `/api/tickets/${ticket.reference}/referrals/x`],
      ["GET", "/api/partners"],
      ["POST", "/api/partners"],
      ["PUT", "/api/partners/x"],
      ["GET", "/api/caseworkers"],
      ["PATCH", "/api/caseworkers/x"],
      ["GET", "/api/audit"],
    ];
    for (const [method, path] of routes) {
      for (const token of [null, "lnt_wrong", "not-even-a-token"]) {
        const { status, body } = await call(token, method, path, method === "GET" ? undefined : {});
        expect([method, path, status, body.error?.code]).toEqual([method, path, 401, "unauthorized"]);
      }
    }
  });

  it("refuses by role (403), hides others' tickets (404), validates bodies (400) and conflicts (409)", async () => {
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id, { consentShare: false });
    const partnerId = (await lentera.db.partner.findFirstOrThrow()).id;
    expect((await call(cw.token, "POST", `/api/tickets/${ticket.reference}/claim`)).body.ticket).toMatchObject({
      status: "claimed",
      assigneeId: cw.caseworker.id,
    });
    expect((await call(other.token, "POST", `/api/tickets/${ticket.reference}/claim`)).status).toBe(404);
    for (const [method, path, body] of [
      ["POST", `/api/tickets/${ticket.reference}/release`, undefined],
      ["POST", `/api/tickets/${ticket.reference}/notes`, { text: "x" }],
      ["GET", `/api/tickets/${ticket.reference}/messages`, undefined],
      ["POST", `/api/tickets/${ticket.reference}/messages`, { text: "x" }],
      ["POST", `/api/tickets/${ticket.reference}/status`, { status: "in_progress" }],
    ] as const) {
      expect([path, (await call(other.token, method, path, body)).status]).toEqual([path, 404]);
    }
    expect(
      (await call(cw.token, "POST", `/api/tickets/${ticket.reference}/reassign`, { assigneeId: other.caseworker.id }))
        .status,
    ).toBe(403);
    expect((await call(cw.token, "POST", `/api/tickets/${ticket.reference}/referrals`, { partnerId })).status).toBe(
      403,
    );
    expect(
      (
        await call(cw.token, "POST", "/api/partners", {
          name: "X partner",
          services: [],
          provinces: [],
          contact: "x@x.org",
        })
      ).status,
    ).toBe(403);
    expect((await call(sup.token, "GET", "/api/audit")).status).toBe(403);
    expect((await call(sup.token, "GET", "/api/caseworkers")).status).toBe(403);
    expect((await call(sup.token, "PATCH", `/api/caseworkers/${cw.caseworker.id}`, { role: "admin" })).status).toBe(
      403,
    );

    expect((await call(cw.token, "POST", `/api/tickets/${ticket.reference}/status`, { status: "closed" })).status).toBe(
      400,
    );
    expect(
      (await call(cw.token, "POST", `/api/tickets/${ticket.reference}/status`, { status: "referred" })).status,
    ).toBe(400);
    expect((await call(cw.token, "POST", `/api/tickets/${ticket.reference}/notes`, { text: "" })).status).toBe(400);
    expect(
      (await call(cw.token, "POST", `/api/tickets/${ticket.reference}/notes`, { text: "ok", extra: 1 })).status,
    ).toBe(400);
    expect(
      (await call(cw.token, "POST", `/api/tickets/${ticket.reference}/messages`, { text: "x".repeat(4001) })).status,
    ).toBe(400);
    expect((await call(sup.token, "POST", `/api/tickets/${ticket.reference}/referrals`, { partnerId })).status).toBe(
      400,
    );
    expect((await call(cw.token, "POST", `/api/tickets/${ticket.reference}/hand-back`)).status).toBe(409);
    expect((await call(cw.token, "POST", "/api/tickets/NOPE-1234/claim")).status).toBe(404);

    const override = await call(sup.token, "POST", `/api/tickets/${ticket.reference}/referrals`, {
      partnerId,
      overrideReason: "Child at risk, police involved",
    });
    expect(override.status).toBe(201);
    expect(override.body.referral).toMatchObject({ consent: false, overrideReason: "Child at risk, police involved" });
  });

  it("claims, writes to the person, reads the transcript, hands back and closes", async () => {
    const chat = await startChat(lentera.app, "id");
    await chat.tap("consent.accept");
    const ticket = await addTicket(lentera, chat.conversationId);
    const queue = await call(cw.token, "GET", "/api/queue?assigned=unassigned");
    expect(queue.body.tickets.map((t: { reference: string }) => t.reference)).toContain(ticket.reference);
    await call(cw.token, "POST", `/api/tickets/${ticket.reference}/claim`);
    const sent = await call(cw.token, "POST", `/api/tickets/${ticket.reference}/messages`, {
      text: "Halo, saya Ani dari Lentera.",
    });
    expect(sent).toMatchObject({ status: 201, body: { handoffStarted: true } });
    await chat.say("Halo kak");
    const transcript = await call(cw.token, "GET", `/api/tickets/${ticket.reference}/messages`);
    expect(transcript.body.messages.slice(-2).map((m: { author: string; text: string }) => [m.author, m.text])).toEqual(
      [
        ["caseworker", "Halo, saya Ani dari Lentera."],
        ["person", "Halo kak"],
      ],
    );
    expect((await call(cw.token, "POST", `/api/tickets/${ticket.reference}/hand-back`)).body).toEqual({ mode: "bot" });
    const closed = await call(cw.token, "POST", `/api/tickets/${ticket.reference}/status`, {
      status: "closed",
      outcome: "safe_no_further_help",
    });
    expect(closed.body.ticket).toMatchObject({ status: "closed", outcome: "safe_no_further_help" });
    const csv = await call(admin.token, "GET", "/api/audit?format=csv");
    expect(csv.body).toContain("ticket.message_sent");
    expect(csv.body).toContain(ticket.reference);
  });
});
