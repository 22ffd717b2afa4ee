import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "../../src/db/apply-migrations.ts";
import { startEmbeddedPostgres } from "../../src/db/start-embedded-postgres.ts";
import { browserTestsSkipped } from "./browser-tests-skipped.ts";

/**
 * Once per test run, two embedded databases that tests copy instead of building their own (initdb takes
 * seconds, the migrations a second or two; a copy takes a fraction of one): LENTERA_TEST_TEMPLATE with every
 * migration applied, and LENTERA_TEST_TEMPLATE_BARE, initialised but with no migration yet — a first start
 * as far as the migrations go, for the tests of what happens while they run.
 */
export default async function setup() {
  const skipped = browserTestsSkipped();
  if (skipped && process.env.SKIP_BROWSER_TESTS !== "1")
    process.stderr.write(`\n!!! BROWSER TESTS SKIPPED: ${skipped}\n\n`);
  if (process.env.TEST_DATABASE_URL) return;
  const bare = await mkdtemp(path.join(os.tmpdir(), "lentera-template-bare-"));
  await (await startEmbeddedPostgres(bare)).close();
  const dir = await mkdtemp(path.join(os.tmpdir(), "lentera-template-"));
  await cp(bare, dir, { recursive: true });
  const database = await startEmbeddedPostgres(dir);
  await applyMigrations(database.url);
  await database.close();
  process.env.LENTERA_TEST_TEMPLATE = dir;
  process.env.LENTERA_TEST_TEMPLATE_BARE = bare;
  return async () => {
    await Promise.all([dir, bare].map((d) => rm(d, { recursive: true, force: true })));
  };
}
