import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { startChat } from "../support/webchat-client.ts";
import { consentedChat, REFERENCE_ONLY, ticketsOf } from "../flows/flow-support.ts";
import { bearer, createCaseworker } from "./api-support.ts";

let lentera: TestLentera;
let token: string;
let caseworkerId: string;
let urgentRef: string;
let talkRef: string;

beforeAll(async () => {
  lentera = await createTestLentera();
  const made = await createCaseworker(lentera, { email: "tickets@example.org" });
  token = made.token;
  caseworkerId = made.caseworker.id;
  const danger = await consentedChat(lentera.app, "id");
  await danger.say("saya dikurung majikan dan dipukul, tolong");
  urgentRef = (await ticketsOf(lentera, danger.conversationId))[0]!.reference;
  const talk = await consentedChat(lentera.app, "en");
  await talk.tap("menu.talk");
  talkRef = (await ticketsOf(lentera, talk.conversationId))[0]!.reference;
  const anonymous = await startChat(lentera.app, "en");
  await anonymous.say("emergency");
});
afterAll(() => lentera?.close());

const get = (path: string, headers: Record<string, string> = bearer(token)) => lentera.app.request(path, { headers });

type ListBody = {
  tickets: {
    reference: string;
    type: string;
    priority: string;
    status: string;
    indicators: string[];
    summary: { id: string; en: string };
  }[];
};

describe("GET /api/tickets", () => {
  test("lists tickets most pressing first, with the caseworker's fields and no evidence", async () => {
    const res = await get("/api/tickets");
    expect(res.status).toBe(200);
    const { tickets } = (await res.json()) as ListBody;
    expect(tickets).toHaveLength(3);
    expect(tickets.map((t) => t.priority)).toEqual(["urgent", "urgent", "normal"]);
    const urgent = tickets.find((t) => t.reference === urgentRef)!;
    expect(Object.keys(urgent).sort()).toEqual(
      [
        "assigneeId",
        "channel",
        "child",
        "closedAt",
        "consentShare",
        "country",
        "createdAt",
        "emergency",
        "erasureRequestedAt",
        "indicators",
        "locale",
        "needs",
        "priority",
        "province",
        "reference",
        "risk",
        "status",
        "summary",
        "type",
        "updatedAt",
      ].sort(),
    );
    expect(urgent).toMatchObject({
      type: "emergency",
      priority: "urgent",
      status: "new",
      locale: "id",
      channel: "web",
      emergency: true,
      risk: "high",
    });
    expect(urgent.indicators).toContain("EM-01-held-now");
    expect(urgent.summary.en).toContain("Danger now was signalled");
    expect(JSON.stringify(tickets)).not.toContain("dikurung majikan");
  });

  test("filters by status, priority and type", async () => {
    const byType = (await (await get("/api/tickets?type=talk_to_person")).json()) as ListBody;
    expect(byType.tickets.map((t) => t.reference)).toEqual([talkRef]);
    const urgent = (await (await get("/api/tickets?priority=urgent&status=new")).json()) as ListBody;
    expect(urgent.tickets.map((t) => t.type)).toEqual(["emergency", "emergency"]);
    const closed = (await (await get("/api/tickets?status=closed")).json()) as ListBody;
    expect(closed.tickets).toEqual([]);
    const limited = (await (await get("/api/tickets?limit=1")).json()) as ListBody;
    expect(limited.tickets).toHaveLength(1);
  });

  test.each(["status=open", "priority=critical", "type=other", "limit=0", "colour=red"])(
    "400 for %s",
    async (query) => {
      const res = await get(`/api/tickets?${query}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: "bad_request" } });
    },
  );

  test("401 without a valid token", async () => {
    expect((await get("/api/tickets", {})).status).toBe(401);
    expect((await get("/api/tickets", bearer("lnt_nope"))).status).toBe(401);
    expect((await get(`/api/tickets/${urgentRef}`, {})).status).toBe(401);
  });
});

describe("GET /api/tickets/:reference", () => {
  test("one ticket in full: assessment with evidence and the history; the read is audited", async () => {
    const auditBefore = await lentera.db.auditEvent.count({ where: { action: "ticket.read", actorId: caseworkerId } });
    const res = await get(`/api/tickets/${urgentRef.toLowerCase()}`);
    expect(res.status).toBe(200);
    const { ticket } = (await res.json()) as { ticket: Record<string, any> };
    expect(ticket.reference).toMatch(REFERENCE_ONLY);
    expect(ticket).toMatchObject({
      reference: urgentRef,
      type: "emergency",
      priority: "urgent",
      status: "new",
      emergency: true,
      child: false,
      needs: [],
    });
    expect(ticket.assessment.indicators).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "EM-01-held-now", evidence: expect.stringContaining("dikurung") }),
      ]),
    );
    expect(ticket.assessment.explanation).toEqual({ id: expect.any(String), en: expect.any(String) });
    expect(ticket.events).toEqual([expect.objectContaining({ type: "created", actorType: "person" })]);
    expect(ticket.summary).toEqual({
      id: expect.stringContaining("Darurat"),
      en: expect.stringContaining("Emergency"),
    });
    expect(await lentera.db.auditEvent.count({ where: { action: "ticket.read", actorId: caseworkerId } })).toBe(
      auditBefore + 1,
    );
  });

  test("an urgent ticket opened without consent carries no words of the person", async () => {
    const { tickets } = (await (await get("/api/tickets?type=emergency")).json()) as ListBody;
    const minimal = tickets.find((t) => t.reference !== urgentRef)!;
    const { ticket } = (await (await get(`/api/tickets/${minimal.reference}`)).json()) as {
      ticket: Record<string, any>;
    };
    expect(ticket).toMatchObject({ details: null, safeContact: null, assessment: null });
    expect(ticket.summary.en).toContain("vital interests");
  });

  test("404 for an unknown or malformed reference", async () => {
    const unknown = await get("/api/tickets/LNT-2222222");
    expect(unknown.status).toBe(404);
    expect((await get("/api/tickets/LNT-ZZZZZZ")).status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });
  });

  test("the list read is audited with its filters", async () => {
    await get("/api/tickets?type=emergency");
    const entry = await lentera.db.auditEvent.findFirstOrThrow({
      where: { action: "ticket.list", actorId: caseworkerId },
      orderBy: { createdAt: "desc" },
    });
    expect(entry.meta).toMatchObject({ filters: { type: "emergency" }, count: 2 });
  });
});
