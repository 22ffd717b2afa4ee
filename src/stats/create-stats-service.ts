import type { Db } from "../db/create-prisma-client.ts";
import { DEFAULT_STATS_RULE, type StatsRule } from "./apply-privacy-rule.ts";
import { createFactsCache } from "./load-case-facts.ts";

/**
 * What the console's statistics pages and `/api/stats/*` share: the privacy rule (STATS_MIN_GROUP,
 * STATS_RESOLUTION) and one cache of the case facts, so both answer from the same data.
 */
export function createStatsService(db: Db, rule: StatsRule = DEFAULT_STATS_RULE) {
  const cache = createFactsCache(db);
  return { rule, facts: () => cache.load() };
}
export type StatsService = ReturnType<typeof createStatsService>;
