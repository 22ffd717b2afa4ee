import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FAILURES_PER_ACCOUNT } from "../../src/casework/sign-in.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { startChat } from "../support/webchat-client.ts";
import consoleId from "../../locales/id/console.json" with { type: "json" };
import consoleEn from "../../locales/en/console.json" with { type: "json" };
import { addCaseworker, addConversation, addTicket, consoleClient } from "./support.ts";

/** The console through app.request(): sign-in, cookies, CSRF, idle timeout, and every route's refusals. */
describe("console over HTTP", () => {
  let lentera: TestLentera;
  let clock = new Date("2026-11-29T03:00:00Z");
  beforeAll(async () => {
    lentera = await createTestLentera({ now: () => clock, env: { SESSION_IDLE_MINUTES: "20" } });
  });
  afterAll(async () => lentera?.close());
  const tick = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

  it("signs in with a session cookie that is HttpOnly and SameSite, and Secure behind https", async () => {
    const { email } = await addCaseworker(lentera, "caseworker");
    const client = consoleClient(lentera.app);
    const { res } = await client.signIn(email);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/console/queue");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("lentera_console="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const queue = await client.get("/console/queue");
    expect(queue.res.status).toBe(200);
    expect(queue.body).toContain(consoleId.queue.title);

    const https = consoleClient(lentera.app, { headers: { "x-forwarded-proto": "https" } });
    const secure = await https.signIn(email);
    const secureCookie = secure.res.headers.getSetCookie().find((c) => c.startsWith("__Host-lentera_console="))!;
    expect(secureCookie).toMatch(/Secure/);
    expect(secureCookie).toMatch(/Path=\//);
    expect((await https.get("/console/queue")).res.status).toBe(200);
  });

  it("gives the same answer for a wrong password and an unknown email, and throttles guessing", async () => {
    const { email } = await addCaseworker(lentera, "caseworker");
    const wrong = await consoleClient(lentera.app).signIn(email, "not the password");
    const unknown = await consoleClient(lentera.app).signIn("nobody@example.org", "not the password");
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(wrong.body).toContain(consoleId.sign_in.invalid);
    expect(unknown.body).toContain(consoleId.sign_in.invalid);
    for (let i = 1; i < MAX_FAILURES_PER_ACCOUNT; i++) await consoleClient(lentera.app).signIn(email, "still wrong");
    const throttled = await consoleClient(lentera.app).signIn(email);
    expect(throttled.res.status).toBe(429);
    expect(throttled.body).toContain(consoleId.sign_in.throttled);
    tick(16);
    expect((await consoleClient(lentera.app).signIn(email)).res.status).toBe(303);
    // Attempts are kept under keyed hashes only.
    const keys = await lentera.db.loginAttempt.findMany({ select: { key: true } });
    expect(keys.some((k) => k.key.includes("@"))).toBe(false);
  });

  it("refuses a sign-in or a form without the CSRF token, or from another site", async () => {
    const { email } = await addCaseworker(lentera, "caseworker");
    const client = consoleClient(lentera.app);
    await client.get("/console/sign-in");
    client.csrf = "forged";
    expect((await client.post("/console/sign-in", { email, password: "correct horse battery" })).res.status).toBe(403);

    const signedIn = consoleClient(lentera.app);
    await signedIn.signIn(email);
    await signedIn.get("/console/queue");
    const ticket = await addTicket(lentera, (await addConversation(lentera)).id);
    const good = signedIn.csrf;
    signedIn.csrf = "";
    expect((await signedIn.post(`/console/tickets/${ticket.reference}/claim`)).res.status).toBe(403);
    signedIn.csrf = good;
    expect(
      (await signedIn.post(`/console/tickets/${ticket.reference}/claim`, {}, { origin: "https://evil.example" })).res
        .status,
    ).toBe(403);
    expect((await lentera.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).assigneeId).toBeNull();
    expect((await signedIn.post(`/console/tickets/${ticket.reference}/claim`)).res.status).toBe(303);
  });

  it("ends a session after SESSION_IDLE_MINUTES without activity; background polls do not keep it alive", async () => {
    const { email } = await addCaseworker(lentera, "caseworker");
    const client = consoleClient(lentera.app);
    await client.signIn(email);
    tick(15);
    expect((await client.get("/console/queue")).res.status).toBe(200);
    tick(15);
    expect((await client.get("/console/queue/poll", { "x-lentera-poll": "1" })).res.status).toBe(200);
    tick(10);
    expect((await client.get("/console/queue/poll", { "x-lentera-poll": "1" })).res.status).toBe(401);
    const page = await client.get("/console/queue");
    expect(page.res.status).toBe(303);
    expect(page.res.headers.get("location")).toBe("/console/sign-in");
    const client2 = consoleClient(lentera.app);
    await client2.signIn(email);
    tick(21);
    const expired = await client2.get("/console/queue");
    expect(expired.res.headers.get("location")).toBe("/console/sign-in?expired=1");
    expect((await client2.get("/console/sign-in?expired=1")).body).toContain(consoleId.sign_in.expired);
  });

  it("signs out, and switches the console's language on request", async () => {
    const { email } = await addCaseworker(lentera, "caseworker");
    const client = consoleClient(lentera.app);
    await client.signIn(email);
    await client.get("/console/queue");
    const switched = await client.post("/console/language", { lang: "en", back: "/console/queue?assigned=me" });
    expect(switched.res.headers.get("location")).toBe("/console/queue?assigned=me");
    expect(
      (await client.post("/console/language", { lang: "en", back: "https://evil.example/" })).res.headers.get(
        "location",
      ),
    ).toBe("/console/queue");
    const english = await client.get("/console/queue");
    expect(english.body).toContain(`<html lang="en">`);
    expect(english.body).toContain(consoleEn.queue.title);
    const out = await client.post("/console/sign-out");
    expect(out.res.headers.get("location")).toBe("/console/sign-in?signed_out=1");
    expect((await client.get("/console/queue")).res.status).toBe(303);
    expect(await lentera.db.caseworkerSession.count({ where: { caseworker: { email } } })).toBe(0);
  });

  it("sends a signed-out visitor to sign-in from every console page", async () => {
    for (const path of [
      "/console/queue",
      "/console/tickets/ABC123",
      "/console/partners",
      "/console/admin/audit",
      "/console/admin/accounts",
      "/console/admin/audit.csv",
      "/console/admin/settings",
    ]) {
      const res = await lentera.app.request(path, { redirect: "manual" });
      expect([path, res.status, res.headers.get("location")]).toEqual([path, 303, "/console/sign-in"]);
    }
    const post = await lentera.app.request("/console/tickets/ABC123/claim", { method: "POST", redirect: "manual" });
    expect(post.status).toBe(303);
  });

  it("shows a caseworker the queue (urgent first, then oldest) and only tickets they may see", async () => {
    const me = await addCaseworker(lentera, "caseworker");
    const someoneElse = await addCaseworker(lentera, "caseworker");
    const normal = await addTicket(lentera, (await addConversation(lentera)).id, { priority: "normal" });
    tick(1);
    const urgent = await addTicket(lentera, (await addConversation(lentera)).id, {
      type: "emergency",
      priority: "urgent",
    });
    const taken = await addTicket(lentera, (await addConversation(lentera)).id, { priority: "urgent" });
    await lentera.db.ticket.update({
      where: { id: taken.id },
      data: { assigneeId: someoneElse.caseworker.id, status: "claimed" },
    });

    const client = consoleClient(lentera.app);
    await client.signIn(me.email);
    const { body } = await client.get("/console/queue");
    const order = [...body.matchAll(/data-reference="([^"]+)"/g)].map((m) => m[1]);
    expect(order.indexOf(urgent.reference)).toBeLessThan(order.indexOf(normal.reference));
    expect(order).not.toContain(taken.reference);
    expect(body).toMatch(new RegExp(`<tr class="urgent" data-reference="${urgent.reference}"`));
    // Filters.
    const filtered = await client.get("/console/queue?type=emergency&assigned=unassigned");
    expect([...filtered.body.matchAll(/data-reference="([^"]+)"/g)].map((m) => m[1])).toEqual(
      expect.arrayContaining([urgent.reference]),
    );
    expect(filtered.body).not.toContain(`data-reference="${normal.reference}"`);
    // Poll: urgent references for the alert.
    const poll = JSON.parse((await client.get("/console/queue/poll", { "x-lentera-poll": "1" })).body) as {
      urgent: string[];
    };
    expect(poll.urgent).toContain(urgent.reference);
    expect(poll.urgent).not.toContain(taken.reference);
    // Another caseworker's ticket: not found, and nothing is shown.
    const hidden = await client.get(`/console/tickets/${taken.reference}`);
    expect(hidden.res.status).toBe(404);
    expect(hidden.body).toContain(consoleId.errors.ticket_not_found);
    // A supervisor sees it.
    const sup = await addCaseworker(lentera, "supervisor");
    const supervisor = consoleClient(lentera.app);
    await supervisor.signIn(sup.email);
    expect((await supervisor.get(`/console/tickets/${taken.reference}`)).res.status).toBe(200);
  });

  it("runs a ticket through the console: claim, reply, note, close with an outcome; refusals are friendly pages", async () => {
    const { email, caseworker } = await addCaseworker(lentera, "caseworker", "Dewi Lestari");
    const chat = await startChat(lentera.app, "en");
    await chat.tap("consent.accept");
    const ticket = await addTicket(lentera, chat.conversationId, { safeContact: { method: "this_chat", time: "any" } });
    const client = consoleClient(lentera.app);
    await client.signIn(email);
    await client.get("/console/queue");
    await client.post("/console/language", { lang: "en" });
    const page = await client.get(`/console/tickets/${ticket.reference}`);
    expect(page.body).toContain(consoleEn.ticket.claim);
    expect(page.body).not.toContain(consoleEn.ticket.send);

    expect((await client.post(`/console/tickets/${ticket.reference}/reply`, { text: "hi" })).res.status).toBe(403);
    expect((await client.post(`/console/tickets/${ticket.reference}/claim`)).res.headers.get("location")).toBe(
      `/console/tickets/${ticket.reference}?done=claimed`,
    );
    expect(
      (await client.post(`/console/tickets/${ticket.reference}/reply`, { text: "Hi, this is Dewi." })).res.status,
    ).toBe(303);
    expect((await chat.transcript()).messages.at(-1)).toMatchObject({
      author: "caseworker",
      text: "Hi, this is Dewi.",
    });
    await chat.say("Thank you, I am scared");
    const after = await client.get(`/console/tickets/${ticket.reference}`);
    expect(after.body).toContain("Thank you, I am scared");
    expect(after.body).toContain(consoleEn.ticket.hand_back);
    // The live transcript: new messages after a cursor, or 204.
    const cursor = /data-cursor="(\d+)"/.exec(after.body)![1]!;
    expect(
      (await client.get(`/console/tickets/${ticket.reference}/transcript?after=${cursor}`, { "x-lentera-poll": "1" }))
        .res.status,
    ).toBe(204);
    await chat.say("Are you there?");
    const live = await client.get(`/console/tickets/${ticket.reference}/transcript?after=${cursor}`, {
      "x-lentera-poll": "1",
    });
    expect(live.res.status).toBe(200);
    expect(live.body).toContain("Are you there?");

    expect(
      (await client.post(`/console/tickets/${ticket.reference}/notes`, { text: "Wants to go home" })).res.status,
    ).toBe(303);
    expect((await client.post(`/console/tickets/${ticket.reference}/notes`, { text: "" })).res.status).toBe(400);
    const noOutcome = await client.post(`/console/tickets/${ticket.reference}/status`, {
      status: "closed",
      outcome: "",
    });
    expect(noOutcome.res.status).toBe(400);
    expect(noOutcome.body).toContain(consoleEn.errors.outcome_required);
    expect((await client.post(`/console/tickets/${ticket.reference}/status`, { status: "bogus" })).res.status).toBe(
      400,
    );
    expect(
      (await client.post(`/console/tickets/${ticket.reference}/reassign`, { assigneeId: caseworker.id })).res.status,
    ).toBe(403);
    expect(
      (await client.post(`/console/tickets/${ticket.reference}/status`, { status: "closed", outcome: "supported" })).res
        .status,
    ).toBe(303);
    expect(await lentera.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      status: "closed",
      outcome: "supported",
    });
    expect((await lentera.db.conversation.findUniqueOrThrow({ where: { id: chat.conversationId } })).mode).toBe("bot");
  });

  it("keeps admin pages for admins, and exports the audit log as CSV", async () => {
    const cw = await addCaseworker(lentera, "caseworker");
    const sup = await addCaseworker(lentera, "supervisor");
    const admin = await addCaseworker(lentera, "admin");
    for (const who of [cw, sup]) {
      const client = consoleClient(lentera.app);
      await client.signIn(who.email);
      for (const path of [
        "/console/admin/audit",
        "/console/admin/accounts",
        "/console/admin/audit.csv",
        "/console/admin/settings",
      ])
        expect((await client.get(path)).res.status).toBe(403);
      expect((await client.post("/console/partners", { name: "Sneaky", contact: "x@example.org" })).res.status).toBe(
        403,
      );
      expect(
        (await client.post(`/console/admin/accounts/${who.caseworker.id}`, { role: "admin", active: "1" })).res.status,
      ).toBe(403);
    }
    const client = consoleClient(lentera.app);
    await client.signIn(admin.email);
    expect((await client.get("/console/admin/audit")).body).toContain("ticket.read");
    const settings = await client.get("/console/admin/settings");
    expect(settings.body).toContain(consoleId.settings.minutes.replace("{{m}}", "20"));
    expect(settings.body).toContain(consoleId.settings.example_partners.replace("{{count}}", "4"));
    const csv = await client.get("/console/admin/audit.csv");
    expect(csv.res.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.body.split("\r\n")[0]).toBe(
      "time,actor_type,actor_id,actor_email,action,subject_type,subject_id,ticket_reference,meta",
    );
    expect(csv.body).toContain("ticket.read");
    expect(
      (
        await client.post("/console/partners", {
          name: "Yayasan Baru",
          services: "legal, shelter",
          provinces: "Bali",
          contact: "kontak@example.org",
          active: "1",
        })
      ).res.status,
    ).toBe(303);
    expect(await lentera.db.partner.findFirst({ where: { name: "Yayasan Baru" } })).toMatchObject({
      services: ["legal", "shelter"],
      provinces: ["Bali"],
    });
    expect(
      (await client.post(`/console/admin/accounts/${cw.caseworker.id}`, { role: "supervisor", active: "1" })).res
        .status,
    ).toBe(303);
    expect((await lentera.db.caseworker.findUniqueOrThrow({ where: { id: cw.caseworker.id } })).role).toBe(
      "supervisor",
    );
    // Switching an account off ends its sessions.
    const victim = consoleClient(lentera.app);
    await victim.signIn(sup.email);
    await client.post(`/console/admin/accounts/${sup.caseworker.id}`, { role: "supervisor" });
    expect((await victim.get("/console/queue")).res.status).toBe(303);
  });

  it("serves its own stylesheet and script (no CDN) under the app's CSP", async () => {
    const css = await lentera.app.request("/console/assets/console.css");
    expect(css.headers.get("content-type")).toMatch(/text\/css/);
    expect((await lentera.app.request("/console/assets/console.js")).status).toBe(200);
    expect((await lentera.app.request("/console/assets/other.js")).status).toBe(404);
    const page = await lentera.app.request("/console/sign-in");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await page.text()).not.toMatch(/https?:\/\/(?!localhost)/);
  });
});
