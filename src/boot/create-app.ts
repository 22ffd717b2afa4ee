import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { bodyLimit } from "hono/body-limit";
import { createStaticRoutes } from "../channels/web/static-routes.ts";
import { createWebchatRoutes, isMediaUpload, type WebchatDeps } from "../channels/web/webchat-routes.ts";
import { createScreeningRoutes } from "../api/screening-routes.ts";
import { createTicketRoutes } from "../api/ticket-routes.ts";
import { createCaseworkApiRoutes } from "../api/caseworker/casework-api-routes.ts";
import { createConsoleRoutes, type ConsoleDeps } from "../console/console-routes.tsx";
import { createStatsApiRoutes } from "../api/stats-routes.ts";
import { createStatsService, type StatsService } from "../domain/stats/create-stats-service.ts";
import type { StatsRule } from "../domain/stats/apply-privacy-rule.ts";
import type { Logger } from "../log/create-logger.ts";
import type { TrustProxy } from "../config/env.ts";
import { AppError, createErrorHandler, errorBody } from "../http/errors.ts";
import type { HelpLineBook } from "../domain/contacts/help-line-book.ts";
import { rejectNulBytes } from "../http/reject-nul-bytes.ts";

/** Request bodies larger than this are refused everywhere with 413 (routes may set a smaller limit). */
export const MAX_BODY_BYTES = 1024 * 1024;

export type AppDeps = WebchatDeps & {
  log: Logger;
  /** true while the database answers */
  checkHealth: () => Promise<Record<string, unknown> & { ok: boolean }>;
  /** the caseworker console's settings (SESSION_IDLE_MINUTES, PUBLIC_URL; defaults: 30 minutes, http) and WhatsApp link */
  console?: { sessionIdleMinutes: number } & Partial<
    Pick<ConsoleDeps, "publicUrl" | "whatsappStatus" | "relinkWhatsApp" | "referrals" | "liveCheckMs">
  >;
  /** TRUST_PROXY: which proxies' X-Forwarded-For names the client (default: none; the socket's address counts) */
  trustProxy?: TrustProxy;
  /** STATS_MIN_GROUP and STATS_RESOLUTION: the statistics privacy rule (default 11 and 5) */
  stats?: StatsRule;
  /** the statistics' facts and reports, when the caller keeps them warm (start-lentera) */
  statsService?: StatsService;
  /** the help lines' table, read again after an admin changes it in the console */
  helpLines?: HelpLineBook;
  /** more routes from channels and the console, mounted by main.ts */
  mount?: (app: Hono) => void;
};

/** The HTTP surface: one Hono app with request ids, secure headers, size limits and one error handler. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  app.use(requestId());
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: "no-referrer",
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    // Route pattern and status only: no query strings, bodies, tokens or addresses.
    deps.log.info(
      {
        requestId: c.get("requestId"),
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      "request",
    );
  });
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    },
  });
  // The web chat's file upload has its own, larger limit (MEDIA_MAX_FILE_BYTES).
  app.use((c, next) => (isMediaUpload(c.req.path) ? next() : limitBody(c, next)));
  // After the size limit: the check reads a copy of the body. Telegram's webhook is verified by its secret
  // and answered 200 whatever it holds (a 400 would make Telegram retry the update for ever).
  // A file upload is bytes, not text: its content is checked by its own route (read-upload.ts).
  app.use(rejectNulBytes({ skip: (path) => path.startsWith("/webhooks/") || isMediaUpload(path) }));
  // JSON answers carry personal data (tickets, transcripts): never kept by a browser or a proxy cache.
  for (const path of ["/api/*", "/healthz"])
    app.use(path, async (c, next) => {
      await next();
      c.header("cache-control", "no-store");
    });
  app.onError(createErrorHandler(deps.log));
  app.notFound((c) => c.json(errorBody("not_found", "Not found."), 404));

  app.get("/healthz", async (c) => {
    const health = await deps.checkHealth();
    return c.json(health, health.ok ? 200 : 503);
  });
  app.route("/api/webchat", createWebchatRoutes(deps));
  app.route("/api/screening", createScreeningRoutes(deps));
  app.route("/api/tickets", createTicketRoutes(deps));
  const stats = deps.statsService ?? createStatsService(deps.db, deps.stats, { now: deps.now });
  app.route("/api/stats", createStatsApiRoutes({ ...deps, stats }));
  app.route(
    "/api",
    createCaseworkApiRoutes({ ...deps, ...(deps.console?.referrals ? { referrals: deps.console.referrals } : {}) }),
  );
  app.route(
    "/console",
    createConsoleRoutes({
      ...deps,
      ...deps.console,
      stats,
      ...(deps.helpLines ? { helpLines: deps.helpLines } : {}),
      sessionIdleMinutes: deps.console?.sessionIdleMinutes ?? 30,
    }),
  );
  deps.mount?.(app);
  app.route("/", createStaticRoutes());
  return app;
}
