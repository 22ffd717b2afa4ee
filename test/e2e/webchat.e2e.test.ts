import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect, it } from "vitest";
import { storeOutboundMessages } from "../../src/conversations/store-outbound.ts";
import {
  PHONE,
  SCREENSHOT_DIR,
  describeBrowser,
  fixedPart,
  readLocale,
  useBrowserHarness,
  type BrowserHarness,
} from "../support/browser.ts";

/**
 * The web chat page in a real Chromium against the real app: a phone-sized window, Indonesian and English,
 * quick replies, choosing by typing, the emergency keyword, reload, and both ways of quick exit.
 * Bot wording comes from the lead's locales/<lng>/chat.json, so copy edits do not break this test.
 *
 * Needs Chromium (`apt-get install -y chromium`, or CHROMIUM_PATH). SKIP_BROWSER_TESTS=1 skips it.
 */

const EXIT_PAGE = /^https:\/\/www\.google\.com\/search\?q=cuaca/;
const STEP_TIMEOUT_MS = 10_000;
// The page polls for new messages every 3 s. Each context runs on Playwright's clock (time flows as usual),
// and a test that waits for a poll runs the clock forward to it instead of waiting it out.
const CHAT_POLL_MS = 3_000;

type ChatStrings = {
  welcome: string;
  consent: { notice: string; accept: string };
  menu: { ask: string; guidance: string; contacts: string };
  nav: { menu: string };
  guidance: { ask: string; choice: { recruiter: string }; topics: { recruiter: string } };
  contacts: { intro: string };
  emergency: { now: string };
};
type WebStrings = {
  start: { button: string };
  exit: { button: string };
  chat: { placeholder: string; send: string };
  error: { send: string };
  author: { caseworker: string };
};
type Bubble = { author: string; text: string };

