import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";

const TSX = path.resolve("node_modules/.bin/tsx");
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

function startMain(env: Record<string, string>) {
  const child = spawn(TSX, ["src/main.ts"], {
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

test.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  "npm start prints where to open Lentera, serves it, and stops cleanly on SIGTERM",
  { timeout: 120_000 },
  async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "lentera-main-"));
    dirs.push(dataDir);
    if (process.env.LENTERA_TEST_TEMPLATE) await cp(process.env.LENTERA_TEST_TEMPLATE, dataDir, { recursive: true });
    const main = startMain({ DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" });
    const deadline = Date.now() + 90_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline) {
      url = /open (http:\/\/\S+) /.exec(main.output().stdout)?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 200));
    }
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
