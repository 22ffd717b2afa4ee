import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import workdayEn from "../../locales/en/workday.json" with { type: "json" };
import workdayId from "../../locales/id/workday.json" with { type: "json" };
import consoleId from "../../locales/id/console.json" with { type: "json" };
import consoleEn from "../../locales/en/console.json" with { type: "json" };
import { addCaseworker, addConversation, addTicket, consoleClient, PASSWORD, signedInClient } from "./support.ts";

/**
 * The tools of a caseworker's day, through the console over HTTP: canned replies, accounts, case work
 * (search: workday-search.test.ts, a file of its own to keep each under the suite's 10 s a file).
 */
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

  const signedIn = (email: string, lang?: "id" | "en") => signedInClient(lentera, email, lang);
  const BOTH_CONSOLES = [
    ["id", consoleId],
    ["en", consoleEn],
  ] as const;

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
