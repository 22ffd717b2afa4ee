import { readFile } from "node:fs/promises";
import path from "node:path";
import { Hono } from "hono";
import { LOCALES_DIR, isLocale } from "../../i18n/create-i18n.ts";

const PUBLIC_DIR = new URL("./public/", import.meta.url).pathname;

const FILES: Record<string, { file: string; type: string }> = {
  "/": { file: path.join(PUBLIC_DIR, "index.html"), type: "text/html; charset=utf-8" },
  "/static/chat.js": { file: path.join(PUBLIC_DIR, "chat.js"), type: "text/javascript; charset=utf-8" },
  "/static/chat.css": { file: path.join(PUBLIC_DIR, "chat.css"), type: "text/css; charset=utf-8" },
};

/** The web chat page and its assets, served by Lentera itself (no CDN: nothing leaves the server). */
export function createStaticRoutes() {
  const app = new Hono();
  for (const [route, asset] of Object.entries(FILES)) {
    app.get(route, async (c) => {
      const body = await readFile(asset.file, "utf8");
      return c.body(body, 200, { "content-type": asset.type, "cache-control": "no-store" });
    });
  }
  app.get("/static/locales/:lng/web.json", async (c) => {
    const lng = c.req.param("lng");
    if (!isLocale(lng)) return c.notFound();
    const body = await readFile(path.join(LOCALES_DIR, lng, "web.json"), "utf8");
    return c.body(body, 200, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  });
  return app;
}
