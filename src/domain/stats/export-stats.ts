import type { Db } from "../../db/create-prisma-client.ts";
import { recordAudit, type Actor } from "../audit/record-audit.ts";
import { REPORTING_LENGTH, type StatsRule } from "./apply-privacy-rule.ts";
import { aggregatesToCsv } from "./aggregates-export.ts";
import type { StatsReport } from "./build-stats.ts";
import { buildHtcdsRecords, HTCDS_DICTIONARY, htcdsFilter, htcdsToCsv } from "./htcds-export.ts";
import type { CaseFact } from "./load-case-facts.ts";
import type { StatsFilter } from "./stats-filter.ts";

export const EXPORT_FORMATS = ["htcds", "aggregates"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_TYPES = ["csv", "json"] as const;
export type ExportType = (typeof EXPORT_TYPES)[number];

export type StatsExport = { body: string; contentType: string; filename: string; rows: number };

/**
 * One export of the statistics, the same from the CLI, the console and the API: the HTCDS-aligned
 * k-anonymised records or the aggregate file, as CSV or JSON (JSON carries its data dictionary), and an
 * entry in the audit log saying who exported what (the filter and the size, never a figure). Both come
 * from the release in force (`facts` its facts, `report` its published report, under the release ledger),
 * so a file made today and one made tomorrow differ only as the published figures do.
 */
export async function exportStats(
  deps: {
    db: Db;
    facts: () => Promise<readonly CaseFact[]>;
    report: (filter: StatsFilter) => Promise<StatsReport>;
    rule: StatsRule;
    now: () => Date;
  },
  input: { format: ExportFormat; type: ExportType; filter: StatsFilter; actor: Actor; via: "cli" | "console" | "api" },
): Promise<StatsExport> {
  const generatedAt = deps.now().toISOString();
  const rule = { ...deps.rule, reportingLength: REPORTING_LENGTH };
  let body: string;
  let rows: number;
  // the record file applies only the whole years and the country of a filter (see buildHtcdsRecords)
  const filter = input.format === "htcds" ? htcdsFilter(input.filter) : input.filter;
  if (input.format === "htcds") {
    const { records, suppressed } = buildHtcdsRecords(await deps.facts(), input.filter, deps.rule);
    rows = records.length;
    body =
      input.type === "csv"
        ? htcdsToCsv(records)
        : JSON.stringify(
            {
              standard: "HTCDS",
              generatedAt,
              rule,
              filter,
              dictionary: HTCDS_DICTIONARY,
              suppressedRecords: suppressed,
              records,
            },
            null,
            2,
          );
  } else {
    const report = await deps.report(input.filter);
    rows = report.tables.reduce((sum, table) => sum + table.cells.length, 0);
    body = input.type === "csv" ? aggregatesToCsv(report) : JSON.stringify({ generatedAt, ...report }, null, 2);
  }
  await recordAudit(deps.db, {
    actor: input.actor,
    action: "stats.exported",
    subjectType: "stats",
    meta: { format: input.format, type: input.type, via: input.via, filter, rows },
  });
  const day = generatedAt.slice(0, 10);
  return {
    body: input.type === "json" ? `${body}\n` : body,
    contentType: input.type === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
    filename: `lentera-${input.format}-${day}.${input.type}`,
    rows,
  };
}
