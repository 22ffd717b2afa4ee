import { createHash, randomUUID } from "node:crypto";
import pg from "pg";
import { readMigrations } from "./read-migrations.ts";

export const MIGRATIONS_DIR = new URL("../../prisma/migrations/", import.meta.url).pathname;

/** The advisory lock key `prisma migrate` itself takes, so the server and the Prisma CLI never migrate at once. */
export const MIGRATION_LOCK_KEY = 72707369;

/** Prisma's own bookkeeping table, created exactly as `prisma migrate deploy` creates it. */
const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** A migration the bookkeeping says started and never finished: a person must look (`prisma migrate resolve`). */
export class FailedMigrationError extends Error {}

/**
 * Applies the pending migrations of `prisma/migrations`, each **all or nothing**: its script and its row in
 * `_prisma_migrations` commit in one transaction (PostgreSQL and PGlite both run DDL in transactions), so a
 * kill or a crash halfway leaves the database as it was before that migration and the next start simply
 * applies it again. Prisma's schema engine runs a script statement by statement outside a transaction, which
 * is why the server does not use it here. The rows are the ones `prisma migrate deploy` writes (same table,
 * sha256 checksum of the file), so `prisma migrate status` agrees. A session advisory lock (Prisma's own key)
 * makes instances starting together take turns: the second one finds nothing left to do.
 * Safe to call on every start: nothing pending, nothing done. Returns the names applied.
 */
export async function applyMigrations(url: string, baseDir = MIGRATIONS_DIR): Promise<string[]> {
  // The embedded database is one PostgreSQL session behind its socket, so a session lock does not keep two
  // callers of one process apart there: they queue here first.
  const previous = queue;
  let done!: () => void;
  queue = new Promise<void>((resolve) => (done = resolve));
  await previous;
  try {
    return await applyLocked(url, baseDir);
  } finally {
    done();
  }
}

let queue: Promise<void> = Promise.resolve();

async function applyLocked(url: string, baseDir: string): Promise<string[]> {
  const list = await readMigrations(baseDir);
  const client = new pg.Client({ connectionString: url });
  // A connection lost mid-run rejects the query in flight; the event itself must not crash the process.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(MIGRATIONS_TABLE_SQL);
    const { rows } = await client.query<{ migration_name: string; finished_at: Date | null }>(
      `SELECT migration_name, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const unfinished = rows.filter((row) => row.finished_at === null).map((row) => row.migration_name);
    if (unfinished.length)
      throw new FailedMigrationError(
        `Migration ${unfinished.join(", ")} started and never finished (applied by a tool that does not use ` +
          `transactions). Check the database, then run "npx prisma migrate resolve --rolled-back <name>" ` +
          `(or --applied) and start again.`,
      );
    const done = new Set(rows.map((row) => row.migration_name));
    const applied: string[] = [];
    for (const dir of list.migrationDirectories) {
      if (done.has(dir.path)) continue;
      if (dir.migrationFile.content.tag !== "ok")
        throw new Error(`Cannot read prisma/migrations/${dir.path}/migration.sql: ${dir.migrationFile.content.value}`);
      const script = dir.migrationFile.content.value;
      await client.query("BEGIN");
      try {
        // applied meanwhile by a process the lock did not hold back (two clients of one embedded database)
        const again = await client.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [dir.path]);
        if (again.rowCount) {
          await client.query("ROLLBACK");
          continue;
        }
        await client.query(script);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), createHash("sha256").update(script).digest("hex"), dir.path],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
      applied.push(dir.path);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
