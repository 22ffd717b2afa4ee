import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASEWORK_LIMITS } from "../../src/casework/casework-action-schemas.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addCaseworker, addConversation, addTicket, consoleClient } from "./support.ts";

/**
 * The console's forms and the JSON API validate each casework action with one schema: a text of the limit's
 * length is accepted by both, one character more is refused by both (a 400 form error, a 400 JSON error), and
 * the OpenAPI document states the same limit.
 */
describe("casework action limits, console and API alike", () => {
  let lentera: TestLentera;
  let cw: Awaited<ReturnType<typeof addCaseworker>>;
  let console_: ReturnType<typeof consoleClient>;
  beforeAll(async () => {
    lentera = await createTestLentera();
    cw = await addCaseworker(lentera, "caseworker");
    console_ = consoleClient(lentera.app);
    expect((await console_.signIn(cw.email)).res.status).toBe(303);
    await console_.get("/console/queue"); // the page gives the form's CSRF token
    expect(console_.csrf).not.toBe("");
  });
  afterAll(async () => lentera?.close());

  const api = async (method: string, path: string, body: unknown, token = cw.token) => {
    const res = await lentera.app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text.startsWith("{") ? JSON.parse(text) : text };
  };
  const form = async (path: string, fields: Record<string, string>) => (await console_.post(path, fields)).res.status;

  /** A ticket held by the caseworker, so every action on it is theirs to take. */
  const heldTicket = async () => {
    const ticket = await addTicket(lentera, (await addConversation(lentera, "en")).id);
    expect((await api("POST", `/api/tickets/${ticket.reference}/claim`, {})).status).toBe(200);
    return ticket.reference;
  };

  it("a reply: the limit is accepted by both, one more character refused by both, blank refused by both", async () => {
    const max = CASEWORK_LIMITS.replyText;
    expect(max).toBe(4000);
    const ref = await heldTicket();
    expect(await form(`/console/tickets/${ref}/reply`, { text: "a".repeat(max + 1) })).toBe(400);
    expect((await api("POST", `/api/tickets/${ref}/messages`, { text: "a".repeat(max + 1) })).status).toBe(400);
    expect(await form(`/console/tickets/${ref}/reply`, { text: "   " })).toBe(400);
    expect((await api("POST", `/api/tickets/${ref}/messages`, { text: "   " })).status).toBe(400);
    expect(await lentera.db.message.count({ where: { author: "caseworker" } })).toBe(0);

    expect(await form(`/console/tickets/${ref}/reply`, { text: "c".repeat(max) })).toBe(303);
    expect((await api("POST", `/api/tickets/${ref}/messages`, { text: "a".repeat(max) })).status).toBe(201);
    expect(await lentera.db.message.count({ where: { author: "caseworker" } })).toBe(2);
  });

  it("a note: the limit is accepted by both, one more character refused by both", async () => {
    const max = CASEWORK_LIMITS.noteText;
    const ref = await heldTicket();
    const ticket = await lentera.db.ticket.findUniqueOrThrow({ where: { reference: ref } });
    const notes = () => lentera.db.note.count({ where: { ticketId: ticket.id } });
    expect(await form(`/console/tickets/${ref}/notes`, { text: "n".repeat(max + 1) })).toBe(400);
    expect((await api("POST", `/api/tickets/${ref}/notes`, { text: "n".repeat(max + 1) })).status).toBe(400);
    expect(await notes()).toBe(0);
    expect(await form(`/console/tickets/${ref}/notes`, { text: "n".repeat(max) })).toBe(303);
    expect((await api("POST", `/api/tickets/${ref}/notes`, { text: "n".repeat(max) })).status).toBe(201);
    expect(await notes()).toBe(2);
  });

  it("closing with an outcome note: the limit is accepted by both, one more character refused by both", async () => {
    const max = CASEWORK_LIMITS.outcomeNote;
    const close = (outcomeNote: string) => ({ status: "closed", outcome: "safe_no_further_help", outcomeNote });
    const [viaConsole, viaApi] = [await heldTicket(), await heldTicket()];
    expect(await form(`/console/tickets/${viaConsole}/status`, close("o".repeat(max + 1)))).toBe(400);
    expect((await api("POST", `/api/tickets/${viaApi}/status`, close("o".repeat(max + 1)))).status).toBe(400);
    expect(
      await lentera.db.ticket.count({ where: { reference: { in: [viaConsole, viaApi] }, status: "closed" } }),
    ).toBe(0);
    expect(await form(`/console/tickets/${viaConsole}/status`, close("o".repeat(max)))).toBe(303);
    expect((await api("POST", `/api/tickets/${viaApi}/status`, close("o".repeat(max)))).status).toBe(200);
    expect(
      await lentera.db.ticket.count({ where: { reference: { in: [viaConsole, viaApi] }, status: "closed" } }),
    ).toBe(2);
  });

  it("a referral's override reason and its update's note: the limit is accepted by both, one more refused by both", async () => {
    // Without the person's consent only a supervisor refers, with a reason: the longest reason allowed.
    const sup = await addCaseworker(lentera, "supervisor");
    const supConsole = consoleClient(lentera.app);
    await supConsole.signIn(sup.email);
    await supConsole.get("/console/queue");
    const supForm = async (path: string, fields: Record<string, string>) =>
      (await supConsole.post(path, fields)).res.status;
    const supApi = (method: string, path: string, body: unknown) => api(method, path, body, sup.token);
    const partner = await lentera.db.partner.create({
      data: { name: "Shelter", services: ["shelter"], provinces: [], contact: "+62 21 555 0100" },
    });
    const ref = await heldTicket();
    const referrals = () => lentera.db.referral.count({ where: { ticket: { reference: ref } } });

    const refer = (length: number) => ({ partnerId: partner.id, overrideReason: "r".repeat(length) });
    const max = CASEWORK_LIMITS.overrideReason;
    expect(await supForm(`/console/tickets/${ref}/referrals`, refer(max + 1))).toBe(400);
    expect((await supApi("POST", `/api/tickets/${ref}/referrals`, refer(max + 1))).status).toBe(400);
    expect(await referrals()).toBe(0);
    expect(await supForm(`/console/tickets/${ref}/referrals`, refer(max))).toBe(303);
    const referred = await supApi("POST", `/api/tickets/${ref}/referrals`, refer(max));
    expect(referred.status).toBe(201);
    expect(await referrals()).toBe(2);

    const update = (length: number) => ({ status: "accepted", note: "u".repeat(length) });
    const path = `/tickets/${ref}/referrals/${referred.body.referral.id}`;
    const noteMax = CASEWORK_LIMITS.referralNote;
    expect(await supForm(`/console${path}`, update(noteMax + 1))).toBe(400);
    expect((await supApi("PATCH", `/api${path}`, update(noteMax + 1))).status).toBe(400);
    expect(await supForm(`/console${path}`, update(noteMax))).toBe(303);
    expect((await supApi("PATCH", `/api${path}`, update(noteMax))).status).toBe(200);
  });

  it("a partner's name: the limit is accepted by both, one more character refused by both", async () => {
    const admin = await addCaseworker(lentera, "admin");
    const adminConsole = consoleClient(lentera.app);
    await adminConsole.signIn(admin.email);
    await adminConsole.get("/console/partners");
    const max = CASEWORK_LIMITS.partnerName;
    const named = (length: number, mark: string) => mark + "p".repeat(length - 1);
    const fields = { services: "legal, shelter", provinces: "Bali", contact: "kontak@example.org", active: "1" };
    const json = { services: ["legal", "shelter"], provinces: ["Bali"], contact: "kontak@example.org", active: true };
    const saved = () => lentera.db.partner.count({ where: { name: { in: [named(max, "C"), named(max, "A")] } } });
    expect((await adminConsole.post("/console/partners", { ...fields, name: named(max + 1, "C") })).res.status).toBe(
      400,
    );
    expect((await api("POST", "/api/partners", { ...json, name: named(max + 1, "A") }, admin.token)).status).toBe(400);
    expect(await lentera.db.partner.count({ where: { name: { startsWith: "Cp" } } })).toBe(0);
    expect((await adminConsole.post("/console/partners", { ...fields, name: named(max, "C") })).res.status).toBe(303);
    expect((await api("POST", "/api/partners", { ...json, name: named(max, "A") }, admin.token)).status).toBe(201);
    expect(await saved()).toBe(2);
  });

  it("the OpenAPI document gives the same limits", async () => {
    const { body } = await api("GET", "/api/openapi.json", undefined);
    const bodyOf = (path: string, method = "post") =>
      body.paths[path][method].requestBody.content["application/json"].schema.properties;
    expect(bodyOf("/api/tickets/{reference}/messages").text.maxLength).toBe(CASEWORK_LIMITS.replyText);
    expect(bodyOf("/api/tickets/{reference}/notes").text.maxLength).toBe(CASEWORK_LIMITS.noteText);
    expect(bodyOf("/api/tickets/{reference}/status").outcomeNote.maxLength).toBe(CASEWORK_LIMITS.outcomeNote);
    expect(bodyOf("/api/tickets/{reference}/referrals").overrideReason.maxLength).toBe(CASEWORK_LIMITS.overrideReason);
    expect(bodyOf("/api/tickets/{reference}/referrals/{referralId}", "patch").note.maxLength).toBe(
      CASEWORK_LIMITS.referralNote,
    );
    expect(bodyOf("/api/partners").name.maxLength).toBe(CASEWORK_LIMITS.partnerName);
  });
});