describeBrowser("web chat page (browser)", { timeout: 60_000 }, () => {
  const h = useBrowserHarness(60_000);

  it("runs a conversation in Bahasa Indonesia on a phone, survives a reload, and quick exit leaves no trace", async () => {
    const chat = readLocale<ChatStrings>("id", "chat");
    const web = readLocale<WebStrings>("id", "web");
    const { context, page, foreignRequests } = await openPhone(h.browser, h.server.url, "id-ID");

    await page.goto(h.server.url);
    await page.locator("#start").waitFor();
    expect(await page.getByRole("radio", { name: "Bahasa Indonesia" }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: "English" }).isChecked()).toBe(false);
    expect(await page.getAttribute("html", "lang")).toBe("id");
    await expectTapTarget(page.getByRole("button", { name: web.exit.button }));
    expect(await page.locator('footer a[href="tel:110"]').textContent()).toBe("110");
    expect(await page.locator('footer a[href="tel:112"]').textContent()).toBe("112");
    await screenshot(page, "id-start");

    await page.getByRole("button", { name: web.start.button }).click();
    await botSays(page, fixedPart(chat.consent.notice));
    const log = page.getByRole("log");
    expect(await log.getAttribute("aria-live")).toBe("polite");
    const accept = choice(page, chat.consent.accept);
    await expectTapTarget(accept);
    await expectNoSideways(page);
    await screenshot(page, "id-consent");

    await accept.click();
    await personSays(page, chat.consent.accept);
    await botSays(page, fixedPart(chat.menu.ask));
    await screenshot(page, "id-menu");

    await choice(page, chat.menu.guidance).click();
    await botSays(page, fixedPart(chat.guidance.ask));
    await choice(page, chat.guidance.choice.recruiter).click();
    await botSays(page, fixedPart(chat.guidance.topics.recruiter));
    await screenshot(page, "id-guidance");

    // Picking an option by typing its number: "2" in the main menu opens the help numbers.
    await choice(page, chat.nav.menu).click();
    await botSays(page, fixedPart(chat.menu.ask), 1);
    await typeAndSend(page, "2");
    await personSays(page, "2");
    await botSays(page, fixedPart(chat.contacts.intro));

    // A send that fails keeps the typed text and says so; sending again works.
    const messagesPost = (url: URL) => url.pathname.endsWith("/messages");
    await page.route(messagesPost, (route) =>
      route.request().method() === "POST" ? route.abort("internetdisconnected") : route.fallback(),
    );
    await typeAndSend(page, "darurat");
    await page.getByRole("alert").filter({ hasText: web.error.send }).waitFor();
    expect(await page.getByRole("textbox").inputValue()).toBe("darurat");
    expect(await page.locator("#log .message--person", { hasText: "darurat" }).count()).toBe(0);
    await screenshot(page, "id-send-failed");
    await page.unroute(messagesPost);
    await settle(page, () => page.getByRole("button", { name: web.chat.send }).click());
    expect(await page.locator("#chat-error").textContent()).toBe("");
    await botSays(page, fixedPart(chat.emergency.now));
    await page.locator("#log .message--bot", { hasText: "110" }).last().waitFor();
    expect(await page.getByRole("textbox").inputValue()).toBe("");
    await screenshot(page, "id-emergency");

    const live = await bubbles(page);
    expect(duplicatesOf(live)).toEqual([]);
    expect(live.filter((b) => b.author === "person").map((b) => b.text)).toEqual([
      chat.consent.accept,
      chat.menu.guidance,
      chat.guidance.choice.recruiter,
      chat.nav.menu,
      "2",
      "darurat",
    ]);

    // A reload restores the same transcript from the server, nothing lost and nothing twice.
    await page.reload();
    await botSays(page, fixedPart(chat.emergency.now));
    expect(await bubbles(page)).toEqual(live);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
    await screenshot(page, "id-restored");

    await page.getByRole("button", { name: web.exit.button }).click();
    await page.waitForURL(EXIT_PAGE);
    await expectNoTrace(page, h.server.url);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });

  it("pre-selects English for an English phone, shows a caseworker's reply by polling, and Escape twice exits", async () => {
    const chat = readLocale<ChatStrings>("en", "chat");
    const web = readLocale<WebStrings>("en", "web");
    const { context, page, foreignRequests } = await openPhone(h.browser, h.server.url, "en-US", "reduce");

    await page.goto(h.server.url);
    await page.locator("#start").waitFor();
    expect(await page.getByRole("radio", { name: "English" }).isChecked()).toBe(true);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("#danger").textContent()).toBe("In danger? Call 110 or 112");
    await screenshot(page, "en-start");

    await page.getByRole("button", { name: web.start.button }).click();
    await botSays(page, fixedPart(chat.consent.notice));
    await choice(page, chat.consent.accept).click();
    await botSays(page, fixedPart(chat.menu.ask));
    expect(await page.getByRole("textbox").getAttribute("placeholder")).toBe(web.chat.placeholder);
    await screenshot(page, "en-menu");

    // A caseworker writes from the console: the page picks it up by polling, once, labelled as a person.
    const reply = "Hi, I'm Rina from the Lentera team.\nWhere are you right now?";
    await writeAsCaseworker(h.server.lentera, await conversationIdOf(page), reply);
    await page.clock.runFor(CHAT_POLL_MS);
    const fromCaseworker = page.locator("#log .message--caseworker");
    await fromCaseworker.waitFor();
    expect(await fromCaseworker.locator(".message-author").innerText()).toBe(web.author.caseworker);
    expect(await fromCaseworker.locator(".message-text").textContent()).toBe(reply);
    await settle(page, () => typeAndSend(page, "thank you"));
    expect(await fromCaseworker.count()).toBe(1);
    await screenshot(page, "en-caseworker");

    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await page.waitForURL(EXIT_PAGE);
    await expectNoTrace(page, h.server.url);
    expect(foreignRequests()).toEqual([]);
    await context.close();
  });
});

/**
 * A phone-sized context. Nothing may leave the app's origin except quick exit, which gets a stand-in page
 * (the sandbox has no internet, and the test must not depend on Google).
 */
