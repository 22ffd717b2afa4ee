import { afterAll, beforeAll, describe, expect, it } from "vitest";
import consoleEn from "../../locales/en/console.json" with { type: "json" };
import consoleId from "../../locales/id/console.json" with { type: "json" };
import whatsappEn from "../../locales/en/whatsapp.json" with { type: "json" };
import whatsappId from "../../locales/id/whatsapp.json" with { type: "json" };
import { createFakeWhatsApp } from "../channels/whatsapp/fake-whatsapp.ts";
import { until } from "../channels/whatsapp/support.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { addCaseworker, consoleClient } from "./support.ts";

const QR = "2@PAGEQRREF,NOISE,IDENTITY,ADV";
const ORG_JID = "6281234567890:9@s.whatsapp.net";

/** Text as Hono JSX prints it inside a page. */
const html = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/** /console/admin/whatsapp: the link's state and, while unlinked, the QR code, for admins only. */
describe("WhatsApp page in the console (WHATSAPP_ENABLED=true)", () => {
  const fake = createFakeWhatsApp();
  let lentera: TestLentera;
  beforeAll(async () => {
    lentera = await createTestLentera({ env: { WHATSAPP_ENABLED: "true" }, whatsappSocketFactory: fake.factory });
    await until(() => fake.sockets.length === 1, "the socket");
  }, 120_000);
  afterAll(async () => lentera?.close());

  const signedIn = async (role: "caseworker" | "supervisor" | "admin") => {
    const { email, caseworker } = await addCaseworker(lentera, role);
    const client = consoleClient(lentera.app);
    await client.signIn(email);
    return { client, caseworker };
  };

  it("shows admins the state and, while unlinked, the QR code as inline SVG that refreshes itself", async () => {
    const { client } = await signedIn("admin");
    const waiting = await client.get("/console/admin/whatsapp");
    expect(waiting.res.status).toBe(200);
    expect(waiting.body).toContain(whatsappId.status.connecting);
    expect(waiting.body).toContain(consoleId.whatsapp.notes.waiting);
    expect(waiting.body).not.toContain("<svg");
    const before = (await (
      await lentera.app.request("/console/admin/whatsapp/poll", { headers: { cookie: cookieOf(client) } })
    ).json()) as { state: string; signature: string };
    expect(before.state).toBe("connecting");

    fake.current().showQr(QR);
    await until(() => lentera.getWhatsAppStatus().state === "qr", "qr");
    const page = await client.get("/console/admin/whatsapp");
    expect(page.res.status).toBe(200);
    expect(page.body).toContain(whatsappId.status.qr);
    expect(page.body).toContain(consoleId.whatsapp.scan_steps);
    expect(page.body).toContain(html(consoleId.whatsapp.qr_private));
    expect(page.body).toContain(consoleId.whatsapp.refreshes);
    expect(page.body).toMatch(
      /<div class="qr"><svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"[^>]*role="img"><title>[^<]+<\/title><rect [^>]*fill="#fff"\/><path d="M[^"]+" fill="#000"\/><\/svg><\/div>/,
    );
    // no inline style (the CSP forbids it) and no inline script
    expect(page.body).not.toMatch(/style=|<style|<script>|<script [^>]*>[^<]/);
    expect(page.res.headers.get("content-security-policy")).toContain("style-src 'self'");
    // the same refresh mechanism as the queue: console.js polls, <noscript> refreshes
    expect(page.body).toContain('data-page="whatsapp"');
    expect(page.body).toContain('data-poll="/console/admin/whatsapp/poll"');
    expect(page.body).toMatch(/<noscript><meta http-equiv="refresh" content="\d+"\/?><\/noscript>/);
    // the poll says something changed, without the code itself
    const poll = await lentera.app.request("/console/admin/whatsapp/poll", {
      headers: { cookie: cookieOf(client), "x-lentera-poll": "1" },
    });
    const polled = await poll.text();
    expect(JSON.parse(polled)).toMatchObject({ state: "qr" });
    expect(JSON.parse(polled).signature).not.toBe(before.signature);
    expect(polled).not.toContain("PAGEQRREF");
    // English, one click away
    await client.post("/console/language", { lang: "en", back: "/console/admin/whatsapp" });
    const english = await client.get("/console/admin/whatsapp");
    expect(english.body).toContain(html(whatsappEn.status.qr));
    expect(english.body).toContain(html(consoleEn.whatsapp.scan_steps));
    expect(english.body).toContain("Linked devices → Link a device");
    // the admin navigation links the page
    expect(english.body).toContain(`<a href="/console/admin/whatsapp">${consoleEn.nav.whatsapp}</a>`);
  });

  it("refuses caseworkers and supervisors like every admin page, and never shows them the code", async () => {
    for (const role of ["caseworker", "supervisor"] as const) {
      const { client } = await signedIn(role);
      const queue = await client.get("/console/queue");
      expect(queue.body).not.toContain("/console/admin/whatsapp");
      const page = await client.get("/console/admin/whatsapp");
      expect(page.res.status).toBe(403);
      expect(page.body).toContain(consoleId.errors.denied.admin);
      expect(page.body).not.toContain("<svg");
      expect((await client.get("/console/admin/whatsapp/poll")).res.status).toBe(403);
      const sockets = fake.sockets.length;
      expect((await client.post("/console/admin/whatsapp/relink", { confirm: "1" })).res.status).toBe(403);
      expect(fake.sockets).toHaveLength(sockets);
    }
    expect(await lentera.db.auditEvent.count({ where: { action: "whatsapp.relink" } })).toBe(0);
  });

  it("once linked, shows the counters and a relink form that needs the CSRF token and a confirmation, and is audited", async () => {
    const { client, caseworker } = await signedIn("admin");
    Object.assign(fake.auths.at(-1)!.creds, { me: { id: ORG_JID, name: "Lentera" }, registered: true });
    fake.current().open();
    await until(() => lentera.getWhatsAppStatus().state === "open", "open");
    const page = await client.get("/console/admin/whatsapp");
    expect(page.body).toContain(whatsappId.status.open);
    expect(page.body).not.toContain("<svg");
    expect(page.body).toContain(consoleId.whatsapp.counters.received);
    expect(page.body).toContain(consoleId.whatsapp.relink_confirm);
    expect(page.body).toContain('action="/console/admin/whatsapp/relink"');
    // the organisation's number and chat ids are never printed
    expect(page.body).not.toContain("6281234567890");
    expect(page.body).not.toContain("@s.whatsapp.net");

    const sockets = fake.sockets.length;
    const token = client.csrf;
    client.csrf = "forged-token-forged-token-forged1";
    const forged = await client.post("/console/admin/whatsapp/relink", { confirm: "1" });
    expect(forged.res.status).toBe(403);
    expect(forged.body).toContain(consoleId.errors.csrf);
    client.csrf = token;
    const crossSite = await client.post(
      "/console/admin/whatsapp/relink",
      { confirm: "1" },
      { origin: "https://evil.example" },
    );
    expect(crossSite.res.status).toBe(403);
    const unconfirmed = await client.post("/console/admin/whatsapp/relink");
    expect(unconfirmed.res.status).toBe(400);
    expect(unconfirmed.body).toContain(consoleId.whatsapp.relink_confirm_missing);
    expect(lentera.getWhatsAppStatus().state).toBe("open");
    expect(fake.sockets).toHaveLength(sockets);
    expect(await lentera.db.auditEvent.count({ where: { action: "whatsapp.relink" } })).toBe(0);

    const relinked = await client.post("/console/admin/whatsapp/relink", { confirm: "1" });
    expect(relinked.res.status).toBe(303);
    expect(relinked.res.headers.get("location")).toBe("/console/admin/whatsapp?done=whatsapp_relinked");
    const audit = await lentera.db.auditEvent.findMany({ where: { action: "whatsapp.relink" } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorType: "caseworker",
        actorId: caseworker.id,
        subjectType: "whatsapp",
        meta: { previousState: "open" },
      }),
    ]);
    await until(() => fake.sockets.length === sockets + 1, "a new socket");
    expect(fake.sockets[sockets - 1]!.ended).toBe(true);
    expect(await lentera.db.whatsAppAuth.count()).toBe(0);
    fake.current().showQr(QR);
    await until(() => lentera.getWhatsAppStatus().state === "qr", "a new QR code");
    const after = await client.get("/console/admin/whatsapp?done=whatsapp_relinked");
    expect(after.body).toContain(consoleId.flash.whatsapp_relinked);
    expect(after.body).toContain("<svg");
    // nothing to relink while a QR code is waiting to be scanned
    expect(after.body).not.toContain('action="/console/admin/whatsapp/relink"');
    expect((await client.post("/console/admin/whatsapp/relink", { confirm: "1" })).res.status).toBe(409);
    expect(await lentera.db.auditEvent.count({ where: { action: "whatsapp.relink" } })).toBe(1);
  });
});

describe("WhatsApp page in the console (WhatsApp off)", () => {
  let lentera: TestLentera;
  beforeAll(async () => {
    lentera = await createTestLentera();
  }, 120_000);
  afterAll(async () => lentera?.close());

  it("says WhatsApp is off and how to turn it on, with nothing to relink", async () => {
    const { email } = await addCaseworker(lentera, "admin");
    const client = consoleClient(lentera.app);
    await client.signIn(email);
    const page = await client.get("/console/admin/whatsapp");
    expect(page.res.status).toBe(200);
    expect(page.body).toContain(whatsappId.status.disabled);
    expect(page.body).toContain(consoleId.whatsapp.disabled_how);
    expect(page.body).toContain("<code>WHATSAPP_ENABLED=true</code>");
    expect(page.body).not.toContain("<svg");
    expect(page.body).not.toContain('action="/console/admin/whatsapp/relink"');
    expect((await client.post("/console/admin/whatsapp/relink", { confirm: "1" })).res.status).toBe(409);
    expect(await lentera.db.auditEvent.count({ where: { action: "whatsapp.relink" } })).toBe(0);
  });
});

function cookieOf(client: ReturnType<typeof consoleClient>): string {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}
