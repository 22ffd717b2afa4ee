import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { browserTestsSkipped, CHROMIUM_PATH } from "./browser-tests-skipped.ts";
import { startAppServer, type AppServerOptions } from "./start-app-server.ts";

export { CHROMIUM_PATH };
export const SCREENSHOT_DIR = fileURLToPath(new URL("../../test-results/", import.meta.url));
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const LAPTOP = { viewport: { width: 1366, height: 768 } };
// Without the background-networking flags Chromium keeps dialling out, which this closed network refuses.
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * A PNG of the page, or of the whole page, in test-results/ (`name` without the extension), taken through
 * Chromium's own DevTools call with fast encoding. Playwright's `page.screenshot` waits out extra frames and,
 * for a whole page, resizes the view and back: 100 ms a screenshot of a phone's view and 540 ms of a whole
 * page, against 17 and 100 ms (one browser test file takes up to seven). The picture is in CSS pixels (a
 * phone's 390 px wide, not its 780 device pixels). Animations are finished first, as Playwright's
 * `animations: "disabled"` does, so a message is never caught half faded in.
 */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const size = await page.evaluate(() => {
    for (const animation of document.getAnimations()) {
      if (animation.effect?.getTiming().iterations === Infinity) animation.cancel();
      else animation.finish();
    }
    return { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight };
  });
  const devtools = await page.context().newCDPSession(page);
  try {
    const { data } = await devtools.send("Page.captureScreenshot", {
      format: "png",
      optimizeForSpeed: true,
      ...(options.fullPage ? { captureBeyondViewport: true, clip: { x: 0, y: 0, ...size, scale: 1 } } : {}),
    });
    await writeFile(`${SCREENSHOT_DIR}${name}.png`, Buffer.from(data, "base64"));
  } finally {
    await devtools.detach();
  }
}

/** `describe` for browser tests: skipped without Chromium (unless REQUIRE_BROWSER_TESTS=1) or with SKIP_BROWSER_TESTS=1. */
export const describeBrowser = browserTestsSkipped() ? describe.skip : describe;

export const readLocale = <T>(lng: "id" | "en", namespace: string): T =>
  JSON.parse(readFileSync(new URL(`../../locales/${lng}/${namespace}.json`, import.meta.url), "utf8")) as T;

/** The part of a bot text that is fixed: its first line up to any interpolation. */
export const fixedPart = (text: string) => text.split("\n")[0]!.split("{{")[0]!.trim();

export type BrowserHarness = { server: Awaited<ReturnType<typeof startAppServer>>; browser: Browser };

/**
 * The whole app on a fresh database and the worker's headless Chromium (sharedChromium), started side by side.
 * A missing Chromium here (REQUIRE_BROWSER_TESTS=1) is a failure with instructions; `close()` stops the app and
 * closes the file's browser contexts, whichever of the two came up.
 */
export async function startBrowserHarness(
  serverOptions: AppServerOptions = {},
): Promise<BrowserHarness & { close(): Promise<void> }> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium), set CHROMIUM_PATH, ` +
        "or unset REQUIRE_BROWSER_TESTS to skip the browser tests.",
    );
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const [started, launched] = await Promise.allSettled([startAppServer(serverOptions), sharedChromium()]);
  const close = async () => {
    // the file's pages and contexts go; the browser stays for the worker's next browser file
    if (launched.status === "fulfilled") await Promise.all(launched.value.contexts().map((context) => context.close()));
    if (started.status === "fulfilled") await started.value.close();
  };
  for (const result of [started, launched]) {
    if (result.status === "rejected") {
      await close();
      throw result.reason;
    }
  }
  return {
    server: (started as PromiseFulfilledResult<BrowserHarness["server"]>).value,
    browser: (launched as PromiseFulfilledResult<Browser>).value,
    close,
  };
}

/** Kept on globalThis: the test files of one worker share its process (vitest `isolate: false`). */
const CHROMIUM_KEY = Symbol.for("lentera.test.chromium");

/**
 * One Chromium per test worker, launched by its first browser file and used by the next ones (each file
 * works in browser contexts of its own, closed when it ends): launching one costs most of a second of CPU
 * per file. A browser that crashed or was closed is launched again. Nothing closes it: it ends with the
 * worker, which holds the other end of its DevTools pipe (so Playwright's own SIGTERM handling, which would
 * keep the worker from ending on vitest's SIGTERM, is turned off).
 */
async function sharedChromium(): Promise<Browser> {
  const store = globalThis as Record<symbol, Promise<Browser> | undefined>;
  const running = await store[CHROMIUM_KEY]?.catch(() => undefined);
  if (running?.isConnected()) return running;
  const launching = chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  store[CHROMIUM_KEY] = launching;
  return launching;
}

/**
 * Inside a describe block: the harness started before its tests and closed after them. The returned object
 * is filled in by `beforeAll`; read `server` and `browser` only inside tests.
 */
export function useBrowserHarness(startTimeoutMs: number, serverOptions: AppServerOptions = {}): BrowserHarness {
  let harness: Awaited<ReturnType<typeof startBrowserHarness>> | undefined;
  const current = () => {
    if (!harness) throw new Error("the browser harness is not started (read it inside a test)");
    return harness;
  };
  beforeAll(async () => {
    harness = await startBrowserHarness(serverOptions);
  }, startTimeoutMs);
  afterAll(() => harness?.close());
  return {
    get server() {
      return current().server;
    },
    get browser() {
      return current().browser;
    },
  };
}
