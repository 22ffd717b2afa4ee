import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect, it } from "vitest";
import { saveCaseworker } from "../../src/casework/save-caseworker.ts";
import {
  LAPTOP,
  PHONE,
  saveScreenshot,
  describeBrowser,
  fixedPart,
  readLocale,
  useBrowserHarness,
} from "../support/browser.ts";
import { addConversation, addTicket } from "../console/support.ts";

/**
 * The console and the handoff in a real Chromium against the real app: a person asks for a person in the
 * web chat (phone); a caseworker signs in (laptop), sees the ticket at the top of the queue, claims it and
 * replies; the person sees the reply and answers; the caseworker sees the answer, hands back and closes
 * with an outcome. Screenshots of the queue and the ticket page at laptop and phone width go to
 * test-results/. Wording comes from locales/, so copy edits do not break the test.
 *
 * Needs Chromium (`apt-get install -y chromium`, or CHROMIUM_PATH). SKIP_BROWSER_TESTS=1 skips it.
 */

const STEP_TIMEOUT_MS = 15_000;
// The pages poll: the web chat every 3 s, the ticket's transcript every 4 s, the queue every 15 s. Each
// context runs on Playwright's clock (time flows as usual) and a test runs it forward to the next poll
// instead of waiting for it.
const CHAT_POLL_MS = 3_000;
const TRANSCRIPT_POLL_MS = 4_000;
const QUEUE_POLL_MS = 15_000;
const EMAIL = "rina@example.org";
const PASSWORD = "a long console password";

const chat = readLocale<{ consent: { notice: string; accept: string }; menu: { ask: string } }>("id", "chat");
const talk = readLocale<{ menu: string; opened: string }>("id", "talk");
const web = readLocale<{ start: { button: string } }>("id", "web");
const handoff = readLocale<{ joined: string; left: string }>("id", "handoff");
const ui = readLocale<{
  sign_in: { email: string; password: string; submit: string };
  queue: { title: string };
  ticket: { claim: string; reply_label: string; send: string; hand_back: string; outcome_label: string; close: string };
  outcomes: Record<string, string>;
  statuses: Record<string, string>;
  flash: Record<string, string>;
}>("id", "console");

