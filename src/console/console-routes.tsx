import { readFile } from "node:fs/promises";
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { CaseworkError } from "../casework/casework-error.ts";
import { can } from "../casework/permissions.ts";
import { isLocale } from "../i18n/create-i18n.ts";
import { createAdminRoutes } from "./admin-routes.tsx";
import type { ConsoleDeps } from "./console-deps.ts";
import type { ConsoleEnv } from "./console-env.ts";
import { createConsoleErrorHandler } from "./console-error-handler.tsx";
import { isSecureRequest, LANG_COOKIE, requireConsoleSession } from "./console-session.ts";
import { createConsoleTools } from "./console-tools.ts";
import { mountLiveRoutes } from "./live-routes.ts";
import { createPartnerRoutes } from "./partner-routes.tsx";
import { createQueueRoutes } from "./queue-routes.tsx";
import { createSignInRoutes } from "./sign-in-routes.tsx";
import { mountStatsRoutes, STATS_SESSION_PATHS } from "./stats-routes.tsx";
import { createTicketRoutes } from "./ticket-routes.tsx";
import { createWhatsAppAdminRoutes } from "./whatsapp-admin-routes.tsx";
import { mountWorkdayRoutes, WORKDAY_SESSION_PATHS } from "./workday-routes.tsx";
import { mountHelpLineRoutes } from "./help-lines-routes.tsx";

export type { ConsoleDeps } from "./console-deps.ts";

const ASSETS_DIR = new URL("./assets/", import.meta.url).pathname;
const ASSETS: Record<string, string> = {
  "console.css": "text/css; charset=utf-8",
  "console.js": "text/javascript; charset=utf-8",
};

/** Paths behind a session: the console's session middleware runs before any of their handlers. */
const SESSION_PATHS = [
  "/sign-out",
  "/queue",
  "/queue/*",
  "/tickets/*",
  "/partners",
  "/partners/*",
  "/admin/*",
  ...WORKDAY_SESSION_PATHS,
  ...STATS_SESSION_PATHS,
  "/events",
];

/**
 * The caseworker console under /console: server-rendered pages (Hono JSX), one stylesheet and one small
 * script served from here (no CDN), sessions with CSRF tokens, and friendly errors in the caseworker's
 * language. Every action calls a domain verb; the verbs check permissions and write the audit log.
 *
 * One sub-app per area (sign-in, queue, tickets, partners, admin, WhatsApp, the workday tools, statistics,
 * live updates), mounted after the middleware they all share.
 */
export function createConsoleRoutes(deps: ConsoleDeps) {
  const app = new Hono<ConsoleEnv>();
  const tools = createConsoleTools(deps);
  const session = requireConsoleSession({
    db: deps.db,
    t: deps.t,
    now: deps.now,
    idleMinutes: deps.sessionIdleMinutes,
  });

  app.onError(createConsoleErrorHandler(deps.log, tools.trFor));

  app.use("*", async (c, next) => {
    const lang = getCookie(c, LANG_COOKIE);
    c.set("lang", isLocale(lang) ? lang : "id");
    c.set("secure", isSecureRequest(c, deps.publicUrl));
    await next();
    c.header("cache-control", "no-store");
    // Forms then carry a real Origin header (no-referrer makes browsers send "null"); nothing leaves the site.
    c.header("referrer-policy", "same-origin");
  });
  for (const path of SESSION_PATHS) app.use(path, session);
  app.use("/admin/*", async (c, next) => {
    if (!can(c.get("caseworker"), "audit.read"))
      throw new CaseworkError("forbidden", "Only an admin can open this page.", "errors.denied.admin");
    await next();
  });

  app.get("/assets/:file", async (c) => {
    const file = c.req.param("file");
    // own keys only: "constructor" or "__proto__" are not assets
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) return c.notFound();
    return c.body(await readFile(`${ASSETS_DIR}${file}`, "utf8"), 200, { "content-type": type });
  });
  app.get("/", (c) => c.redirect("/console/queue", 303));

  app.route("/", createSignInRoutes(deps, tools));
  app.route("/", createQueueRoutes(tools));
  app.route("/", createTicketRoutes(tools));
  app.route("/", createPartnerRoutes(tools));
  app.route("/", createAdminRoutes(deps, tools));
  app.route("/", createWhatsAppAdminRoutes(deps, tools));

  mountWorkdayRoutes(app, tools);
  mountHelpLineRoutes(app, { ...tools, ...(deps.helpLines ? { helpLines: deps.helpLines } : {}) });
  const { stats } = deps;
  if (stats) mountStatsRoutes(app, { ...tools, stats });
  mountLiveRoutes(app, {
    db: deps.db,
    now: deps.now,
    idleMinutes: deps.sessionIdleMinutes,
    ...(deps.events ? { events: deps.events } : {}),
    ...(deps.liveCheckMs ? { checkMs: deps.liveCheckMs } : {}),
  });
  return app;
}
