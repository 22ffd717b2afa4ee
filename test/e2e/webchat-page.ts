import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { storeOutboundMessages } from "../../src/conversations/store-outbound.ts";
import { PHONE, saveScreenshot, type BrowserHarness } from "../support/browser.ts";

/** What the web chat page tests share (webchat.e2e.test.ts, webchat-english.e2e.test.ts): strings, a phone, steps. */
export const EXIT_PAGE = /^https:\/\/www\.google\.com\/search\?q=cuaca/;
export const STEP_TIMEOUT_MS = 10_000;
// The page polls for new messages every 3 s. Each context runs on Playwright's clock (time flows as usual),
// and a test that waits for a poll runs the clock forward to it instead of waiting it out.
export const CHAT_POLL_MS = 3_000;

export type ChatStrings = {
  welcome: string;
  consent: { notice: string; accept: string };
  menu: { ask: string; guidance: string; contacts: string };
  nav: { menu: string };
  guidance: { ask: string; choice: { recruiter: string }; topics: { recruiter: string } };
  contacts: { intro: string };
  emergency: { now: string };
};
export type WebStrings = {
  start: { button: string };
  exit: { button: string };
  chat: { placeholder: string; send: string };
  error: { send: string };
  author: { caseworker: string };
};
export type Bubble = { author: string; text: string };

/**
 * A phone-sized context. Nothing may leave the app's origin except quick exit, which gets a stand-in page
 * (the sandbox has no internet, and the test must not depend on Google).
 */
export async function openPhone(
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

export async function conversationIdOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const stored = Object.keys(sessionStorage).map(
      (key) => JSON.parse(sessionStorage.getItem(key) ?? "{}") as { conversationId?: string },
    );
    return stored.find((value) => value.conversationId)?.conversationId ?? "";
  });
}

/** Stores a caseworker message the way the console will: web chat reads it from the store. */
export async function writeAsCaseworker(
  lentera: BrowserHarness["server"]["lentera"],
  conversationId: string,
  text: string,
) {
  await lentera.db.$transaction((tx) =>
    storeOutboundMessages(
      tx,
      { cipher: lentera.cipher, now: () => new Date() },
      { conversationId, channel: "web", author: "caseworker", messages: [{ text }] },
    ),
  );
}

export function choice(page: Page, label: string) {
  return page.locator("#choices").getByRole("button", { name: label, exact: true });
}

export async function botSays(page: Page, text: string, nth = 0) {
  await page.locator("#log .message--bot", { hasText: text }).nth(nth).waitFor();
}

export async function personSays(page: Page, text: string) {
  await page
    .locator("#log .message--person .message-text", { hasText: new RegExp(`^${escapeRegExp(text)}$`) })
    .last()
    .waitFor();
}

export async function typeAndSend(page: Page, text: string) {
  const box = page.getByRole("textbox");
  await box.fill(text);
  await box.press("Enter");
}

/**
 * Runs a send, then waits for the poll that follows it and for the page to have drawn what that poll brought,
 * so any duplicate is already on screen: the page asks for the next poll only once it has drawn the last one
 * (chat/polling.js), so the clock is run forward until it asks.
 */
export async function settle(page: Page, action: () => Promise<void>) {
  const isMessages = (method: string) => (request: { method(): string; url(): string }) =>
    request.method() === method && new URL(request.url()).pathname.endsWith("/messages");
  const posted = page.waitForEvent("requestfinished", isMessages("POST"));
  await action();
  await posted;
  const polled = page.waitForEvent("requestfinished", isMessages("GET"));
  await page.clock.runFor(CHAT_POLL_MS);
  await polled;
  await nextPollAsked(page, isMessages("GET"));
}

/** Runs the page's clock forward, a poll interval at a time, until it sends the next poll. */
async function nextPollAsked(page: Page, isPoll: (request: { method(): string; url(): string }) => boolean) {
  let asked = false;
  const next = page.waitForEvent("request", isPoll).then(() => (asked = true));
  // the page schedules its next poll a moment after the last one's answer arrived: until then, running the
  // clock finds no timer to fire, so it is run again
  for (let step = 0; !asked && step < 50; step++) {
    await page.clock.runFor(CHAT_POLL_MS);
    await Promise.race([next, new Promise((resolve) => setTimeout(resolve, 20))]);
  }
  await next;
}

export async function bubbles(page: Page): Promise<Bubble[]> {
  return page.locator("#log .message").evaluateAll((elements) =>
    elements.map((element) => ({
      author: (element as HTMLElement).dataset.author ?? "",
      text: element.querySelector(".message-text")?.textContent ?? "",
    })),
  );
}

/** Consecutive identical bubbles: what a reply rendered once from the POST and again from the poll looks like. */
export function duplicatesOf(list: Bubble[]): Bubble[] {
  return list.filter(
    (bubble, index) => index > 0 && bubble.author !== "person" && bubble.text === list[index - 1]!.text,
  );
}

export async function expectTapTarget(locator: ReturnType<Page["locator"]>) {
  const box = await locator.boundingBox();
  expect(box, "the element should be on screen").not.toBeNull();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeGreaterThanOrEqual(44);
}

export async function expectNoSideways(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** After quick exit: Back does not return to the chat, and opening the page again in this tab starts fresh. */
export async function expectNoTrace(page: Page, appUrl: string) {
  await page.goBack().catch(() => null);
  expect(page.url().startsWith(appUrl)).toBe(false);
  await page.goto(appUrl);
  await page.locator("#start").waitFor();
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  expect(await page.locator("#log .message").count()).toBe(0);
  expect(await page.context().cookies()).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  await saveScreenshot(page, `webchat-${name}`);
}

export function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
