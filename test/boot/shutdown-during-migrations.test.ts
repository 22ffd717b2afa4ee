import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createDataDir } from "../support/create-data-dir.ts";
import { startMainProcess } from "../support/start-main-process.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const skip = Boolean(process.env.TEST_DATABASE_URL);

/** A DATA_DIR whose database was initialised and never migrated: its first start runs every migration. */
async function unmigratedDataDir() {
  const dir = await createDataDir("lentera-stop-", { migrated: false });
  dirs.push(dir);
  return dir;
}

const start = (dir: string) => startMainProcess({ DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info" });

async function lockTaken(dir: string, pollMs: number) {
  const deadline = Date.now() + 60_000;
  while (!existsSync(path.join(dir, "pglite.lock")) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, pollMs));
}

test.skipIf(skip)(
  "SIGTERM while the first start runs its migrations: exit 0, and the next start comes up",
  { timeout: 180_000 },
  async () => {
    const dir = await unmigratedDataDir();
    const first = start(dir);
    await lockTaken(dir, 50);
    first.child.kill("SIGTERM");
    expect(await first.exited, first.output().stderr).toBe(0);
    expect(first.output().stdout).not.toMatch(/Lentera is running/);
    const second = start(dir);
    const url = await second.url();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  },
);

test.skipIf(skip)(
  "kill -9 at any moment of the first start's migrations: every next start comes up",
  { timeout: 300_000 },
  async () => {
    const dir = await unmigratedDataDir();
    for (const afterMs of [300, 1200]) {
      const victim = start(dir);
      await lockTaken(dir, 20);
      await new Promise((r) => setTimeout(r, afterMs));
      victim.child.kill("SIGKILL");
      await victim.exited;
    }
    const next = start(dir);
    const url = await next.url();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    next.child.kill("SIGTERM");
    expect(await next.exited).toBe(0);
  },
);
