import { readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Hono } from "hono";
import { LOCALES_DIR, isLocale } from "../../i18n/create-i18n.ts";

const PUBLIC_DIR = new URL("./public/", import.meta.url).pathname;
/** The web chat's script: ES modules loaded by the browser as they are (no bundler). */
const MODULES_DIR = path.join(PUBLIC_DIR, "chat");

const JAVASCRIPT = "text/javascript; charset=utf-8";
/**
 * Nothing is cached: the phone may be shared, and a cached copy of the page would tell someone it was
 * visited (quick exit leaves no trace). It also means a deploy never mixes old and new modules.
 */
const NO_STORE = "no-store";

const FILES: Record<string, { file: string; type: string }> = {
  "/": { file: path.join(PUBLIC_DIR, "index.html"), type: "text/html; charset=utf-8" },
  "/static/chat.css": { file: path.join(PUBLIC_DIR, "chat.css"), type: "text/css; charset=utf-8" },
};

/** The module files, listed once at start: only these names are served, so no path reaches outside. */
function listModules(): Set<string> {
  return new Set(readdirSync(MODULES_DIR).filter((name) => /^[a-z][a-z0-9-]*\.js$/.test(name)));
}

/** The web chat page and its assets, served by Lentera itself (no CDN: nothing leaves the server). */
export function createStaticRoutes() {
  const app = new Hono();
  for (const [route, asset] of Object.entries(FILES)) {
    app.get(route, async (c) => {
      const body = await readFile(asset.file, "utf8");
      return c.body(body, 200, { "content-type": asset.type, "cache-control": NO_STORE });
    });
  }
  const modules = listModules();
  app.get("/static/chat/:file", async (c) => {
    const file = c.req.param("file");
    if (!modules.has(file)) return c.notFound();
    const body = await readFile(path.join(MODULES_DIR, file), "utf8");
    return c.body(body, 200, { "content-type": JAVASCRIPT, "cache-control": NO_STORE });
  });
  app.get("/static/locales/:lng/web.json", async (c) => {
    const lng = c.req.param("lng");
    if (!isLocale(lng)) return c.notFound();
    const body = await readFile(path.join(LOCALES_DIR, lng, "web.json"), "utf8");
    return c.body(body, 200, { "content-type": "application/json; charset=utf-8", "cache-control": NO_STORE });
  });
  return app;
}
