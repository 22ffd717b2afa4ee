import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createDataDir } from "../support/create-data-dir.ts";
import { startMainProcess } from "../support/start-main-process.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const startMain = (env: Record<string, string>) => startMainProcess({ LOG_LEVEL: "warn", ...env });

test.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  "npm start prints where to open Lentera, serves it, and stops cleanly on SIGTERM",
  { timeout: 120_000 },
  async () => {
    const dataDir = await createDataDir("lentera-main-");
    dirs.push(dataDir);
    const main = startMain({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" });
    const url = await main.url().catch(() => undefined);
    expect(url, main.output().stderr).toBeDefined();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(true);

    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
    // the embedded database was closed: its lock and socket are gone, so the next start (or the CLI) can open it
    expect(existsSync(path.join(dataDir, "pglite.lock"))).toBe(false);
    expect(existsSync(path.join(dataDir, ".s.PGSQL.5432"))).toBe(false);
  },
);

test("a bad setting stops the process with a message naming the variable", { timeout: 60_000 }, async () => {
  const main = startMain({ PORT: "eighty", DATA_DIR: path.join(os.tmpdir(), "lentera-never-created") });
  expect(await main.exited).toBe(78);
  expect(main.output().stderr).toMatch(/PORT/);
  expect(main.output().stderr).toMatch(/README "Configuration"/);
});
