import { Hono } from "hono";
import { z } from "zod";
import type { Db } from "../db/create-prisma-client.ts";
import { AppError } from "../http/errors.ts";
import { AGGREGATE_COLUMNS } from "../domain/stats/aggregates-export.ts";
import type { StatsService } from "../domain/stats/create-stats-service.ts";
import { EXPORT_FORMATS, EXPORT_TYPES, exportStats } from "../domain/stats/export-stats.ts";
import { HTCDS_DICTIONARY } from "../domain/stats/htcds-export.ts";
import { findTable, TABLES } from "../domain/stats/stats-dimensions.ts";
import { parseStatsFilter, type StatsFilter } from "../domain/stats/stats-filter.ts";
import { requireApiCaseworker, type CaseworkerEnv } from "./require-caseworker.ts";

const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS), type: z.enum(EXPORT_TYPES).default("json") });

/**
 * The read-only statistics API for partners and researchers (issue #17, item 5): a personal token with the
 * `stats` scope, and the same privacy rule as the console page and the export — every figure is a count of
 * at least STATS_MIN_GROUP people rounded down to STATS_RESOLUTION, or `null` with `suppressed: true`.
 *
 * `GET /api/stats` (the tables and the rule), `GET /api/stats/summary` (every table), `GET /api/stats/tables/:id`,
 * `GET /api/stats/export?format=htcds|aggregates&type=json|csv`, `GET /api/stats/dictionary`; filters
 * `from`, `to` (months), `channel`, `province`, `country` on all but the dictionary.
 */
export function createStatsApiRoutes(deps: { db: Db; stats: StatsService; now: () => Date }) {
  const app = new Hono<CaseworkerEnv>();
  app.use("*", requireApiCaseworker(deps.db, "stats"));
  const filterOf = (query: Record<string, string>): StatsFilter => {
    const parsed = parseStatsFilter(query);
    if (!parsed.success)
      throw new AppError(
        "bad_request",
        "Check the filters: from/to are months (2026-03), channel web|telegram|whatsapp.",
        {
          issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
        },
      );
    return parsed.data;
  };
  const rule = () => ({ ...deps.stats.rule, reportingLength: 3 });

  app.get("/", (c) =>
    c.json({
      rule: rule(),
      tables: TABLES.map((table) => ({ id: table.id, dimensions: table.dimensions })),
      filters: ["from", "to", "channel", "province", "country"],
    }),
  );
  app.get("/dictionary", (c) =>
    c.json({
      rule: rule(),
      htcds: HTCDS_DICTIONARY,
      aggregates: { columns: AGGREGATE_COLUMNS, tables: TABLES.map((t) => ({ id: t.id, dimensions: t.dimensions })) },
    }),
  );
  app.get("/summary", async (c) => {
    const filter = filterOf(c.req.query());
    return c.json(await deps.stats.report(filter));
  });
  app.get("/tables/:id", async (c) => {
    const table = findTable(c.req.param("id"));
    if (!table) throw new AppError("not_found", "No such table: GET /api/stats lists them.");
    const filter = filterOf(c.req.query());
    const report = await deps.stats.report(filter);
    const found = report.tables.find((t) => t.id === table.id);
    return c.json({
      rule: report.rule,
      filter: report.filter,
      asOf: report.asOf,
      population: report.population,
      table: found,
    });
  });
  app.get("/export", async (c) => {
    const { format: rawFormat, type: rawType, ...rest } = c.req.query();
    const parsed = ExportQuery.safeParse({ format: rawFormat, ...(rawType ? { type: rawType } : {}) });
    if (!parsed.success) throw new AppError("bad_request", "format must be htcds or aggregates; type json or csv.");
    const filter = filterOf(rest);
    const exported = await exportStats(
      { db: deps.db, facts: deps.stats.releasedFacts, report: deps.stats.report, rule: deps.stats.rule, now: deps.now },
      { ...parsed.data, filter, actor: { type: "caseworker", id: c.get("caseworker").id }, via: "api" },
    );
    return c.body(exported.body, 200, {
      "content-type": exported.contentType,
      "content-disposition": `attachment; filename="${exported.filename}"`,
    });
  });
  return app;
}
