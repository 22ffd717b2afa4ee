import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { sendCaseworkerMessage } from "../../src/casework/send-caseworker-message.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import workdayEn from "../../locales/en/workday.json" with { type: "json" };
import workdayId from "../../locales/id/workday.json" with { type: "json" };
import consoleId from "../../locales/id/console.json" with { type: "json" };
import consoleEn from "../../locales/en/console.json" with { type: "json" };
import { addCaseworker, addConversation, addTicket, consoleClient, PASSWORD } from "./support.ts";

/** The tools of a caseworker's day, through the console over HTTP: search, canned replies, accounts. */
describe("console: search, canned replies, accounts", () => {
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

  const signedIn = async (email: string, lang?: "id" | "en") => {
    const client = consoleClient(lentera.app);
    expect((await client.signIn(email)).res.status).toBe(303);
    if (lang) client.cookies.set("lentera_console_lang", lang);
    return client;
  };
  const BOTH_CONSOLES = [
    ["id", consoleId],
    ["en", consoleEn],
  ] as const;
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

  it("canned replies: an admin writes one in both languages; a caseworker inserts it, filled in, in the person's language", async () => {
    const adminClient = await signedIn(admin.email);
    await adminClient.get("/console/admin/canned");
    const saved = await adminClient.post("/console/admin/canned", {
      title: "Reference",
      textId: "Halo, saya {{caseworker}}. Nomor rujukanmu {{reference}}.\n{{contacts}}",
      textEn: "Hello, I am {{caseworker}}. Your reference is {{reference}}.\n{{contacts}}",
      active: "1",
    });
    expect(saved.res.status).toBe(303);
    const reply = await lentera.db.cannedReply.findFirstOrThrow({ where: { title: "Reference" } });

    const en = await addTicket(lentera, (await addConversation(lentera, "en")).id);
    await claimTicket(cw.ctx, { reference: en.reference });
    const client = await signedIn(cw.email);
    const page = await client.get(`/console/tickets/${en.reference}`);
    expect(page.body).toContain(`value="${reply.id}"`);
    const filled = await client.get(`/console/tickets/${en.reference}?canned=${reply.id}`);
    expect(filled.res.status).toBe(200);
    const draft = /<textarea id="reply-text"[^>]*>([\s\S]*?)<\/textarea>/.exec(filled.body)?.[1] ?? "";
    expect(draft).toContain(`Hello, I am Rina. Your reference is ${en.reference}.`);
    expect(draft).toMatch(/110/);
    expect(draft).not.toContain("{{");

    // Only admins manage them; a caseworker's attempt changes nothing.
    await client.get("/console/queue");
    const refused = await client.post("/console/admin/canned", { title: "x", textId: "x", textEn: "x" });
    expect(refused.res.status).toBe(403);
    expect(await lentera.db.cannedReply.count()).toBe(1);
    // A ticket the caseworker may not read gives nothing away, with or without a snippet.
    const others = await addTicket(lentera, (await addConversation(lentera)).id);
    await claimTicket(other.ctx, { reference: others.reference });
    expect((await client.get(`/console/tickets/${others.reference}?canned=${reply.id}`)).res.status).toBe(404);
  });

  it("inviting an email that has an account already says so, in either language (no server error)", async () => {
    for (const [lang, page] of BOTH_CONSOLES) {
      const adminClient = await signedIn(admin.email, lang);
      await adminClient.get("/console/admin/accounts");
      const again = await adminClient.post("/console/admin/invitations", {
        name: "Rina",
        email: cw.email.toUpperCase(),
        role: "caseworker",
      });
      expect(again.res.status).toBe(409);
      expect(again.body).toContain(page.errors.email_taken.slice(0, 30));
    }
  });

  it("a canned reply with a placeholder the console does not fill in ('{{kontak}}') is not saved, in either language", async () => {
    const before = await lentera.db.cannedReply.count();
    for (const [lang, page] of BOTH_CONSOLES) {
      const adminClient = await signedIn(admin.email, lang);
      await adminClient.get("/console/admin/canned");
      const refused = await adminClient.post("/console/admin/canned", {
        title: "KBRI",
        textId: "Nomor KBRI: {{kontak}}. Rujukan {{ reference }}.",
        textEn: "Embassy numbers: {{contacts}}",
        active: "1",
      });
      expect(refused.res.status).toBe(400);
      expect(refused.body).toContain(page.errors.canned_placeholder.slice(0, 30));
    }
    expect(await lentera.db.cannedReply.count()).toBe(before);
  });

  it("an admin invites a caseworker, who sets a password with the one-time link and signs in; the link works once", async () => {
    const adminClient = await signedIn(admin.email);
    await adminClient.get("/console/admin/accounts");
    const invited = await adminClient.post("/console/admin/invitations", {
      name: "Sari",
      email: "Sari@Example.org",
      role: "caseworker",
    });
    expect(invited.res.status).toBe(201);
    const url = /value="(http[^"]+\/console\/welcome\/[A-Za-z0-9_-]+)"/.exec(invited.body)?.[1];
    expect(url).toBeDefined();
    const path = new URL(url!).pathname;

    const sari = consoleClient(lentera.app);
    const welcome = await sari.get(path);
    expect(welcome.res.status).toBe(200);
    expect(welcome.body).toContain("sari@example.org");
    expect((await sari.post(path, { password: "short" })).res.status).toBe(400);
    await sari.get(path);
    const set = await sari.post(path, { password: "a long new password" });
    expect(set.res.status).toBe(303);
    expect(set.res.headers.get("location")).toBe("/console/sign-in?password_set=1");
    expect((await consoleClient(lentera.app).signIn("sari@example.org", "a long new password")).res.status).toBe(303);
    // Used once: the link is dead now.
    const again = await consoleClient(lentera.app).get(path);
    expect(again.res.status).toBe(404);
    expect(again.body).toContain(workdayId.welcome.invalid);
    const actions = await lentera.db.auditEvent.findMany({
      where: { action: { in: ["caseworker.invited", "caseworker.invitation_accepted"] } },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["caseworker.invitation_accepted", "caseworker.invited"]);
  });

  it("an admin resets a password: the old one stops working, sessions end, the link sets a new one", async () => {
    const target = await addCaseworker(lentera, "caseworker", "Lupa");
    const session = await signedIn(target.email);
    const adminClient = await signedIn(admin.email);
    await adminClient.get("/console/admin/accounts");
    const reset = await adminClient.post(`/console/admin/accounts/${target.caseworker.id}/reset`);
    expect(reset.res.status).toBe(200);
    const path = new URL(/value="(http[^"]+)"/.exec(reset.body)![1]!).pathname;
    expect((await session.get("/console/queue")).res.status).toBe(303);
    expect((await consoleClient(lentera.app).signIn(target.email, PASSWORD)).res.status).toBe(401);
    const person = consoleClient(lentera.app);
    await person.get(path);
    expect((await person.post(path, { password: "another long password" })).res.status).toBe(303);
    expect((await consoleClient(lentera.app).signIn(target.email, "another long password")).res.status).toBe(303);
  });

  it("an admin signs an account out everywhere; a caseworker changes their own password", async () => {
    const target = await addCaseworker(lentera, "caseworker");
    const phone = await signedIn(target.email);
    const laptop = await signedIn(target.email);
    const adminClient = await signedIn(admin.email);
    await adminClient.get("/console/admin/accounts");
    expect((await adminClient.post(`/console/admin/accounts/${target.caseworker.id}/sign-out`)).res.status).toBe(303);
    expect((await phone.get("/console/queue")).res.status).toBe(303);
    expect((await laptop.get("/console/queue")).res.status).toBe(303);

    const me = await signedIn(target.email);
    const other = await signedIn(target.email);
    await me.get("/console/account");
    const wrong = await me.post("/console/account/password", { current: "not it", next: "brand new password" });
    expect(wrong.res.status).toBe(400);
    const changed = await me.post("/console/account/password", { current: PASSWORD, next: "brand new password" });
    expect(changed.res.status).toBe(200);
    expect((await me.get("/console/queue")).res.status).toBe(200);
    expect((await other.get("/console/queue")).res.status).toBe(303);
    expect((await consoleClient(lentera.app).signIn(target.email, "brand new password")).res.status).toBe(303);
  });

  it("refuses account actions to non-admins and unknown links, in both languages", async () => {
    const client = await signedIn(cw.email);
    await client.get("/console/queue");
    const refused = await client.post("/console/admin/invitations", {
      name: "X",
      email: "x@example.org",
      role: "admin",
    });
    expect(refused.res.status).toBe(403);
    expect(await lentera.db.caseworker.count({ where: { email: "x@example.org" } })).toBe(0);
    const unknown = await consoleClient(lentera.app).get(`/console/welcome/${"a".repeat(43)}`);
    expect(unknown.res.status).toBe(404);
    expect(unknown.body).toContain(workdayId.welcome.invalid);
    expect(consoleId.sign_in.password_set).toBeTruthy();
    expect(Object.keys(workdayEn).sort()).toEqual(Object.keys(workdayId).sort());
  });

  it("case work: services with partner and outcome, follow-ups, links between one person's tickets, tags", async () => {
    const first = await addTicket(lentera, (await addConversation(lentera)).id, { type: "victim_assistance" });
    const second = await addTicket(lentera, (await addConversation(lentera)).id);
    await claimTicket(cw.ctx, { reference: first.reference });
    const partner = await lentera.db.partner.findFirstOrThrow({ where: { active: true } });
    const client = await signedIn(cw.email);
    await client.get(`/console/tickets/${first.reference}`);
    const act = (path: string, fields: Record<string, string>) =>
      client.post(`/console/tickets/${first.reference}/${path}`, fields);

    const saved = await act("services", {
      service: "shelter",
      status: "ongoing",
      partnerId: partner.id,
      startedOn: "2026-11-20",
      endedOn: "",
      outcome: "Tinggal di rumah aman Bandung, aman.",
    });
    expect(saved.res.status).toBe(303);
    expect(
      (await act("services", { service: "legal", status: "planned", startedOn: "2026-11-20", endedOn: "2026-11-01" }))
        .res.status,
    ).toBe(400);
    expect((await act("services", { service: "teleport", status: "planned" })).res.status).toBe(400);
    const stored = await lentera.db.ticketService.findFirstOrThrow({ where: { ticketId: first.id } });
    expect(stored).toMatchObject({ service: "shelter", status: "ongoing", partnerId: partner.id });
    expect(stored.outcomeEnc).not.toContain("Bandung");

    expect((await act("follow-ups", { due: "2026-12-01", note: "Telepon KBRI soal paspor" })).res.status).toBe(303);
    expect((await act("follow-ups", { due: "besok" })).res.status).toBe(400);
    expect((await act("links", { other: second.reference.toLowerCase() })).res.status).toBe(303);
    expect((await act("links", { other: first.reference })).res.status).toBe(400);
    expect((await act("tags", { tags: "Fishing, KBRI Riyadh, fishing" })).res.status).toBe(303);
    expect((await act("tags", { tags: "<script>" })).res.status).toBe(400);

    const page = await client.get(`/console/tickets/${first.reference}`);
    expect(page.body).toContain(workdayId.case.service.shelter);
    expect(page.body).toContain("Tinggal di rumah aman Bandung, aman.");
    expect(page.body).toContain(partner.name);
    expect(page.body).toContain("Telepon KBRI soal paspor");
    expect(page.body).toContain(`href="/console/tickets/${second.reference}"`);
    expect(page.body).toContain(">fishing<");
    expect(page.body).toContain(">kbri-riyadh<");
    expect(page.body).toContain(consoleId.events.service_recorded);
    // The link shows from the other side too.
    expect((await client.get(`/console/tickets/${second.reference}`)).body).toContain(
      `href="/console/tickets/${first.reference}"`,
    );

    const followUp = await lentera.db.followUp.findFirstOrThrow({ where: { ticketId: first.id } });
    expect(followUp.noteEnc).not.toContain("KBRI");
    expect((await act(`follow-ups/${followUp.id}/done`, {})).res.status).toBe(303);
    expect((await lentera.db.followUp.findUniqueOrThrow({ where: { id: followUp.id } })).doneById).toBe(
      cw.caseworker.id,
    );

    // Someone who may not read the ticket can change nothing on it, and learns nothing.
    const outsider = await signedIn(other.email);
    await outsider.get("/console/queue");
    const refused = await outsider.post(`/console/tickets/${first.reference}/tags`, { tags: "x" });
    expect(refused.res.status).toBe(404);
    expect((await lentera.db.ticket.findUniqueOrThrow({ where: { id: first.id } })).tags).toEqual([
      "fishing",
      "kbri-riyadh",
    ]);
  });
});
