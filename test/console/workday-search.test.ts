import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { sendCaseworkerMessage } from "../../src/casework/send-caseworker-message.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import workdayId from "../../locales/id/workday.json" with { type: "json" };
import { addCaseworker, addConversation, addTicket, signedInClient } from "./support.ts";

/** Search, the first tool of a caseworker's day, through the console over HTTP (the others: workday.test.ts). */
describe("console: search", () => {
  let lentera: TestLentera;
  let cw: Awaited<ReturnType<typeof addCaseworker>>;
  let other: Awaited<ReturnType<typeof addCaseworker>>;
  let admin: Awaited<ReturnType<typeof addCaseworker>>;

  beforeAll(async () => {
    lentera = await createTestLentera();
    cw = await addCaseworker(lentera, "caseworker", "Rina");
    other = await addCaseworker(lentera, "caseworker", "Dewi");
    admin = await addCaseworker(lentera, "admin", "Admin");
  });
  afterAll(async () => lentera?.close());

  const signedIn = (email: string) => signedInClient(lentera, email);
  const references = (body: string) =>
    [...body.matchAll(/href="\/console\/tickets\/(LNT-[A-Z0-9]+)"/g)].map((m) => m[1]);

  it("finds a ticket by its reference, typed loosely, and records the search without its words", async () => {
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id);
    const client = await signedIn(cw.email);
    const typed = ` ${ticket.reference.toLowerCase()} `;
    const { res, body } = await client.get(`/console/search?q=${encodeURIComponent(typed)}`);
    expect(res.status).toBe(200);
    expect(references(body)).toEqual([ticket.reference]);
    expect(body).toContain(workdayId.search.match.reference);
    const audit = await lentera.db.auditEvent.findFirstOrThrow({
      where: { action: "tickets.search", actorId: cw.caseworker.id },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.meta).toEqual({ fields: ["q:reference"], results: 1 });
    expect(JSON.stringify(audit.meta)).not.toContain(ticket.reference);
  });

  it("finds a ticket by its reference without the dash, with a space, or without LNT; a bare six-letter word is still words", async () => {
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id);
    await claimTicket(cw.ctx, { reference: ticket.reference });
    await sendCaseworkerMessage(cw.ctx, { reference: ticket.reference, text: "Saya sekarang di Kupang." });
    const client = await signedIn(cw.email);
    const code = ticket.reference.slice(4);
    for (const typed of [`lnt${code.toLowerCase()}`, `LNT ${code}`, code.toLowerCase()]) {
      const { body } = await client.get(`/console/search?q=${encodeURIComponent(typed)}`);
      expect(references(body), typed).toEqual([ticket.reference]);
      expect(body).toContain(workdayId.search.match.reference);
    }
    const words = await client.get(`/console/search?q=kupang`);
    expect(references(words.body)).toEqual([ticket.reference]);
    expect(words.body).toContain(workdayId.search.match.words);
  });

  it("finds the tickets of a phone number: the person's WhatsApp number and a safe-contact number", async () => {
    const contact = await lentera.db.contact.create({
      data: {
        channel: "whatsapp",
        channelUserKey: lentera.cipher.lookupKey("6281234567890@s.whatsapp.net"),
        channelUserEnc: lentera.cipher.encrypt("6281234567890@s.whatsapp.net"),
      },
    });
    const conversation = await lentera.db.conversation.create({
      data: {
        contactId: contact.id,
        channel: "whatsapp",
        state: {
          version: 1,
          locale: "id",
          languageChosen: true,
          consent: "granted",
          step: { name: "menu" },
          offered: [],
        },
      },
    });
    const own = await addTicket(lentera, conversation.id);
    const viaSafeContact = await addTicket(lentera, (await addConversation(lentera)).id, {
      type: "victim_assistance",
      safeContact: { method: "call", number: "+62 812-3456-7890" },
    });
    const unrelated = await addTicket(lentera, (await addConversation(lentera)).id, {
      type: "victim_assistance",
      safeContact: { method: "call", number: "0813 0000 1111" },
    });
    const client = await signedIn(cw.email);
    const { body } = await client.get(`/console/search?q=${encodeURIComponent("0812 3456 7890")}`);
    expect(references(body).sort()).toEqual([own.reference, viaSafeContact.reference].sort());
    expect(references(body)).not.toContain(unrelated.reference);
  });

  it("finds words in a conversation only where the role may read it", async () => {
    const mine = await addTicket(lentera, (await addConversation(lentera)).id);
    await claimTicket(cw.ctx, { reference: mine.reference });
    await sendCaseworkerMessage(cw.ctx, { reference: mine.reference, text: "Kami hubungi KBRI Riyadh besok pagi." });
    const client = await signedIn(cw.email);
    const found = await client.get(`/console/search?q=${encodeURIComponent("kbri  RIYADH")}`);
    expect(references(found.body)).toEqual([mine.reference]);
    expect(found.body).toContain(workdayId.search.match.words);
    // Another caseworker may not read a ticket Rina holds: the same words find nothing for them.
    const elsewhere = await signedIn(other.email);
    const hidden = await elsewhere.get(`/console/search?q=${encodeURIComponent("kbri riyadh")}`);
    expect(references(hidden.body)).toEqual([]);
    expect(hidden.body).toContain(workdayId.search.none);
    // And no filter reveals it either.
    const byType = await elsewhere.get(`/console/search?type=talk_to_person&status=claimed`);
    expect(references(byType.body)).not.toContain(mine.reference);
  });

  it("finds words in a conversation with a message in the last 90 days, even when its ticket is older", async () => {
    const longAgo = new Date(Date.now() - 120 * 24 * 3600 * 1000);
    const revived = await addTicket(lentera, (await addConversation(lentera)).id);
    const dormant = await addTicket(lentera, (await addConversation(lentera)).id);
    for (const ticket of [revived, dormant]) {
      await claimTicket(cw.ctx, { reference: ticket.reference });
      await sendCaseworkerMessage(cw.ctx, { reference: ticket.reference, text: "Paspor di agen Tanjungpinang." });
      await lentera.db.ticket.update({ where: { id: ticket.id }, data: { createdAt: longAgo } });
    }
    // the dormant case's messages are as old as its ticket; the revived one had a message today
    await lentera.db.message.updateMany({
      where: { conversationId: dormant.conversationId! },
      data: { createdAt: longAgo },
    });
    const client = await signedIn(cw.email);
    const found = await client.get(`/console/search?q=${encodeURIComponent("agen tanjungpinang")}`);
    expect(references(found.body)).toEqual([revived.reference]);
  });

  it("filters by status, country and date, and answers 400 on a malformed filter", async () => {
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id, { type: "victim_assistance" });
    await lentera.db.ticket.update({ where: { id: ticket.id }, data: { country: "SA" } });
    const client = await signedIn(admin.email);
    // the day in WIB, as the console counts days
    const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
    const { body } = await client.get(`/console/search?country=sa&type=victim_assistance&from=${today}&to=${today}`);
    expect(references(body)).toContain(ticket.reference);
    const past = await client.get(`/console/search?country=SA&to=2020-01-01`);
    expect(references(past.body)).not.toContain(ticket.reference);
    const bad = await client.get(`/console/search?from=yesterday`);
    expect(bad.res.status).toBe(400);
    expect(bad.body).toContain(workdayId.search.invalid);
  });

  it("filters by an indicator typed loosely ('fl-06', its id in any case) and by partner; the box offers the indicators by name", async () => {
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id, { type: "victim_assistance" });
    const partner = await lentera.db.partner.findFirstOrThrow();
    await lentera.db.ticket.update({ where: { id: ticket.id }, data: { indicatorIds: ["FL-06-violence"] } });
    await lentera.db.referral.create({
      data: { ticketId: ticket.id, partnerId: partner.id, consent: true, createdById: admin.caseworker.id },
    });
    const client = await signedIn(admin.email);
    for (const typed of ["fl-06", "FL-06", "fl-06-violence", "FL-06-violence"]) {
      const { res, body } = await client.get(`/console/search?indicator=${encodeURIComponent(typed)}`);
      expect(res.status, typed).toBe(200);
      expect(references(body), typed).toContain(ticket.reference);
    }
    const none = await client.get(`/console/search?indicator=FL-01`);
    expect(references(none.body)).not.toContain(ticket.reference);
    const byPartner = await client.get(`/console/search?partnerId=${partner.id}`);
    expect(references(byPartner.body)).toEqual([ticket.reference]);
    expect(byPartner.body).toContain('<datalist id="indicator-list">');
    expect(byPartner.body).toMatch(/<option value="FL-06-violence">[^<{.]+<\/option>/);
  });

  it("the date filter counts days in WIB, as the console shows times: 05:00 WIB on the 3rd is the 3rd", async () => {
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id, { type: "victim_assistance" });
    // 2026-12-02 22:00 UTC is 2026-12-03 05:00 WIB
    await lentera.db.ticket.update({
      where: { id: ticket.id },
      data: { createdAt: new Date("2026-12-02T22:00:00Z"), country: "MY" },
    });
    const client = await signedIn(admin.email);
    const on3rd = await client.get(`/console/search?country=MY&from=2026-12-03&to=2026-12-03`);
    expect(references(on3rd.body)).toContain(ticket.reference);
    const on2nd = await client.get(`/console/search?country=MY&from=2026-12-02&to=2026-12-02`);
    expect(references(on2nd.body)).not.toContain(ticket.reference);
  });
});
