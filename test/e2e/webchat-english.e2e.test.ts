import { expect, it } from "vitest";
import { describeBrowser, fixedPart, readLocale, useBrowserHarness } from "../support/browser.ts";
import {
  EXIT_PAGE,
  CHAT_POLL_MS,
  type ChatStrings,
  type WebStrings,
  openPhone,
  conversationIdOf,
  writeAsCaseworker,
  choice,
  botSays,
  typeAndSend,
  settle,
  expectNoTrace,
  screenshot,
} from "./webchat-page.ts";

/**
 * The web chat page in a real Chromium, in English: pre-selected for an English phone, a caseworker's reply
 * picked up by polling, and Escape twice to exit (the Indonesian conversation: webchat.e2e.test.ts).
 *
 * Needs Chromium (`apt-get install -y chromium`, or CHROMIUM_PATH). SKIP_BROWSER_TESTS=1 skips it.
 */

describeBrowser("web chat page (browser)", { timeout: 60_000 }, () => {
  const h = useBrowserHarness(60_000);

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
