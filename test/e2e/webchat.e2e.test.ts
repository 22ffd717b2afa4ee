import { expect, it } from "vitest";
import { describeBrowser, fixedPart, readLocale, useBrowserHarness } from "../support/browser.ts";
import {
  EXIT_PAGE,
  type ChatStrings,
  type WebStrings,
  openPhone,
  choice,
  botSays,
  personSays,
  typeAndSend,
  settle,
  bubbles,
  duplicatesOf,
  expectTapTarget,
  expectNoSideways,
  expectNoTrace,
  screenshot,
} from "./webchat-page.ts";

/**
 * The web chat page in a real Chromium against the real app: a phone-sized window, Indonesian and English,
 * quick replies, choosing by typing, the emergency keyword, reload, and both ways of quick exit.
 * Bot wording comes from the lead's locales/<lng>/chat.json, so copy edits do not break this test.
 *
 * Needs Chromium (`apt-get install -y chromium`, or CHROMIUM_PATH). SKIP_BROWSER_TESTS=1 skips it.
 * (English, a caseworker's reply by polling, Escape: webchat-english.e2e.test.ts)
 */

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
});
