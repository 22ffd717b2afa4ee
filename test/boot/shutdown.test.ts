import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const skip = Boolean(process.env.TEST_DATABASE_URL);

function startMain(env: Record<string, string>) {
  // one process (not tsx's wrapper and its child), so signals and kill -9 reach the server itself
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

async function dataDir(fromTemplate: boolean) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lentera-stop-"));
  dirs.push(dir);
  if (fromTemplate && process.env.LENTERA_TEST_TEMPLATE)
    await cp(process.env.LENTERA_TEST_TEMPLATE, dir, { recursive: true });
  return dir;
}

async function waitForUrl(main: ReturnType<typeof startMain>) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const url = /open (http:\/\/\S+) /.exec(main.output().stdout)?.[1];
    if (url) return url;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no url: ${main.output().stderr}`);
}

test.skipIf(skip)(
  "SIGTERM under sustained keep-alive traffic: new requests 503, in-flight ones finish, exit 0 within SHUTDOWN_TIMEOUT_MS",
  { timeout: 120_000 },
  async () => {
    const dir = await dataDir(true);
    const main = startMain({ DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1", SHUTDOWN_TIMEOUT_MS: "5000" });
    const url = await waitForUrl(main);
    let signalledAt = 0;
    const afterSignal: number[] = [];
    let running = true;
    // four clients on keep-alive connections (undici's default), opening conversations as fast as they can
    const clients = Array.from({ length: 4 }, async () => {
      while (running) {
        const startedAt = Date.now();
        const status = await fetch(`${url}/api/webchat/conversations`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: "{}",
        }).then(
          async (r) => (await r.arrayBuffer(), r.status),
          () => 0,
        );
        // a request sent once the server is draining (in-flight ones may finish with 201)
        if (signalledAt && startedAt - signalledAt > 200) afterSignal.push(status);
        if (status === 0) await new Promise((r) => setTimeout(r, 20));
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    signalledAt = Date.now();
    main.child.kill("SIGTERM");
    const code = await main.exited;
    const tookMs = Date.now() - signalledAt;
    running = false;
    await Promise.all(clients);
    expect(code, main.output().stderr).toBe(0);
    expect(tookMs).toBeLessThan(5000);
    // nothing was accepted once the server was draining: 503 or connection refused
    expect(afterSignal.filter((s) => s >= 200 && s < 300)).toEqual([]);
    expect(existsSync(path.join(dir, "pglite.lock"))).toBe(false);
  },
);

test.skipIf(skip)(
  "SIGTERM while the first start runs its migrations: exit 0, and the next start comes up",
  { timeout: 180_000 },
  async () => {
    const dir = await dataDir(false);
    const first = startMain({ DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1" });
    const deadline = Date.now() + 60_000;
    while (!existsSync(path.join(dir, "pglite.lock")) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    first.child.kill("SIGTERM");
    expect(await first.exited, first.output().stderr).toBe(0);
    expect(first.output().stdout).not.toMatch(/Lentera is running/);
    const second = startMain({ DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1" });
    const url = await waitForUrl(second);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  },
);

test.skipIf(skip)(
  "kill -9 at any moment of the first start's migrations: every next start comes up",
  { timeout: 300_000 },
  async () => {
    const dir = await dataDir(false);
    for (const afterMs of [300, 1200]) {
      const victim = startMain({ DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1" });
      const deadline = Date.now() + 60_000;
      while (!existsSync(path.join(dir, "pglite.lock")) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, afterMs));
      victim.child.kill("SIGKILL");
      await victim.exited;
    }
    const next = startMain({ DATA_DIR: dir, PORT: "0", HOST: "127.0.0.1" });
    const url = await waitForUrl(next);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    next.child.kill("SIGTERM");
    expect(await next.exited).toBe(0);
  },
);
