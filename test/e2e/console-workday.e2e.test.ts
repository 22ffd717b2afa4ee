import { expect, it } from "vitest";
import { claimTicket } from "../../src/casework/claim-ticket.ts";
import { saveCaseworker } from "../../src/casework/save-caseworker.ts";
import type { CaseworkContext } from "../../src/casework/casework-context.ts";
import { describeBrowser, readLocale, useBrowserHarness } from "../support/browser.ts";
import { openSite, screenshotConsole, signInToConsole } from "../support/console-browser.ts";
import { addTicket } from "../console/support.ts";
import { startChat } from "../support/webchat-client.ts";

/**
 * A caseworker's day in a real Chromium (English console): an admin invites a caseworker, who sets a
 * password through the one-time link and signs in; the admin writes a canned reply; the caseworker finds a
 * ticket by its reference, inserts the canned reply, turns on notifications and is told — a browser
 * notification and an unread count — when the person writes. Screenshots go to test-results/.
 */

const STEP_TIMEOUT_MS = 20_000;
/** English console; the live stream and the notifications come in the page's own time */
const EN_REAL_TIME = { lang: "en", realClock: true, stepTimeoutMs: STEP_TIMEOUT_MS } as const;
const ADMIN = { email: "admin@example.org", password: "an admin password" };
const ui = readLocale<{
  queue: { title: string };
  nav: { search: string; notify_on: string; notify_off: string; sound_on: string; sound_off: string };
  accounts: { name: string; email: string };
}>("en", "console");
const wd = readLocale<{
  search: { q: string; submit: string };
  accounts: { invite_submit: string };
  me: { new: string };
  welcome: { submit: string };
  canned: { title_label: string; text_id: string; text_en: string; add: string; pick: string; insert: string };
}>("en", "workday");

