import { expect, test } from "vitest";
import { useFirstStart } from "./first-start.ts";

const { unmigratedDataDir, start, lockTaken } = useFirstStart();
const skip = Boolean(process.env.TEST_DATABASE_URL);

// SIGTERM during the migrations: shutdown-during-migrations.test.ts.
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
