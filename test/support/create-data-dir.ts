import { cp, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * A fresh DATA_DIR in the temp folder holding a copy of the run's template database (global-setup), so a
 * test that starts Lentera or the CLI on its own folder skips initdb (and, by default, the migrations): a
 * copy takes a fraction of a second, building one takes seconds. `migrated: false` copies the initialised
 * database with no migration applied (what a first start migrates). Without a template (TEST_DATABASE_URL
 * runs) it is empty.
 */
export async function createDataDir(prefix = "lentera-test-", options: { migrated?: boolean } = {}): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const template =
    options.migrated === false ? process.env.LENTERA_TEST_TEMPLATE_BARE : process.env.LENTERA_TEST_TEMPLATE;
  if (template) await cp(template, dataDir, { recursive: true });
  return dataDir;
}
