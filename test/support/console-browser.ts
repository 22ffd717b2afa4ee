import type { Browser, BrowserContext, Page } from "playwright-core";
import { LAPTOP, PHONE, readLocale, saveScreenshot } from "./browser.ts";

const STEP_TIMEOUT_MS = 15_000;

/**
 * A browser context for the console (laptop) or the web chat (phone) in one language, on Playwright's clock
 * (time flows as usual; a test runs it forward to a poll instead of waiting), where nothing may leave the
 * site: `foreignRequests()` lists what tried. `realClock: true` leaves the page's time alone (a test that waits for
 * media to play, or for the live stream as it comes).
 */
export async function openSite(
  browser: Browser,
  appUrl: string,
  options: { lang: "id" | "en"; device?: "laptop" | "phone"; realClock?: boolean; stepTimeoutMs?: number },
) {
  const origin = new URL(appUrl).origin;
  const device = options.device === "phone" ? PHONE : LAPTOP;
  const context: BrowserContext = await browser.newContext({
    ...device,
    locale: options.lang === "id" ? "id-ID" : "en-GB",
  });
  context.setDefaultTimeout(options.stepTimeoutMs ?? STEP_TIMEOUT_MS);
  if (!options.realClock) await context.clock.install();
  await context.addCookies([{ name: "lentera_console_lang", value: options.lang, url: `${origin}/console` }]);
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

/** Signs in to the console with the sign-in page's own labels, and waits for the queue. */
export async function signInToConsole(page: Page, url: string, lang: "id" | "en", email: string, password: string) {
  const ui = readLocale<{ sign_in: { email: string; password: string; submit: string }; queue: { title: string } }>(
    lang,
    "console",
  );
  await page.goto(`${url}/console/sign-in`);
  await page.getByLabel(ui.sign_in.email).fill(email);
  await page.getByLabel(ui.sign_in.password).fill(password);
  await page.getByRole("button", { name: ui.sign_in.submit }).click();
  await page.getByRole("heading", { name: ui.queue.title }).waitFor();
}

export async function screenshotConsole(page: Page, name: string) {
  await saveScreenshot(page, `console-${name}`, { fullPage: true });
}
