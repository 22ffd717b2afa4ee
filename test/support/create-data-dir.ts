import { copyFile, mkdir, mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/**
 * A fresh DATA_DIR in the temp folder holding a copy of the run's template database (global-setup), so a
 * test that starts Lentera or the CLI on its own folder skips initdb (and, by default, the migrations): a
 * copy takes a fraction of a second, building one takes seconds. `migrated: false` copies the initialised
 * database with no migration applied (what a first start migrates). Without a template (TEST_DATABASE_URL
 * runs) it is empty. `parent` is the folder to make it in (the temp folder by default).
 */
export async function createDataDir(
  prefix = "lentera-test-",
  options: { migrated?: boolean; parent?: string | undefined } = {},
): Promise<string> {
  const dataDir = await mkdtemp(path.join(options.parent ?? os.tmpdir(), prefix));
  const template =
    options.migrated === false ? process.env.LENTERA_TEST_TEMPLATE_BARE : process.env.LENTERA_TEST_TEMPLATE;
  if (template) await copyTree(template, dataDir);
  return dataDir;
}

/**
 * The template's ~1,100 files copied all at once (folders first): a few times faster than `fs.cp`, which
 * copies one file after another.
 */
async function copyTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const target = (entry: { parentPath: string; name: string }) =>
    path.join(to, path.relative(from, path.join(entry.parentPath, entry.name)));
  for (const entry of entries) if (entry.isDirectory()) await mkdir(target(entry), { recursive: true });
  await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => copyFile(path.join(entry.parentPath, entry.name), target(entry))),
  );
}
