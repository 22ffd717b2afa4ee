import type { Db } from "../../db/create-prisma-client.ts";
import { DEFAULT_STATS_RULE, type StatsRule } from "./apply-privacy-rule.ts";
import { buildStats, type StatsReport } from "./build-stats.ts";
import { createFactsCache, type CaseFact } from "./load-case-facts.ts";
import { TABLES } from "./stats-dimensions.ts";
import type { StatsFilter } from "./stats-filter.ts";

const REPORTS_KEPT = 24;

/**
 * What the console's statistics pages and `/api/stats/*` share: the privacy rule (STATS_MIN_GROUP,
 * STATS_RESOLUTION), one cache of the case facts (reloaded when the data changed), and the reports built
 * from them (a page, its print view and the API asking the same filter build it once).
 */
export function createStatsService(db: Db, rule: StatsRule = DEFAULT_STATS_RULE) {
  const cache = createFactsCache(db);
  let reports: { facts: readonly CaseFact[]; byFilter: Map<string, StatsReport> } | undefined;
  const facts = () => cache.load();
  const reportOf = (current: readonly CaseFact[], filter: StatsFilter): StatsReport => {
    if (reports?.facts !== current) reports = { facts: current, byFilter: new Map() };
    const key = JSON.stringify(Object.entries(filter).sort());
    const found = reports.byFilter.get(key);
    if (found) return found;
    const built = buildStats(current, filter, rule, TABLES);
    if (reports.byFilter.size >= REPORTS_KEPT) reports.byFilter.delete(reports.byFilter.keys().next().value!);
    reports.byFilter.set(key, built);
    return built;
  };
  const report = async (filter: StatsFilter): Promise<StatsReport> => reportOf(await facts(), filter);
  /** Several reports of the same facts (a page and its filter suggestions): the facts are checked once. */
  const reportsOf = async (filters: StatsFilter[]): Promise<StatsReport[]> => {
    const current = await facts();
    return filters.map((filter) => reportOf(current, filter));
  };
  return {
    rule,
    facts,
    report,
    reports: reportsOf,
    /**
     * Keeps the facts and the unfiltered report warm on a running server: right after start, then every
     * `everyMs` when the data changed (a cheap signature query otherwise). Returns the stop function.
     */
    refreshEvery(everyMs: number, onError: (error: unknown) => void = () => {}) {
      let running = false;
      const tick = async () => {
        if (running) return;
        running = true;
        try {
          await report({});
        } catch (error) {
          onError(error);
        } finally {
          running = false;
        }
      };
      const first = setTimeout(() => void tick(), 100);
      const timer = setInterval(() => void tick(), everyMs);
      first.unref();
      timer.unref();
      return () => {
        clearTimeout(first);
        clearInterval(timer);
      };
    },
  };
}
export type StatsService = ReturnType<typeof createStatsService>;
