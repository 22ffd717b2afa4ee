import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../../src/db/apply-migrations.ts";
import { startEmbeddedPostgres } from "../../src/db/start-embedded-postgres.ts";
import { browserTestsSkipped } from "./browser-tests-skipped.ts";

/**
 * Once per test run: an embedded database with every migration applied, which each test copies instead of
 * initialising its own (initdb and migrations take seconds; a copy takes a fraction of one).
 */
export default async function setup() {
  const skipped = browserTestsSkipped();
  if (skipped && process.env.SKIP_BROWSER_TESTS !== "1")
    process.stderr.write(`\n!!! BROWSER TESTS SKIPPED: ${skipped}\n\n`);
  if (process.env.TEST_DATABASE_URL) return;
  const dir = await mkdtemp(path.join(os.tmpdir(), "lentera-template-"));
  const database = await startEmbeddedPostgres(dir);
  await applyMigrations(database.url);
  await database.close();
  process.env.LENTERA_TEST_TEMPLATE = dir;
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
