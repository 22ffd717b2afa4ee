import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/db/start-embedded-postgres.ts";
import { createDataDir } from "./create-data-dir.ts";

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
 * `release()` puts the database back as the template left it, or throws it away: every table but the
 * migrations' bookkeeping is emptied in one TRUNCATE (identities restarted), the session is reset (locks,
 * prepared statements, settings, temporary tables), and every file beside the database is deleted (the
 * encryption key, media…), so nothing one test wrote, nor anything sealed under its key, reaches the next.
 * A database whose schema or migration history a test changed (a fingerprint of the catalogue differs),
 * or that no longer answers, is closed and deleted instead of pooled.
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
    const fingerprint = await withClient(database.url, readFingerprint);
    return { dataDir, database, fingerprint };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function resetToTemplate(pooled: Pooled): Promise<boolean> {
  const clean = await withClient(pooled.database.url, async (client) => {
    await client.query("DISCARD ALL");
    if ((await readFingerprint(client)) !== pooled.fingerprint) return false;
    await client.query(EMPTY_TABLES_SQL);
    return true;
  });
  if (!clean) return false;
  const entries = await readdir(pooled.dataDir);
  await Promise.all(
    entries
      .filter((entry) => !KEPT_ENTRIES.has(entry))
      .map((entry) => rm(path.join(pooled.dataDir, entry), { recursive: true, force: true })),
  );
  return true;
}

/**
 * Every row of every table but the migrations' bookkeeping deleted, and every sequence used restarted, in
 * one transaction: a DELETE of the few rows a test writes takes milliseconds where a TRUNCATE gives each
 * table and index new files (hundreds of milliseconds in PGlite). Foreign keys are not checked meanwhile
 * (every table ends empty).
 */
const EMPTY_TABLES_SQL = `DO $$
DECLARE r record;
BEGIN
  SET LOCAL session_replication_role = replica;
  FOR r IN SELECT schemaname, tablename FROM pg_tables
           WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' LOOP
    EXECUTE format('DELETE FROM %I.%I', r.schemaname, r.tablename);
  END LOOP;
  FOR r IN SELECT schemaname, sequencename FROM pg_sequences
           WHERE schemaname = 'public' AND last_value IS NOT NULL LOOP
    EXECUTE format('ALTER SEQUENCE %I.%I RESTART', r.schemaname, r.sequencename);
  END LOOP;
END $$`;

async function discard(pooled: Pooled): Promise<void> {
  await pooled.database.close().catch(() => {});
  await rm(pooled.dataDir, { recursive: true, force: true });
}

/**
 * What tests must not change for a database to be pooled: every relation, column, constraint, index,
 * function, trigger, type and schema outside the system catalogues, and the migrations recorded.
 */
async function readFingerprint(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ fingerprint: string }>(`
    WITH user_ns AS (
      SELECT oid, nspname FROM pg_namespace
      WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
    )
    SELECT md5(coalesce(string_agg(item, E'\\n' ORDER BY item), '')) AS fingerprint FROM (
      SELECT 'schema ' || nspname AS item FROM user_ns
      UNION ALL
      SELECT 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text
      FROM pg_class c JOIN user_ns n ON n.oid = c.relnamespace
      UNION ALL
      SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN user_ns n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attnum > 0 AND NOT a.attisdropped
      UNION ALL
      SELECT 'constraint ' || n.nspname || '.' || con.conname || ' ' || pg_get_constraintdef(con.oid)
      FROM pg_constraint con JOIN user_ns n ON n.oid = con.connamespace
      UNION ALL
      SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname IN (SELECT nspname FROM user_ns)
      UNION ALL
      SELECT 'function ' || n.nspname || '.' || p.proname || ' ' || md5(coalesce(p.prosrc, ''))
      FROM pg_proc p JOIN user_ns n ON n.oid = p.pronamespace
      UNION ALL
      SELECT 'trigger ' || tgname || ' ' || tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL
      SELECT 'type ' || n.nspname || '.' || t.typname || ' ' || coalesce(
        (SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid), '')
      FROM pg_type t JOIN user_ns n ON n.oid = t.typnamespace
      UNION ALL
      SELECT 'migration ' || migration_name || ' ' || checksum || ' ' || (finished_at IS NOT NULL)
        || ' ' || (rolled_back_at IS NOT NULL) FROM "_prisma_migrations"
    ) AS items`);
  return rows[0]!.fingerprint;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** For tests of the pool itself: the folders of the databases waiting to be lent. */
export function idlePooledDataDirs(): string[] {
  return pool.idle.map((pooled) => pooled.dataDir);
}
