import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { createDataDir } from "../support/create-data-dir.ts";
import { startMainProcess } from "../support/start-main-process.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
const skip = Boolean(process.env.TEST_DATABASE_URL);

// Stopping during the first start's migrations: shutdown-during-migrations.test.ts, kill-during-migrations.test.ts.
test.skipIf(skip)(
  "SIGTERM under sustained keep-alive traffic: new requests 503, in-flight ones finish, exit 0 within SHUTDOWN_TIMEOUT_MS",
  { timeout: 120_000 },
  async () => {
    const dir = await createDataDir("lentera-stop-");
    dirs.push(dir);
    const main = startMainProcess({
      DATA_DIR: dir,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      SHUTDOWN_TIMEOUT_MS: "5000",
    });
    const url = await main.url();
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
