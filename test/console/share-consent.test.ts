import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { requestShareConsent } from "../../src/casework/request-share-consent.ts";
import { sendCaseworkerMessage } from "../../src/casework/send-caseworker-message.ts";
import { SHARE_ASK_NOTICE_VERSION } from "../../src/engine/share-request.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { allText, startChat } from "../support/webchat-client.ts";
import { addCaseworker, addTicket, consoleClient } from "./support.ts";

/**
 * A caseworker asks the person for consent for one named partner from the ticket page; the person answers in
 * the web chat; the answer is a consent, an event, an audit row, and the page lets the caseworker refer.
 */
describe("asking the person for consent to share, from the ticket", () => {
  let lentera: TestLentera;
  beforeAll(async () => {
    lentera = await createTestLentera();
  });
  afterAll(async () => lentera?.close());

  /** A person in the web chat who agreed to the notice, with a ticket claimed by a caseworker signed in to the console. */
  async function setUp(locale: "id" | "en") {
    const chat = await startChat(lentera.app, locale);
    await chat.tap("consent.accept");
    const ticket = await addTicket(lentera, chat.conversationId, { type: "victim_assistance", needs: ["legal"] });
    const cw = await addCaseworker(lentera, "caseworker", "Rina Wati");
    await claimTicket(cw.ctx, { reference: ticket.reference });
    const client = consoleClient(lentera.app);
    await client.signIn(cw.email);
    const [legal, shelter] = await Promise.all([
      lentera.db.partner.findFirstOrThrow({ where: { services: { has: "legal" } } }),
      lentera.db.partner.findFirstOrThrow({ where: { services: { has: "shelter" } } }),
    ]);
    return { chat, ticket, cw, client, legal, shelter };
  }

  it("web chat, no caseworker in the conversation: asked in Indonesian, a typed 'iya boleh' is the consent; refer with it", async () => {
    const { chat, ticket, client, legal, shelter } = await setUp("id");
    const page = `/console/tickets/${ticket.reference}`;
    const before = await client.get(page);
    expect(before.body).toContain(`action="${page}/share-consent"`);
    expect(before.body).not.toContain('id="partner-consented"');

    const asked = await client.post(`${page}/share-consent`, { partnerId: legal.id });
    expect(asked.res.status).toBe(303);
    expect(asked.res.headers.get("location")).toBe(`${page}?done=share_asked`);
    const { messages, cursor } = await chat.transcript();
    const question = messages.at(-1) as (typeof messages)[number] & { choices?: { id: string; label: string }[] };
    expect(question.text).toContain("Rina dari tim Lentera");
    expect(question.text).toContain(legal.name);
    expect(question.text).toContain("Bantuan hukum");
    expect(question.text).not.toContain("Wati");
    expect(question.choices?.map((c) => c.id)).toEqual(["share_ask.yes", "share_ask.no"]);
    expect((await client.get(page)).body).toContain('data-share-ask="pending"');

    const thanks = await chat.say("iya boleh");
    expect(allText(thanks)).toContain(`Kasusmu akan kami teruskan ke ${legal.name}`);
    const contact = await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } });
    expect(
      await lentera.db.consent.findMany({ where: { contactId: contact.contactId, scope: { startsWith: "share:" } } }),
    ).toMatchObject([{ scope: `share:${legal.id}`, granted: true, notice: SHARE_ASK_NOTICE_VERSION }]);
    expect(
      await lentera.db.ticketEvent.findMany({
        where: { ticketId: ticket.id, type: { startsWith: "share_consent" } },
        orderBy: { createdAt: "asc" },
      }),
    ).toMatchObject([
      { type: "share_consent_requested", actorType: "caseworker", data: { partnerId: legal.id } },
      { type: "share_consent_answered", actorType: "person", data: { partnerId: legal.id, granted: true } },
    ]);
    const audit = await lentera.db.auditEvent.findMany({
      where: { action: { in: ["ticket.share_consent_requested", "consent.granted"] } },
      orderBy: { createdAt: "asc" },
    });
    const shareAudit = audit.filter(
      (a) =>
        a.subjectId === ticket.id ||
        (a.subjectId === contact.contactId && String((a.meta as { scope?: string }).scope).startsWith("share:")),
    );
    expect(shareAudit).toMatchObject([
      { action: "ticket.share_consent_requested", meta: { partnerId: legal.id } },
      { action: "consent.granted", meta: { scope: `share:${legal.id}`, notice: SHARE_ASK_NOTICE_VERSION } },
    ]);

    // The ticket page's transcript poll carries the new share state (its card is swapped in).
    const poll = await client.get(`${page}/transcript?after=${cursor}`, { "x-lentera-poll": "1" });
    expect(poll.res.status).toBe(200);
    expect(poll.res.headers.get("x-share-state")).toContain(`${legal.id}:granted`);
    const after = await client.get(page);
    expect(after.body).toContain('data-share-ask="granted"');
    expect(after.body).toContain(`Orang tersebut setuju kasusnya diteruskan ke: ${legal.name}.`);
    expect(after.body).toMatch(new RegExp(`id="partner-consented"[^]*?value="${legal.id}"`));
    // asking again is for the other partners only
    const askSelect = /<select id="share-partner"[^]*?<\/select>/.exec(after.body)?.[0] ?? "";
    expect(askSelect).toContain(shelter.id);
    expect(askSelect).not.toContain(legal.id);

    // Referring to that partner is with consent; to another one it is not allowed.
    expect((await client.post(`${page}/referrals`, { partnerId: legal.id })).res.status).toBe(303);
    expect(await lentera.db.referral.findFirstOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({
      partnerId: legal.id,
      consent: true,
    });
    await client.get(page);
    expect((await client.post(`${page}/referrals`, { partnerId: shelter.id })).res.status).toBe(403);
  });

  it("during a handoff, in English: 'no' is the answer once; later words are the caseworker's; the API asks too", async () => {
    const { chat, ticket, cw, client, legal } = await setUp("en");
    await sendCaseworkerMessage(cw.ctx, { reference: ticket.reference, text: "Hi, I'm Rina. How are you?" });
    const page = `/console/tickets/${ticket.reference}`;
    await client.get(page);
    expect((await client.post(`${page}/share-consent`, { partnerId: legal.id })).res.status).toBe(303);
    const { messages } = await chat.transcript();
    expect(messages.at(-1)!.text).toContain("Rina from the Lentera team would like to pass your case to");
    expect(allText(await chat.say("no, not yet"))).toContain(`we will not pass your case to ${legal.name}`);
    // "yes" afterwards is for Rina: kept in the transcript, no second answer, no reply from Lentera
    expect(await chat.say("yes")).toEqual([]);
    const conversation = await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } });
    expect(conversation.mode).toBe("human");
    expect(
      await lentera.db.consent.findMany({
        where: { contactId: conversation.contactId, scope: { startsWith: "share:" } },
      }),
    ).toMatchObject([{ scope: `share:${legal.id}`, granted: false }]);
    expect((await chat.transcript()).messages.at(-1)).toMatchObject({ direction: "inbound", text: "yes" });
    expect((await client.get(page)).body).toContain('data-share-ask="declined"');

    // The caseworker API: the same verb, the same schema (unknown fields refused).
    const call = (body: unknown) =>
      lentera.app.request(`/api/tickets/${ticket.reference}/share-consent`, {
        method: "POST",
        headers: { authorization: `Bearer ${cw.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    expect((await call({ partnerId: legal.id, extra: 1 })).status).toBe(400);
    expect((await call({ partnerId: legal.id })).status).toBe(202);
    expect(allText(await chat.say("yes please"))).toContain(`We will pass your case to ${legal.name}`);
    const doc = (await (await lentera.app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain("/api/tickets/{reference}/share-consent");
  });

  it("a question asked from the person's other ticket replaces one still waiting; the answer goes to the newer", async () => {
    const { chat, ticket, cw, legal, shelter } = await setUp("id");
    const second = await addTicket(lentera, chat.conversationId, { type: "family_tracing" });
    await claimTicket(cw.ctx, { reference: second.reference });
    await requestShareConsent(cw.ctx, { reference: ticket.reference, partnerId: legal.id });
    await requestShareConsent(cw.ctx, { reference: second.reference, partnerId: shelter.id });
    await chat.say("ya");
    const client = consoleClient(lentera.app);
    await client.signIn(cw.email);
    expect((await client.get(`/console/tickets/${ticket.reference}`)).body).toContain('data-share-ask="replaced"');
    expect((await client.get(`/console/tickets/${second.reference}`)).body).toContain('data-share-ask="granted"');
    const contact = await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } });
    expect(
      await lentera.db.consent.findMany({ where: { contactId: contact.contactId, scope: { startsWith: "share:" } } }),
    ).toMatchObject([{ scope: `share:${shelter.id}`, granted: true }]);
  });

  it("only the holder asks; a partner must be active", async () => {
    const { ticket, legal, cw } = await setUp("id");
    const inactive = await lentera.db.partner.create({
      data: { name: "Closed partner", services: ["legal"], provinces: [], contact: "x@example.org", active: false },
    });
    await expect(
      requestShareConsent(cw.ctx, { reference: ticket.reference, partnerId: inactive.id }),
    ).rejects.toMatchObject({ code: "invalid" });
    const other = await addCaseworker(lentera, "supervisor");
    const client = consoleClient(lentera.app);
    await client.signIn(other.email);
    await client.get(`/console/tickets/${ticket.reference}`);
    expect(
      (await client.post(`/console/tickets/${ticket.reference}/share-consent`, { partnerId: legal.id })).res.status,
    ).toBe(403);
    expect(
      await lentera.db.ticketEvent.count({ where: { ticketId: ticket.id, type: "share_consent_requested" } }),
    ).toBe(0);
  });
});
