import { existsSync } from "node:fs";

/** Debian's Chromium, driven by playwright-core (no browser download); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Why the headless-browser tests do not run here, or undefined when they do. `npm test` must pass on a fresh
 * machine, so a missing Chromium skips them (global-setup prints one loud line saying how to enable them);
 * `REQUIRE_BROWSER_TESTS=1` (CI) makes a missing Chromium a failure instead, and `SKIP_BROWSER_TESTS=1`
 * skips them on purpose.
 */
export function browserTestsSkipped(
  env: Record<string, string | undefined> = process.env,
  chromiumPath = CHROMIUM_PATH,
): string | undefined {
  if (env.SKIP_BROWSER_TESTS === "1") return "SKIP_BROWSER_TESTS=1";
  if (env.REQUIRE_BROWSER_TESTS === "1" || existsSync(chromiumPath)) return undefined;
  return (
    `Chromium not found at ${chromiumPath}. To run them: apt-get install -y chromium (or set CHROMIUM_PATH); ` +
    "REQUIRE_BROWSER_TESTS=1 makes a missing Chromium fail the run."
  );
}
