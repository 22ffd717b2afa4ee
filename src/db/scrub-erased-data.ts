import type { Db } from "./create-prisma-client.ts";

/** The small tables that hold keys and identifiers: rewritten whole, so no old row version survives. */
const REWRITTEN_TABLES = ['"PersonKey"', '"Contact"', '"WipeJob"'];

export type Scrubber = {
  /** asks for a pass soon (after an erasure or a finished wipe job); passes never overlap */
  request(): void;
  /** waits for the pass under way, then runs one more if one was asked for (at shutdown, before closing) */
  flush(): Promise<void>;
};

/**
 * After an erasure, makes sure the destroyed person key is gone from the database files too, not only from
 * the table: `VACUUM FULL` rewrites the key store and the contacts into new files (the old ones are
 * removed), then `pg_switch_wal()` and `CHECKPOINT` (with `wal_recycle` off, so old WAL segments are
 * deleted rather than renamed and kept) drop the WAL that still held the key's insert. Everything else of
 * the person is sealed under that key, so what lingers in other pages cannot be read. On a PostgreSQL
 * server without superuser rights the WAL steps are skipped (logged): the server's WAL is the operator's.
 */
export function createScrubber(db: Db, log: { warn(obj: object, msg: string): void }): Scrubber {
  let running: Promise<void> | null = null;
  let wanted = false;

  async function pass() {
    for (const table of REWRITTEN_TABLES) await db.$executeRawUnsafe(`VACUUM FULL ${table}`);
    for (const statement of [
      "SET wal_recycle = off",
      "SELECT pg_switch_wal()",
      "CHECKPOINT",
      "SELECT pg_switch_wal()",
      "CHECKPOINT",
    ]) {
      try {
        await db.$executeRawUnsafe(statement);
      } catch (error) {
        log.warn({ statement, err: error instanceof Error ? error.name : "unknown" }, "scrub: a WAL step was refused");
        return;
      }
    }
  }

  function run(): Promise<void> {
    if (running) return running;
    wanted = false;
    running = pass()
      .catch((error: unknown) => log.warn({ err: error instanceof Error ? error.name : "unknown" }, "scrub failed"))
      .finally(() => {
        running = null;
        if (wanted) void run();
      });
    return running;
  }

  return {
    request() {
      if (running) wanted = true;
      else void run();
    },
    async flush() {
      while (running || wanted) await (running ?? run());
    },
  };
}
