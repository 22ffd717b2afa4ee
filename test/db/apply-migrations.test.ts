import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "../../src/db/apply-migrations.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { TEST_NODE_FLAGS } from "../support/node-args.ts";

const run = promisify(execFile);
const DIAGNOSE = path.join(import.meta.dirname, "diagnose-history.ts");

let lentera: TestLentera;
let dir: string;
beforeAll(async () => {
  // A database of its own, not one a worker lends from test to test: this file's migrations and Prisma's
  // engine must find nothing another test left in it (the engine hung a minute on a lent PostgreSQL database
  // in CI, twice).
  lentera = await createTestLentera({ ownDatabase: true });
  dir = await mkdtemp(path.join(os.tmpdir(), "lentera-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
});
afterAll(async () => {
  await lentera?.close();
  await rm(dir, { recursive: true, force: true });
});

async function addMigration(name: string, sql: string) {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, "migration.sql"), sql);
}

async function query<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: lentera.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

test("a migration that fails halfway leaves nothing behind, and the next start applies it once it is fixed", async () => {
  await addMigration("20991231000000_halfway", `CREATE TABLE "Halfway" (id INT);\nSELECT 1/0;\n`);
  await expect(applyMigrations(lentera.databaseUrl, dir)).rejects.toThrow(/division by zero/);
  expect(await query(`SELECT to_regclass('"Halfway"') AS t`)).toEqual([{ t: null }]);
  expect(await query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '20991231000000_halfway'`)).toEqual([]);
  await writeFile(path.join(dir, "20991231000000_halfway", "migration.sql"), `CREATE TABLE "Halfway" (id INT);\n`);
  expect(await applyMigrations(lentera.databaseUrl, dir)).toEqual(["20991231000000_halfway"]);
  expect(await applyMigrations(lentera.databaseUrl, dir)).toEqual([]);
});

test("two instances starting together: the advisory lock makes them take turns, each migration applied once", async () => {
  await addMigration("20991231000001_together", `CREATE TABLE "Together" (id INT);\n`);
  const [a, b] = await Promise.all([
    applyMigrations(lentera.databaseUrl, dir),
    applyMigrations(lentera.databaseUrl, dir),
  ]);
  expect([...a, ...b]).toEqual(["20991231000001_together"]);
});

/**
 * The engine runs in a process of its own, given 30 s and one more try: in CI it twice hung a minute on
 * PostgreSQL and then panicked inside the test worker (a message that was no longer text), which no retry in
 * the worker survives. A hang is reported with what the database's sessions were doing.
 */
test(
  "Prisma's own engine agrees with what was recorded: nothing edited, failed or pending",
  { timeout: 90_000 },
  async () => {
    const diagnose = async () => {
      try {
        const { stdout } = await run(
          process.execPath,
          [...TEST_NODE_FLAGS, "--import", "tsx", DIAGNOSE, lentera.databaseUrl, dir],
          {
            timeout: 30_000,
            killSignal: "SIGKILL",
          },
        );
        return JSON.parse(stdout) as unknown;
      } catch (error) {
        process.stderr.write(
          `diagnoseMigrationHistory failed (${String(error).slice(0, 200)}); ${await stuckSessions()}\n`,
        );
        return undefined;
      }
    };
    const diagnosis = (await diagnose()) ?? (await diagnose());
    expect(diagnosis).toMatchObject({ editedMigrationNames: [], failedMigrationNames: [], history: null });
  },
);

/** The database's other sessions and their advisory locks, to tell a hang's cause. */
async function stuckSessions(): Promise<string> {
  const sessions = await query<Record<string, unknown>>(
    `SELECT a.pid, a.state, a.wait_event_type, a.wait_event, left(a.query, 80) AS query, l.objid, l.granted
       FROM pg_stat_activity a LEFT JOIN pg_locks l ON l.pid = a.pid AND l.locktype = 'advisory'
      WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()`,
  ).catch((error: unknown) => [{ error: String(error) }]);
  return `sessions: ${JSON.stringify(sessions)}`;
}
