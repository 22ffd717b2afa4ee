import { chmod, lstat, readdir } from "node:fs/promises";
import path from "node:path";

/** Permission bits for the group and others: none of them may be set inside DATA_DIR. */
const GROUP_OTHER = 0o077;

/**
 * Makes DATA_DIR private to the account that runs Lentera: the folder and every folder in it 0700, every
 * file 0600. The server and the CLI set `umask 077`, so what they create is private already; this mends a
 * folder made by hand, copied from a backup, or written by an older version (PGlite wrote 0666), and says so.
 *
 * @returns how many entries were fixed
 */
export async function secureDataDir(dataDir: string, warn: (message: string) => void): Promise<number> {
  const root = path.resolve(dataDir);
  const rootStat = await lstat(root).catch(() => null);
  if (!rootStat?.isDirectory()) return 0;
  let fixed = 0;
  const visit = async (entry: string, isDir: boolean, mode: number) => {
    const wanted = isDir ? 0o700 : 0o600;
    if ((mode & GROUP_OTHER) !== 0) {
      await chmod(entry, wanted);
      fixed += 1;
    }
    if (!isDir) return;
    // a folder's entries side by side: a data folder holds about a thousand files, and one after another
    // their checks cost every start some 50 ms of waiting
    await Promise.all(
      (await readdir(entry, { withFileTypes: true }))
        .filter((child) => !child.isSymbolicLink())
        .map(async (child) => {
          const full = path.join(entry, child.name);
          const stat = await lstat(full).catch(() => null);
          if (stat) await visit(full, stat.isDirectory(), stat.mode);
        }),
    );
  };
  await visit(root, true, rootStat.mode);
  if (fixed)
    warn(
      `DATA_DIR ${root} was readable by other accounts: made ${fixed} files and folders private (folders 0700, files 0600). ` +
        "Keep it that way, and keep the encryption key out of it (README: ENCRYPTION_KEY_FILE).",
    );
  return fixed;
}
