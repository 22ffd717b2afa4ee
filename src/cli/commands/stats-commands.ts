import { writeFile } from "node:fs/promises";
import { z } from "zod";
import { UsageError, type CliCommand } from "../command.ts";
import { createStatsService } from "../../domain/stats/create-stats-service.ts";
import { EXPORT_FORMATS, EXPORT_TYPES, exportStats } from "../../domain/stats/export-stats.ts";
import { HTCDS_DICTIONARY } from "../../domain/stats/htcds-export.ts";
import { StatsFilter } from "../../domain/stats/stats-filter.ts";
import { analyzeTables } from "../../db/refresh-planner-statistics.ts";
import { seedDemoCases } from "../../domain/stats/seed-demo-cases.ts";

/**
 * `stats export --format htcds|aggregates --from … --to …`: the standard export (issue #17, item 3) under
 * the privacy rule, written to --out (CSV or JSON by its extension, or --type) or to stdout; in the audit log.
 */
export const statsExport: CliCommand = {
  group: "stats",
  name: "export",
  usage:
    "stats export --format htcds|aggregates [--from 2026-01] [--to 2026-12] [--channel web|telegram|whatsapp] [--province …] [--country …] [--type csv|json] [--out file] [--dictionary file]",
  options: {
    format: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    channel: { type: "string" },
    province: { type: "string" },
    country: { type: "string" },
    type: { type: "string" },
    out: { type: "string" },
    dictionary: { type: "string" },
  },
  async run(ctx, values) {
    const format = z.enum(EXPORT_FORMATS).safeParse(values.format);
    if (!format.success) throw new UsageError("--format must be htcds or aggregates.");
    const out = typeof values.out === "string" ? values.out : undefined;
    const type = z.enum(EXPORT_TYPES).safeParse(values.type ?? (out?.toLowerCase().endsWith(".json") ? "json" : "csv"));
    if (!type.success) throw new UsageError("--type must be csv or json.");
    const filter = StatsFilter.safeParse(
      Object.fromEntries(
        ["from", "to", "channel", "province", "country"].flatMap((key) =>
          typeof values[key] === "string" ? [[key, values[key]]] : [],
        ),
      ),
    );
    if (!filter.success)
      throw new UsageError(
        `Check the filter: ${filter.error.issues.map((i) => `--${i.path.join(".")} ${i.message}`).join("; ")}`,
      );
    // the release in force, under the same ledger as the server's page and API (kept in the database)
    const stats = createStatsService(ctx.db, {
      minGroup: ctx.env.STATS_MIN_GROUP,
      resolution: ctx.env.STATS_RESOLUTION,
    });
    const exported = await exportStats(
      { db: ctx.db, facts: stats.releasedFacts, report: stats.report, rule: stats.rule, now: () => new Date() },
      { format: format.data, type: type.data, filter: filter.data, actor: { type: "cli" }, via: "cli" },
    );
    if (typeof values.dictionary === "string")
      await writeFile(
        values.dictionary,
        `${JSON.stringify({ standard: "HTCDS", fields: HTCDS_DICTIONARY }, null, 2)}\n`,
      );
    if (out) {
      await writeFile(out, exported.body);
      ctx.out(`Wrote ${exported.rows} ${format.data === "htcds" ? "records" : "cells"} to ${out}.`);
    } else process.stdout.write(exported.body);
  },
};

/** `demo seed --tickets N`: made-up cases for trying the statistics; refuses a database with real cases. */
export const demoSeed: CliCommand = {
  group: "demo",
  name: "seed",
  usage: "demo seed --tickets N [--seed 17]",
  options: { tickets: { type: "string" }, seed: { type: "string" } },
  async run(ctx, values) {
    const tickets = z.coerce.number().int().min(1).max(500_000).safeParse(values.tickets);
    if (!tickets.success) throw new UsageError("--tickets must be a whole number from 1 to 500000.");
    const seed = z.coerce.number().int().min(0).default(17).safeParse(values.seed);
    if (!seed.success) throw new UsageError("--seed must be a whole number.");
    // A database with real cases is refused (RealCasesError): demo data never mixes with them.
    const made = await seedDemoCases(
      { db: ctx.db, cipher: ctx.cipher },
      {
        tickets: tickets.data,
        seed: seed.data,
        onProgress: (done) => {
          if (done % 10_000 === 0) ctx.out(`… ${done}`);
        },
      },
    );
    // after a bulk load the planner needs fresh table statistics (the embedded database runs no autovacuum)
    await analyzeTables(ctx.db);
    ctx.out(`Seeded ${made.tickets} demo tickets (tagged "demo").`);
  },
};

/** Both commands, registered in cli/main.ts. */
export const STATS_COMMANDS: CliCommand[] = [statsExport, demoSeed];