describeBrowser("console and handoff (browser)", { timeout: 120_000 }, () => {
  const h = useBrowserHarness(90_000);

  it("a person asks for a person; a caseworker claims, replies, reads the answer, hands back and closes", async () => {
    const lentera = h.server.lentera;
    await saveCaseworker(
      lentera.db,
      { email: EMAIL, name: "Rina Wulandari", role: "caseworker", password: PASSWORD },
      { type: "cli" },
    );
    // An older, low-priority ticket: the person's ticket must still come first.
    await addTicket(lentera, (await addConversation(lentera)).id, { type: "recruiter_report", priority: "low" });

    // The person, on a phone, in Bahasa Indonesia.
    const person = await openContext(h.browser, h.server.url, { ...PHONE, locale: "id-ID" });
    await person.page.goto(h.server.url);
    await person.page.getByRole("button", { name: web.start.button }).click();
    await botSays(person.page, fixedPart(chat.consent.notice));
    await choice(person.page, chat.consent.accept).click();
    await botSays(person.page, fixedPart(chat.menu.ask));
    await choice(person.page, talk.menu).click();
    await botSays(person.page, fixedPart(talk.opened));
    const opened = await person.page.locator("#log .message--bot", { hasText: fixedPart(talk.opened) }).innerText();
    const reference =
      /([A-Z0-9]+-[A-Z0-9]+)/.exec(opened.split(":").at(-1) ?? "")?.[1] ??
      (await lentera.db.ticket.findFirstOrThrow({ where: { type: "talk_to_person" } })).reference;

    // The caseworker, on a laptop: sign in, the queue, the ticket at the top.
    const caseworker = await openContext(h.browser, h.server.url, { ...LAPTOP, locale: "id-ID" });
    const page = caseworker.page;
    await page.goto(`${h.server.url}/console`);
    await page.getByLabel(ui.sign_in.email).fill(EMAIL);
    await page.getByLabel(ui.sign_in.password).fill(PASSWORD);
    await page.getByRole("button", { name: ui.sign_in.submit }).click();
    await page.getByRole("heading", { name: ui.queue.title }).waitFor();
    const rows = page.locator("table.queue tbody tr");
    expect(await rows.first().getAttribute("data-reference")).toBe(reference);
    expect(await rows.count()).toBe(2);
    await screenshot(page, "queue-laptop");

    await rows.first().getByRole("link", { name: reference }).click();
    await page.getByRole("button", { name: ui.ticket.claim, exact: true }).click();
    await page.getByText(ui.flash.claimed!).waitFor();
    const reply = "Halo, saya Rina dari tim Lentera. Apakah Anda aman sekarang?";
    await page.getByLabel(ui.ticket.reply_label).fill(reply);
    await page.getByRole("button", { name: ui.ticket.send, exact: true }).click();
    await page.getByText(ui.flash.sent!).waitFor();
    await person.page.clock.runFor(CHAT_POLL_MS);

    // The person sees that a person joined, and the reply.
    await person.page
      .locator("#log .message", { hasText: fixedPart(handoff.joined.replace("{{name}}", "Rina")) })
      .waitFor();
    const fromCaseworker = person.page.locator("#log .message--caseworker .message-text", { hasText: reply });
    await fromCaseworker.waitFor();
    const answer = "Iya kak, saya aman. Paspor saya ditahan majikan.";
    await person.page.getByRole("textbox").fill(answer);
    const answered = person.page.waitForResponse(
      (response) => response.request().method() === "POST" && response.url().endsWith("/messages"),
    );
    await person.page.getByRole("textbox").press("Enter");
    await answered;
    await page.clock.runFor(TRANSCRIPT_POLL_MS);

    // The caseworker's page shows the answer without a reload.
    await page.locator("#transcript .msg-person", { hasText: answer }).waitFor();
    await screenshot(page, "ticket-laptop");

    // Phone width, same pages.
    await page.setViewportSize(PHONE.viewport);
    expect(await noSideways(page)).toBe(true);
    await screenshot(page, "ticket-phone", true);
    await page.goto(`${h.server.url}/console/queue`);
    await page.getByRole("heading", { name: ui.queue.title }).waitFor();
    expect(await noSideways(page)).toBe(true);
    await screenshot(page, "queue-phone", true);
    await page.setViewportSize(LAPTOP.viewport);

    // Hand back, then close with an outcome.
    await page.goto(`${h.server.url}/console/tickets/${reference}`);
    await page.getByRole("button", { name: ui.ticket.hand_back }).click();
    await page.getByText(ui.flash.handed_back!).waitFor();
    await person.page.clock.runFor(CHAT_POLL_MS);
    await person.page.locator("#log .message", { hasText: fixedPart(handoff.left) }).waitFor();
    await page.getByLabel(ui.ticket.outcome_label).selectOption("supported");
    await page.getByRole("button", { name: ui.ticket.close }).click();
    await page.getByText(ui.flash.status!).waitFor();
    expect(await page.locator("[data-status]").innerText()).toBe(ui.statuses.closed);
    expect(await lentera.db.ticket.findUniqueOrThrow({ where: { reference } })).toMatchObject({
      status: "closed",
      outcome: "supported",
    });

    // On the queue page, a new urgent ticket raises an alert without anyone reloading (its refresh is run
    // forward instead of waited out).
    await page.goto(`${h.server.url}/console/queue`);
    await page.getByRole("heading", { name: ui.queue.title }).waitFor();
    const urgent = await addTicket(lentera, (await addConversation(lentera)).id, {
      type: "emergency",
      priority: "urgent",
    });
    await page.clock.runFor(QUEUE_POLL_MS + 1_000);
    const alert = page.locator("#urgent-alert");
    await alert.waitFor({ state: "visible", timeout: 40_000 });
    expect(await alert.innerText()).toContain(urgent.reference);
    expect(await page.locator("table.queue tbody tr").first().getAttribute("data-reference")).toBe(urgent.reference);
    await screenshot(page, "queue-urgent-alert-laptop");
    expect(caseworker.foreignRequests()).toEqual([]);
    expect(person.foreignRequests()).toEqual([]);
    await person.context.close();
    await caseworker.context.close();
  });
});

async function openContext(browser: Browser, appUrl: string, options: Parameters<Browser["newContext"]>[0]) {
  const origin = new URL(appUrl).origin;
  const context: BrowserContext = await browser.newContext(options);
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  await context.clock.install();
  const foreign: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  const page: Page = await context.newPage();
  return { context, page, foreignRequests: () => [...foreign] };
}

function choice(page: Page, label: string) {
  return page.locator("#choices").getByRole("button", { name: label, exact: true });
}

async function botSays(page: Page, text: string) {
  await page.locator("#log .message--bot", { hasText: text }).first().waitFor();
}

async function noSideways(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

async function screenshot(page: Page, name: string, fullPage = false) {
  await saveScreenshot(page, `console-${name}`, { fullPage });
}
