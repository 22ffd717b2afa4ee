import type { Db } from "../../db/create-prisma-client.ts";
import { DEFAULT_STATS_RULE, type StatsRule } from "./apply-privacy-rule.ts";
import { buildCountedStats, type StatsReport } from "./build-stats.ts";
import { createFactsCache, type CaseFact } from "./load-case-facts.ts";
import { createLedgerStore, releaseBoundaryOf } from "./published-release.ts";
import { applyReleaseLedger } from "./release-ledger.ts";
import { TABLES } from "./stats-dimensions.ts";
import type { StatsFilter } from "./stats-filter.ts";

const REPORTS_KEPT = 24;

/**
 * One day's release: the facts of the tickets created before its boundary, frozen when it was first asked —
 * and made again within the day only when at least STATS_MIN_GROUP tickets from before the boundary came or
 * went since (an import or a demo seed into a running server); the ledger guards that release like any other.
 */
type Release = {
  boundary: number;
  /** the live facts it was cut from, and how many of them it holds */
  made: Promise<{ from: readonly CaseFact[]; facts: readonly CaseFact[] }>;
  reports: Map<string, Promise<StatsReport>>;
  /** the last live facts counted against it and found close enough (not counted again until they change) */
  checked?: readonly CaseFact[];
};

/**
 * What the console's statistics pages and `/api/stats/*` share: the privacy rule (STATS_MIN_GROUP,
 * STATS_RESOLUTION), the live case facts (one cache, followed row by row), and the published release: the
 * figures of the tickets created before the start of the current WIB day, built once per day from the
 * facts as they were then, each figure moving from one release to the next only under the release ledger
 * (release-ledger.ts). A page, its print view, the API and the aggregate export asking the same filter in
 * a release get the same report, built once.
 */
export function createStatsService(db: Db, rule: StatsRule = DEFAULT_STATS_RULE, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  const cache = createFactsCache(db);
  const ledgers = createLedgerStore(db);
  let release: Release | undefined;
  const cut = (boundary: number, live: Promise<readonly CaseFact[]>): Release => {
    const made = live.then((from) => ({ from, facts: from.filter((fact) => fact.createdAt.getTime() < boundary) }));
    const fresh: Release = { boundary, made, reports: new Map() };
    made.catch(() => {
      if (release === fresh) release = undefined;
    });
    return (release = fresh);
  };
  const currentRelease = async (): Promise<Release> => {
    const boundary = releaseBoundaryOf(now()).getTime();
    const held = release;
    if (held?.boundary !== boundary) return cut(boundary, cache.load());
    const [{ from, facts }, live] = await Promise.all([held.made, cache.load()]);
    if (live === from || live === held.checked || release !== held) return release ?? held;
    let before = 0;
    for (const fact of live) if (fact.createdAt.getTime() < boundary) before++;
    if (Math.abs(before - facts.length) >= rule.minGroup) return cut(boundary, Promise.resolve(live));
    held.checked = live;
    return held;
  };
  const reportOf = (of: Release, filter: StatsFilter): Promise<StatsReport> => {
    const key = JSON.stringify(Object.entries(filter).sort());
    const found = of.reports.get(key);
    if (found) return found;
    const built = (async () => {
      const [{ facts }, previous] = await Promise.all([of.made, ledgers.read(key, of.boundary)]);
      const { report, counts } = buildCountedStats(facts, filter, rule, TABLES);
      const asOf = new Date(of.boundary).toISOString();
      // a release older than the ledger's (a clock set back): its figures were never guarded against the newer ones
      if (previous && previous.boundary > of.boundary) return withheld({ ...report, asOf });
      const published = applyReleaseLedger({ ...report, asOf }, counts, previous, of.boundary, rule);
      if (published.changed) await ledgers.write(key, published.ledger);
      return published.report;
    })();
    if (of.reports.size >= REPORTS_KEPT) of.reports.delete(of.reports.keys().next().value!);
    of.reports.set(key, built);
    built.catch(() => of.reports.delete(key));
    return built;
  };
  const report = async (filter: StatsFilter): Promise<StatsReport> => reportOf(await currentRelease(), filter);
  /** Several reports of the same release (a page and its filter suggestions). */
  const reportsOf = async (filters: StatsFilter[]): Promise<StatsReport[]> => {
    const of = await currentRelease();
    return Promise.all(filters.map((filter) => reportOf(of, filter)));
  };
  /** Builds the release in force and its unfiltered report; errors go to `onError`. */
  const warm = async (onError: (error: unknown) => void) => {
    try {
      await report({});
    } catch (error) {
      onError(error);
    }
  };
  return {
    rule,
    /** the live facts (every ticket as it is now): for admins' exact figures and a case's own page, never published */
    facts: () => cache.load(),
    /** the facts of the release in force: what every published figure and record file is made of */
    releasedFacts: async () => (await (await currentRelease()).made).facts,
    /** the boundary of the release in force: the figures are "as of" it */
    asOf: () => new Date(releaseBoundaryOf(now()).getTime()),
    report,
    reports: reportsOf,
    /**
     * Keeps the release warm on a running server: built at once (a start: the first page waits for what is
     * left of it), then looked at every `everyMs`, so the first page after midnight WIB finds the new
     * release built. Returns the stop function.
     */
    refreshEvery(everyMs: number, onError: (error: unknown) => void = () => {}) {
      let running: Promise<void> | undefined;
      const tick = () => {
        running ??= warm(onError).finally(() => (running = undefined));
      };
      tick();
      const timer = setInterval(tick, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
export type StatsService = ReturnType<typeof createStatsService>;

/** A report with every figure suppressed (nothing of it is published). */
function withheld(report: StatsReport): StatsReport {
  const none = { value: null, suppressed: true } as const;
  return {
    ...report,
    population: none,
    tables: report.tables.map((t) => ({ ...t, total: none, cells: t.cells.map((c) => ({ key: c.key, ...none })) })),
  };
}
