import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "vitest";
import { MIGRATIONS_DIR } from "../../src/db/apply-migrations.ts";
import { loadSchemaEngine } from "../../src/db/load-schema-engine.ts";
import { readMigrations } from "../../src/db/read-migrations.ts";
import { startEmbeddedPostgres } from "../../src/db/start-embedded-postgres.ts";
import { createDataDir } from "../support/create-data-dir.ts";
import { takePooledDataDir } from "../support/embedded-database-pool.ts";

/** Tables, columns, defaults, constraints, indexes and enums of the public schema, as comparable text. */
async function catalog(db: PGlite): Promise<string[]> {
  const queries = [
    `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' null=' || is_nullable || ' default=' || coalesce(column_default, '') AS line
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`,
    `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    `SELECT t.typname || ': ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
  ];
  const lines: string[] = [];
  for (const sql of queries) lines.push(...(await db.query<{ line: string }>(sql)).rows.map((r) => r.line));
  return lines.sort();
}

/**
 * An empty database, opened in this process: a copy of the run's initialised, never migrated template
 * (initdb, which `new PGlite()` would run in memory, takes seconds; without a template it runs here too).
 */
async function emptyDatabase(dirs: string[]): Promise<PGlite> {
  const dir = await createDataDir("lentera-diff-", { migrated: false });
  dirs.push(dir);
  return PGlite.create(path.join(dir, "pgdata"));
}

test("the migrations build exactly the database that schema.prisma describes", { timeout: 120_000 }, async () => {
  const dirs: string[] = [];
  const fromMigrations = await emptyDatabase(dirs);
  const fromSchema = await emptyDatabase(dirs);
  // The engine wants a live connection even to diff files (it writes nothing): the PostgreSQL server of the
  // run, or the worker's pooled embedded database (it answers on its folder's socket: this only finds its URL).
  const server = process.env.TEST_DATABASE_URL;
  const pooled = server ? undefined : await takePooledDataDir();
  const url = server ?? (await startEmbeddedPostgres(pooled!.dataDir)).url;
  const { engine, close } = await loadSchemaEngine(url);
  try {
    const list = await readMigrations(MIGRATIONS_DIR);
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const migration of list.migrationDirectories) {
      const file = migration.migrationFile.content;
      if (file.tag !== "ok") throw new Error(`${migration.path}: ${file.value}`);
      await fromMigrations.exec(file.value);
    }
    const schema = await readFile("prisma/schema.prisma", "utf8");
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: "prisma/schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    await fromSchema.exec(result.stdout ?? "");
    const expected = await catalog(fromSchema);
    expect(expected.length).toBeGreaterThan(50);
    expect(await catalog(fromMigrations)).toEqual(expected);
  } finally {
    await close();
    await fromMigrations.close();
    await fromSchema.close();
    await pooled?.release();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
});
