import { expect, test } from "vitest";
import { browserTestsSkipped } from "../support/browser-tests-skipped.ts";

test("browser tests: skipped without Chromium (saying how to enable them), required with REQUIRE_BROWSER_TESTS=1", () => {
  const missing = "/nonexistent/chromium";
  const present = process.execPath; // any file that exists
  expect(browserTestsSkipped({}, missing)).toMatch(
    /Chromium not found at \/nonexistent\/chromium\. To run them: apt-get install -y chromium \(or set CHROMIUM_PATH\)/,
  );
  expect(browserTestsSkipped({}, missing)).toContain("REQUIRE_BROWSER_TESTS=1");
  expect(browserTestsSkipped({ REQUIRE_BROWSER_TESTS: "1" }, missing)).toBeUndefined();
  expect(browserTestsSkipped({}, present)).toBeUndefined();
  expect(browserTestsSkipped({ SKIP_BROWSER_TESTS: "1", REQUIRE_BROWSER_TESTS: "1" }, present)).toBe(
    "SKIP_BROWSER_TESTS=1",
  );
});
