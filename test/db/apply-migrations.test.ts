import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "../../src/db/apply-migrations.ts";
import { loadSchemaEngine } from "../../src/db/load-schema-engine.ts";
import { readMigrations } from "../../src/db/read-migrations.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";

let lentera: TestLentera;
let dir: string;
beforeAll(async () => {
  lentera = await createTestLentera();
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

test("Prisma's own engine agrees with what was recorded: nothing edited, failed or pending", async () => {
  const { engine, close } = await loadSchemaEngine(lentera.databaseUrl);
  try {
    const diagnosis = await engine.diagnoseMigrationHistory({
      migrationsList: await readMigrations(dir),
      optInToShadowDatabase: false,
      filters: { externalTables: [], externalEnums: [] },
    });
    expect(diagnosis).toMatchObject({ editedMigrationNames: [], failedMigrationNames: [], history: null });
  } finally {
    await close();
  }
});