async function openPhone(
  browser: Browser,
  appUrl: string,
  locale: string,
  reducedMotion: "reduce" | "no-preference" = "no-preference",
) {
  const origin = new URL(appUrl).origin;
  const context: BrowserContext = await browser.newContext({ ...PHONE, locale, reducedMotion });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  await context.clock.install();
  const foreign: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    if (EXIT_PAGE.test(url) && route.request().isNavigationRequest()) {
      return route.fulfill({
        status: 200,
        contentType: "text/html",
        body: "<!doctype html><title>cuaca</title><p>cuaca</p>",
      });
    }
    foreign.push(url);
    return route.abort();
  });
  const page: Page = await context.newPage();
  return { context, page, foreignRequests: () => [...foreign] };
}

async function conversationIdOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const stored = Object.keys(sessionStorage).map(
      (key) => JSON.parse(sessionStorage.getItem(key) ?? "{}") as { conversationId?: string },
    );
    return stored.find((value) => value.conversationId)?.conversationId ?? "";
  });
}

/** Stores a caseworker message the way the console will: web chat reads it from the store. */
async function writeAsCaseworker(lentera: BrowserHarness["server"]["lentera"], conversationId: string, text: string) {
  await lentera.db.$transaction((tx) =>
    storeOutboundMessages(
      tx,
      { cipher: lentera.cipher, now: () => new Date() },
      { conversationId, channel: "web", author: "caseworker", messages: [{ text }] },
    ),
  );
}

function choice(page: Page, label: string) {
  return page.locator("#choices").getByRole("button", { name: label, exact: true });
}

async function botSays(page: Page, text: string, nth = 0) {
  await page.locator("#log .message--bot", { hasText: text }).nth(nth).waitFor();
}

async function personSays(page: Page, text: string) {
  await page
    .locator("#log .message--person .message-text", { hasText: new RegExp(`^${escapeRegExp(text)}$`) })
    .last()
    .waitFor();
}

async function typeAndSend(page: Page, text: string) {
  const box = page.getByRole("textbox");
  await box.fill(text);
  await box.press("Enter");
}

/** Runs a send, then waits for the poll that follows it, so any duplicate would already be on screen. */
async function settle(page: Page, action: () => Promise<void>) {
  const isMessages = (method: string) => (request: { method(): string; url(): string }) =>
    request.method() === method && new URL(request.url()).pathname.endsWith("/messages");
  const posted = page.waitForEvent("requestfinished", isMessages("POST"));
  await action();
  await posted;
  const polled = page.waitForEvent("requestfinished", isMessages("GET"));
  await page.clock.runFor(CHAT_POLL_MS);
  await polled;
  await page.waitForTimeout(200);
}

async function bubbles(page: Page): Promise<Bubble[]> {
  return page.locator("#log .message").evaluateAll((elements) =>
    elements.map((element) => ({
      author: (element as HTMLElement).dataset.author ?? "",
      text: element.querySelector(".message-text")?.textContent ?? "",
    })),
  );
}

/** Consecutive identical bubbles: what a reply rendered once from the POST and again from the poll looks like. */
function duplicatesOf(list: Bubble[]): Bubble[] {
  return list.filter(
    (bubble, index) => index > 0 && bubble.author !== "person" && bubble.text === list[index - 1]!.text,
  );
}

async function expectTapTarget(locator: ReturnType<Page["locator"]>) {
  const box = await locator.boundingBox();
  expect(box, "the element should be on screen").not.toBeNull();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeGreaterThanOrEqual(44);
}

async function expectNoSideways(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** After quick exit: Back does not return to the chat, and opening the page again in this tab starts fresh. */
async function expectNoTrace(page: Page, appUrl: string) {
  await page.goBack().catch(() => null);
  expect(page.url().startsWith(appUrl)).toBe(false);
  await page.goto(appUrl);
  await page.locator("#start").waitFor();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  expect(await page.locator("#log .message").count()).toBe(0);
  expect(await page.context().cookies()).toEqual([]);
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `${SCREENSHOT_DIR}webchat-${name}.png`, animations: "disabled" });
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
