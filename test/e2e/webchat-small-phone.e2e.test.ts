import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { describeBrowser, readLocale, saveScreenshot, useBrowserHarness } from "../support/browser.ts";

/**
 * The person's side on a small phone (360×640), and with the keyboard open (360×360): the conversation
 * keeps at least half the screen, quick replies show their numbers and scroll with the log, a long reply
 * (the emergency numbers) is shown from its top, numbers are tel: and wa.me links, and a confirmed "hapus"
 * leaves nothing on screen or in storage. Screenshots: test-results/webchat-small-*.png.
 */
const SMALL = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

describeBrowser("web chat on a small phone (browser)", { timeout: 60_000 }, () => {
  const h = useBrowserHarness(60_000);

  it("360×640: story before the notice, 'ok', danger in Riyadh from the top, then 'hapus' → 'ya' clears everything", async () => {
    const web = readLocale<{ start: { button: string; erased: string } }>("id", "web");
    const context = await h.browser.newContext({ ...SMALL, locale: "id-ID" });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(h.server.url);
    await page.getByRole("button", { name: web.start.button }).click();
    await page.locator("#choices .choice-button").first().waitFor();
    expect(await page.locator("#choices .choice-button .choice-number").first().textContent()).toBe("1.");
    await expectHalfForLog(page);
    await screenshot(page, "small-consent");

    await send(page, "kak sy kerja di riyadh, majikan tahan paspor sy");
    await page.locator("#log .message--bot", { hasText: "belum kami simpan" }).last().waitFor();
    await send(page, "ok");
    await page.locator("#log .message--bot", { hasText: "Kami lanjut dari ceritamu tadi." }).last().waitFor();
    await screenshot(page, "small-story-used");

    await send(page, "tolong sy dikunci di kamar, majikan mau pukul sy");
    const block = page.locator("#log .message--bot", { hasText: "911" }).last();
    await block.waitFor();
    expect(await block.locator('a[href="tel:911"]').count()).toBe(1);
    expect(await page.locator('#log a[href^="https://wa.me/"]').count()).toBeGreaterThan(0);
    // The footer follows the country: Saudi Arabia's 911, no more 110/112.
    expect(await page.locator('footer a[href="tel:911"]').count()).toBe(1);
    expect(await page.locator('footer a[href="tel:110"]').count()).toBe(0);
    // The long reply is shown from its top: its first line is inside the visible part of the log.
    const [scroller, top] = await Promise.all([page.locator("#scroller").boundingBox(), block.boundingBox()]);
    expect(top!.y).toBeGreaterThanOrEqual(scroller!.y - 1);
    expect(top!.y).toBeLessThan(scroller!.y + scroller!.height);
    await screenshot(page, "small-emergency");

    // Keyboard open: the visible area shrinks; the conversation still has at least half of it.
    await page.setViewportSize({ width: 360, height: 360 });
    await page.getByRole("textbox").focus();
    await expectHalfForLog(page);
    await screenshot(page, "small-keyboard");
    await page.setViewportSize({ width: 360, height: 640 });

    await send(page, "hapus");
    await page.locator("#choices .choice-button").first().waitFor();
    await send(page, "ya");
    await page.locator("#start").waitFor();
    expect(await page.locator("#start-status").textContent()).toBe(web.start.erased);
    expect(await page.locator("#log .message").count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await page.locator('footer a[href="tel:110"]').count()).toBe(1);
    await page.reload();
    await page.locator("#start").waitFor();
    expect(await page.locator("#log .message").count()).toBe(0);
    await screenshot(page, "small-erased");
    await context.close();
  });
});

async function send(page: Page, text: string) {
  const box = page.getByRole("textbox");
  await box.fill(text);
  await box.press("Enter");
  await page.locator("#log .message--person", { hasText: text }).last().waitFor();
  await page.waitForFunction(() => !document.querySelector(".message--pending"));
}

async function expectHalfForLog(page: Page) {
  const { log, screen } = await page.evaluate(() => ({
    log: document.getElementById("scroller")!.getBoundingClientRect().height,
    screen: window.innerHeight,
  }));
  expect(log).toBeGreaterThanOrEqual(screen / 2);
}

async function screenshot(page: Page, name: string) {
  await saveScreenshot(page, `webchat-${name}`);
}
