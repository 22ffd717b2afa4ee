import { z } from "zod";
import { EXPORT_FORMATS, EXPORT_TYPES } from "../domain/stats/export-stats.ts";
import { StatsFilter } from "../domain/stats/stats-filter.ts";

const Filter = z.object({
  from: z.string().optional().describe("first month, 2026-01 (a day counts as its month)"),
  to: z.string().optional().describe("last month, 2026-12"),
  channel: StatsFilter.shape.channel,
  province: z.string().optional().describe("province of origin"),
  country: z.string().optional().describe("destination country (English name)"),
});
const RULE =
  "Every figure counts at least STATS_MIN_GROUP people, rounded down to a multiple of STATS_RESOLUTION; smaller groups are { value: null, suppressed: true }. Figures come from the day's release (asOf: the tickets created before 00:00 WIB) and move from one day to the next only by 0 or at least STATS_MIN_GROUP people. Needs a token with the 'stats' scope.";

/** `/api/stats/*` in the OpenAPI document (issue #17, item 5). */
export const STATS_OPENAPI_PATHS = {
  "/api/stats": { get: { summary: `The statistics tables and the privacy rule. ${RULE}` } },
  "/api/stats/summary": {
    get: {
      summary: `Every table: { rule, filter, asOf, population, tables: [{ id, dimensions, total, cells: [{ key, value, suppressed }] }] }. ${RULE}`,
      query: Filter,
    },
  },
  "/api/stats/tables/{id}": {
    get: {
      summary: `One table: { rule, filter, asOf, population, table }. ${RULE}`,
      query: Filter,
      params: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
    },
  },
  "/api/stats/export": {
    get: {
      summary: `The HTCDS-aligned k-anonymised records or the aggregate file, CSV or JSON (in the audit log). ${RULE}`,
      query: Filter.extend({ format: z.enum(EXPORT_FORMATS), type: z.enum(EXPORT_TYPES).optional() }),
    },
  },
  "/api/stats/dictionary": { get: { summary: "The data dictionary of the exports" } },
};
