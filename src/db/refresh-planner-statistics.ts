import type { Logger } from "../log/create-logger.ts";
import { toLoggedError } from "../log/to-logged-error.ts";
import type { Db } from "./create-prisma-client.ts";

/** first refresh a minute after start (not on the start's path), then hourly */
const FIRST_AFTER_MS = 60_000;
const EVERY_MS = 3_600_000;

/**
 * The embedded database runs no autovacuum, so nothing else ever gathers the table statistics the planner
 * chooses indexes by: without them it guesses table sizes, and the queue walked every open ticket instead of
 * its index. ANALYZE samples each table (a fraction of a second at 50,000 tickets, in the database's worker
 * thread). A PostgreSQL server's autovacuum does this itself. Returns the closer that stops it.
 */
export function refreshPlannerStatistics(db: Db, log: Logger): () => Promise<void> {
  const analyze = () =>
    void analyzeTables(db).catch((error: unknown) =>
      log.warn({ err: toLoggedError(error) }, "planner statistics: ANALYZE failed"),
    );
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    analyze();
    interval = setInterval(analyze, EVERY_MS);
    interval.unref();
  }, FIRST_AFTER_MS);
  first.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(interval);
  };
}

/** Gathers the planner's statistics of every table now (after a bulk load, or on the schedule above). */
export async function analyzeTables(db: Db): Promise<void> {
  await db.$executeRawUnsafe("ANALYZE");
}
