import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";

/**
 * The web chat's script is plain ES modules the browser loads one by one (no bundler). Every module the page
 * or another module imports must be served by the app itself, as JavaScript (a module with any other type is
 * refused under `nosniff`), and not cached.
 */

let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera();
});
afterAll(() => lentera?.close());

const MODULES_DIR = new URL("../../src/channels/web/public/chat/", import.meta.url);

/** The specifiers of a module's static imports and re-exports (`import … from "x"`, `import "x"`, `export … from "x"`). */
function importsOf(source: string): string[] {
  const found = [...source.matchAll(/^\s*(?:import|export)\s+(?:[^"'`;]*?\s+from\s+)?["']([^"']+)["']/gm)];
  const dynamic = [...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)];
  return [...found, ...dynamic].map((match) => match[1]!);
}

async function get(path: string) {
  return lentera.app.request(path);
}

/** Walks the module graph from the page's module scripts, fetching each module through the app. */
async function crawl() {
  const page = await get("/");
  const html = await page.text();
  const entries = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => {
    const attributes = match[1]!;
    return { module: /\btype="module"/.test(attributes), src: /\bsrc="([^"]+)"/.exec(attributes)?.[1] };
  });
  const served = new Map<string, { status: number; type: string | null; cache: string | null; body: string }>();
  const specifiers: string[] = [];
  const queue = entries.map((entry) => entry.src ?? "");
  while (queue.length) {
    const path = queue.shift()!;
    if (served.has(path)) continue;
    const res = await get(path);
    const body = await res.text();
    served.set(path, {
      status: res.status,
      type: res.headers.get("content-type"),
      cache: res.headers.get("cache-control"),
      body,
    });
    for (const specifier of importsOf(body)) {
      specifiers.push(specifier);
      queue.push(new URL(specifier, `http://lentera.test${path}`).pathname);
    }
  }
  return { page, entries, served, specifiers };
}

describe("the web chat's modules", () => {
  test("the page loads its script as modules only, from this server, with no inline script", async () => {
    const { page, entries } = await crawl();
    expect(entries.length).toBeGreaterThanOrEqual(2);
    for (const entry of entries) {
      expect(entry.module, "every script is a module").toBe(true);
      expect(entry.src, "no inline script (the CSP allows only 'self')").toMatch(/^\/static\/chat\/[a-z-]+\.js$/);
    }
    // Quick exit is loaded first, on its own, so it works even if another module fails.
    expect(entries[0]!.src).toBe("/static/chat/quick-exit.js");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  test("every module referenced by the page or an import is served as JavaScript, uncached", async () => {
    const { served, specifiers } = await crawl();
    expect(specifiers.length).toBeGreaterThan(10);
    for (const specifier of specifiers) expect(specifier, "relative, with its extension").toMatch(/^\.\/[a-z-]+\.js$/);
    for (const [path, res] of served) {
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.type, path).toMatch(/^text\/javascript\b/);
      expect(res.cache, path).toBe("no-store");
    }
  });

  test("every module file in the folder is used, and served", async () => {
    const { served } = await crawl();
    const files = readdirSync(MODULES_DIR).filter((name) => name.endsWith(".js"));
    expect(files.length).toBeGreaterThan(5);
    expect([...served.keys()].sort()).toEqual(files.map((name) => `/static/chat/${name}`).sort());
  });

  test("nothing else is served from the modules' path", async () => {
    for (const path of [
      "/static/chat/nothing.js",
      "/static/chat/..%2F..%2Fstatic-routes.ts",
      "/static/chat/%2e%2e%2findex.html",
      "/static/chat/constructor",
      "/static/chat.js",
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});
