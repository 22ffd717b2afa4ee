import { expect, test } from "vitest";
import { useFirstStart } from "./first-start.ts";

const { unmigratedDataDir, start, lockTaken } = useFirstStart();
const skip = Boolean(process.env.TEST_DATABASE_URL);

// kill -9 during the migrations: kill-during-migrations.test.ts.
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
