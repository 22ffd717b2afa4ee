import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/db/start-embedded-postgres.ts";
import { createDataDir } from "./create-data-dir.ts";
import { readFingerprint, resetTestDatabase } from "./reset-test-database.ts";

/** What a pooled database's folder keeps between tests: the database and the files that serve it. */
const KEPT_ENTRIES = new Set(["pgdata", "pglite.lock", ".s.PGSQL.5432"]);
/** Idle databases a test worker keeps running (each is a PGlite thread with its own memory). */
const MAX_IDLE = 2;

/** A started database lent to one test Lentera: its DATA_DIR, and how to give it back. */
export type PooledDataDir = { dataDir: string; release: () => Promise<void> };

type Pooled = { dataDir: string; database: EmbeddedPostgres; fingerprint: string };
type Pool = { idle: Pooled[] };

/**
 * Kept on globalThis: test files of one worker share the process (vitest `isolate: false`), and this state
 * must be one per process even if a file loads this module afresh.
 */
const POOL_KEY = Symbol.for("lentera.test.embedded-database-pool");
const pool = ((globalThis as Record<symbol, Pool | undefined>)[POOL_KEY] ??= { idle: [] });

/**
 * A DATA_DIR whose embedded database is already running and holds exactly what the migrated template holds,
 * so a test Lentera skips copying the template (~1,100 files) and starting PGlite (together ~2 s of a
 * small test file). Lentera finds the database answering on the folder's socket and uses it without owning
 * it, as a second process would; its close leaves the database running.
 *
 * `release()` puts the database back as the template left it (resetTestDatabase: every table emptied but the
 * migrations' bookkeeping, the session reset) and deletes every file beside the database (the encryption
 * key, media…), so nothing one test wrote, nor anything sealed under its key, reaches the next. A database
 * whose schema or migration history a test changed, or that no longer answers, is closed and deleted instead.
 */
export async function takePooledDataDir(): Promise<PooledDataDir> {
  const pooled = pool.idle.pop() ?? (await startPooled());
  let released = false;
  return {
    dataDir: pooled.dataDir,
    release: async () => {
      if (released) return;
      released = true;
      const reusable = pool.idle.length < MAX_IDLE && (await resetToTemplate(pooled).catch(() => false));
      if (reusable) pool.idle.push(pooled);
      else await discard(pooled);
    },
  };
}

async function startPooled(): Promise<Pooled> {
  const dataDir = await createDataDir("lentera-pooled-", { parent: process.env.LENTERA_TEST_RUN_DIR });
  try {
    const database = await startEmbeddedPostgres(dataDir);
    const fingerprint = await readFingerprint(database.url);
    return { dataDir, database, fingerprint };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function resetToTemplate(pooled: Pooled): Promise<boolean> {
  if (!(await resetTestDatabase(pooled.database.url, pooled.fingerprint))) return false;
  const entries = await readdir(pooled.dataDir);
  await Promise.all(
    entries
      .filter((entry) => !KEPT_ENTRIES.has(entry))
      .map((entry) => rm(path.join(pooled.dataDir, entry), { recursive: true, force: true })),
  );
  return true;
}

async function discard(pooled: Pooled): Promise<void> {
  await pooled.database.close().catch(() => {});
  await rm(pooled.dataDir, { recursive: true, force: true });
}

/** For tests of the pool itself: the folders of the databases waiting to be lent. */
export function idlePooledDataDirs(): string[] {
  return pool.idle.map((pooled) => pooled.dataDir);
}
