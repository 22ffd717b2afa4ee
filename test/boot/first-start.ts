import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll } from "vitest";
import { createDataDir } from "../support/create-data-dir.ts";
import { startMainProcess } from "../support/start-main-process.ts";

/**
 * For the tests of stopping Lentera during its first start's migrations (one file each, so each stays well
 * under the suite's 10 s a file): a DATA_DIR whose database was initialised and never migrated, the server
 * process on it, and a wait for the moment it has taken the database.
 */
export function useFirstStart() {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
  return {
    /** A DATA_DIR whose database was initialised and never migrated: its first start runs every migration. */
    async unmigratedDataDir() {
      const dir = await createDataDir("lentera-stop-", { migrated: false });
      dirs.push(dir);
      return dir;
    },
    start: (dir: string) => startMainProcess({ DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" }),
    async lockTaken(dir: string, pollMs: number) {
      const deadline = Date.now() + 60_000;
      while (!existsSync(path.join(dir, "pglite.lock")) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, pollMs));
    },
  };
}