describeBrowser("a caseworker's day in the console (browser)", { timeout: 180_000 }, () => {
  // The live stream sees a message in a conversation no caseworker joined at its next look: every 5 s in
  // production, every 100 ms here.
  const h = useBrowserHarness(90_000, { liveCheckMs: 100 });

  it("invite, canned reply, search, live notification and unread count", async () => {
    const lentera = h.server.lentera;
    await saveCaseworker(lentera.db, { ...ADMIN, name: "Admin", role: "admin" }, { type: "cli" });

    // The admin invites Sari and writes a canned reply.
    const admin = await openSite(h.browser, h.server.url, EN_REAL_TIME);
    await signInToConsole(admin.page, h.server.url, "en", ADMIN.email, ADMIN.password);
    await admin.page.goto(`${h.server.url}/console/admin/accounts`);
    await admin.page.getByLabel(ui.accounts.name).last().fill("Sari");
    await admin.page.getByLabel(ui.accounts.email).last().fill("sari@example.org");
    await admin.page.getByRole("button", { name: wd.accounts.invite_submit }).click();
    const link = await admin.page.locator("input.one-time-link").inputValue();
    expect(link).toMatch(/\/console\/welcome\/[A-Za-z0-9_-]+$/);
    await admin.page.goto(`${h.server.url}/console/admin/canned`);
    await admin.page.getByLabel(wd.canned.title_label).last().fill("Your reference");
    await admin.page.getByLabel(wd.canned.text_id).last().fill("Nomor rujukanmu {{reference}}. Saya {{caseworker}}.");
    await admin.page.getByLabel(wd.canned.text_en).last().fill("Your reference is {{reference}}. I am {{caseworker}}.");
    await admin.page.getByRole("button", { name: wd.canned.add }).click();

    // Sari sets her password with the link and signs in.
    const sari = await openSite(h.browser, h.server.url, EN_REAL_TIME);
    await sari.context.grantPermissions(["notifications"], { origin: new URL(h.server.url).origin });
    await sari.context.addInitScript(() => {
      const shown: string[] = [];
      (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
      class RecordingNotification {
        static permission = "granted";
        static requestPermission = () => Promise.resolve("granted");
        onclick: (() => void) | null = null;
        constructor(title: string, options?: { body?: string }) {
          shown.push(`${title}: ${options?.body ?? ""}`);
        }
      }
      (window as unknown as { Notification: unknown }).Notification = RecordingNotification;
      // the sound: how many audio contexts the page makes and how many beeps it starts
      const sound = { contexts: 0, beeps: 0 };
      (window as unknown as { sound: typeof sound }).sound = sound;
      class RecordingAudioContext {
        state = "running";
        currentTime = 0;
        destination = {};
        constructor() {
          sound.contexts += 1;
        }
        resume() {
          return Promise.resolve();
        }
        createGain() {
          return { gain: { value: 0 }, connect() {} };
        }
        createOscillator() {
          return { frequency: { value: 0 }, connect() {}, start: () => (sound.beeps += 1), stop() {} };
        }
      }
      (window as unknown as { AudioContext: unknown }).AudioContext = RecordingAudioContext;
    });
    await sari.page.goto(link);
    await sari.page.getByLabel(wd.me.new).fill("sari's long password");
    await sari.page.getByRole("button", { name: wd.welcome.submit }).click();
    await signInToConsole(sari.page, h.server.url, "en", "sari@example.org", "sari's long password");

    // A person writes in the web chat (in English) and agrees to the notice; their ticket goes to Sari.
    const chat = await startChat(lentera.app, "en");
    const accept = chat.replies.flatMap((r) => r.choices ?? []).find((c) => /accept|agree|consent/.test(c.id));
    if (accept) await chat.tap(accept.id);
    const ticket = await addTicket(lentera, chat.conversationId, { type: "talk_to_person" });
    const account = await lentera.db.caseworker.findUniqueOrThrow({ where: { email: "sari@example.org" } });
    const ctx: CaseworkContext = {
      db: lentera.db,
      cipher: lentera.cipher,
      t: lentera.t,
      now: () => new Date(),
      actor: account,
    };
    await claimTicket(ctx, { reference: ticket.reference });

    // Search by reference, typed in lower case, and open the ticket.
    await sari.page.getByRole("link", { name: ui.nav.search }).click();
    await sari.page.getByLabel(wd.search.q).fill(ticket.reference.toLowerCase());
    await sari.page.getByRole("button", { name: wd.search.submit, exact: true }).click();
    await screenshotConsole(sari.page, "search");
    await sari.page.getByRole("link", { name: ticket.reference }).click();
    await sari.page.waitForURL(`**/console/tickets/${ticket.reference}`);

    // Insert the canned reply: filled in for this ticket, in the person's language.
    await sari.page.getByLabel(wd.canned.pick).selectOption({ label: "Your reference" });
    await sari.page.getByRole("button", { name: wd.canned.insert }).click();
    await expect
      .poll(() => sari.page.locator("#reply-text").inputValue())
      .toBe(`Your reference is ${ticket.reference}. I am Sari.`);
    await screenshotConsole(sari.page, "canned-reply");

    // Notifications on; the person writes; Sari is told at once and the queue shows an unread count.
    await sari.page.goto(`${h.server.url}/console/queue`);
    await sari.page.getByRole("heading", { name: ui.queue.title }).waitFor();
    await sari.page.getByRole("button", { name: ui.nav.notify_on }).click();
    await sari.page.getByRole("button", { name: ui.nav.notify_off }).waitFor();
    await sari.page.getByRole("button", { name: ui.nav.sound_on }).click();
    await sari.page.getByRole("button", { name: ui.nav.sound_off }).waitFor();
    // the click itself makes the audio context: a beep that comes later from the stream may then sound
    expect(await sari.page.evaluate(() => (window as unknown as { sound: object }).sound)).toEqual({
      contexts: 1,
      beeps: 0,
    });
    await chat.say("hello, is anyone there? I need help with my passport");
    await expect
      .poll(
        () => sari.page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications),
        {
          timeout: 15_000,
        },
      )
      .toEqual(expect.arrayContaining([expect.stringContaining(ticket.reference)]));
    const badge = sari.page.locator(`[data-unread="${ticket.reference}"]`);
    await expect.poll(() => badge.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(Number(await badge.innerText())).toBeGreaterThan(0);
    await expect.poll(() => sari.page.title()).toMatch(/^\(\d+\) /);
    // a beep, from the one audio context the sound button's click made (browsers allow audio after a click)
    const sound = await sari.page.evaluate(() => (window as unknown as { sound: object }).sound);
    expect(sound).toEqual({ contexts: 1, beeps: expect.any(Number) });
    expect((sound as { beeps: number }).beeps).toBeGreaterThan(0);
    await screenshotConsole(sari.page, "unread");

    expect(admin.foreignRequests()).toEqual([]);
    expect(sari.foreignRequests()).toEqual([]);
    await admin.context.close();
    await sari.context.close();
  });
});
