import { createHash, randomBytes } from "node:crypto";
import { access, cp, mkdir, mkdtemp, readdir, readFile, rm, statfs } from "node:fs/promises";
import { constants, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, MIGRATIONS_DIR } from "../../src/db/apply-migrations.ts";
import { startEmbeddedPostgres } from "../../src/db/start-embedded-postgres.ts";
import { browserTestsSkipped } from "./browser-tests-skipped.ts";
import { buildCached, removeStale } from "./build-cached.ts";
import { buildProcessBundles } from "./build-process-bundles.ts";
import { dropRunDatabases } from "./server-database-pool.ts";

/** Kept between runs: building the templates takes seconds, and they only change with what makes them. */
const CACHE_DIR = path.resolve("node_modules/.cache/lentera-test-templates");
/** What the templates are made of: the migrations, the code that creates and migrates a database, PGlite. */
const INPUTS = [
  "src/db/start-embedded-postgres.ts",
  "src/db/embedded-postgres-worker.mjs",
  "src/db/apply-migrations.ts",
  "node_modules/@electric-sql/pglite/package.json",
];

/**
 * Once per test run, two embedded databases that tests copy instead of building their own (initdb takes
 * seconds, the migrations a second or two; a copy takes a fraction of one): LENTERA_TEST_TEMPLATE with every
 * migration applied, and LENTERA_TEST_TEMPLATE_BARE, initialised but with no migration yet — a first start
 * as far as the migrations go, for the tests of what happens while they run.
 *
 * They are cached in node_modules/.cache under a hash of what makes them, so a run after the first (and a
 * single test file) does not build them again; a change to a migration or to PGlite builds new ones.
 */
export default async function setup() {
  // Folders of runs that ended over an hour ago: a worker's Chromium, ended with the worker, writes its
  // profile once more after its run's folder was deleted, leaving a few kilobytes behind.
  const parent = await runParent();
  await removeStale(parent, (entry) => entry.startsWith("lentera-run-"));
  // The run's own folder (pooled databases, embedded-database-pool.ts), deleted when the run ends: the
  // workers' processes are ended without a chance to clean up, and other runs may share the temp folder.
  const runDir = await mkdtemp(path.join(parent, "lentera-run-"));
  process.env.LENTERA_TEST_RUN_DIR = runDir;
  // The workers' temp folder too (os.tmpdir()): what a test or Chromium leaves in it (a worker's browser is
  // never closed, so Playwright never deletes its profile) goes with the run instead of piling up in /tmp.
  const tmp = path.join(runDir, "tmp");
  await mkdir(tmp);
  process.env.TMPDIR = tmp;
  // (a worker's Chromium may still be writing its profile while it ends: retried, and never an error)
  const teardown = () => rm(runDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
  const skipped = browserTestsSkipped();
  if (skipped && process.env.SKIP_BROWSER_TESTS !== "1")
    process.stderr.write(`\n!!! BROWSER TESTS SKIPPED: ${skipped}\n\n`);
  // esbuild works in a process of its own: on a fresh clone the bundles build while PGlite builds the templates
  const bundles = buildProcessBundles();
  // (a failed build is reported where it is awaited, not first as an unhandled rejection meanwhile)
  bundles.catch(() => {});
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    process.env.LENTERA_TEST_BUNDLES = await bundles;
    // the run's databases on the server (server-database-pool.ts), dropped when it ends
    const prefix = `lentera_test_${randomBytes(4).toString("hex")}_`;
    process.env.LENTERA_TEST_DATABASE_PREFIX = prefix;
    return async () => {
      await teardown();
      await dropRunDatabases(server, prefix);
    };
  }
  const dir = path.join(CACHE_DIR, await inputsHash());
  const built = existsSync(path.join(dir, "migrated", "pgdata", "PG_VERSION"));
  [process.env.LENTERA_TEST_BUNDLES] = await Promise.all([bundles, built ? undefined : buildTemplates(dir)]);
  process.env.LENTERA_TEST_TEMPLATE = path.join(dir, "migrated");
  process.env.LENTERA_TEST_TEMPLATE_BARE = path.join(dir, "bare");
  return teardown;
}

/** A run's folder held ~230 MB at most (the workers' databases, copies, Chromium's profiles): room to spare. */
const MIN_MEMORY_BYTES = 1024 ** 3;

/**
 * Where the run's folder goes: LENTERA_TEST_TMP if set, else memory (/dev/shm) where the machine has it, else
 * the temp folder. The databases of a run write and sync thousands of small files; on a disk that was about
 * a quarter of the suite's time (46 s of system CPU, 119 s → 90 s wall when moved). Nothing a test checks
 * depends on the kind of file system: file modes and what an erased database leaves in its files are the same.
 */
async function runParent(): Promise<string> {
  const chosen = process.env.LENTERA_TEST_TMP;
  if (chosen) return chosen;
  const memory = "/dev/shm";
  const usable = await access(memory, constants.W_OK | constants.X_OK)
    .then(() => statfs(memory))
    .then((fs) => fs.bavail * fs.bsize >= MIN_MEMORY_BYTES)
    .catch(() => false);
  return usable ? memory : os.tmpdir();
}

async function buildTemplates(dir: string) {
  await buildCached(dir, async (building) => {
    const bare = path.join(building, "bare");
    await (await startEmbeddedPostgres(bare)).close();
    const migrated = path.join(building, "migrated");
    await cp(bare, migrated, { recursive: true });
    const database = await startEmbeddedPostgres(migrated);
    await applyMigrations(database.url);
    await database.close();
  });
}

async function inputsHash(): Promise<string> {
  const hash = createHash("sha256");
  const migrations = (await readdir(MIGRATIONS_DIR, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...INPUTS.map((f) => path.resolve(f)), ...migrations])
    hash.update(`${path.relative(process.cwd(), file)}\0`).update(await readFile(file));
  return hash.digest("hex").slice(0, 16);
}
