import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, expect, it } from "vitest";
import { createDataDir } from "../support/create-data-dir.ts";
import { createTestLentera } from "../support/create-test-lentera.ts";
import { startChat } from "../support/webchat-client.ts";
import { startMainProcess } from "../support/start-main-process.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/**
 * Issue 13, item 4, through `npm start`'s own process: a database written with one key never serves under
 * another (what the files of a fresh DATA_DIR look like: private-files.test.ts; the check itself in-process:
 * key-check.test.ts).
 */
it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  "a start with another key exits 78 and never serves",
  { timeout: 120_000 },
  async () => {
    const dataDir = await createDataDir("lentera-wrong-key-");
    dirs.push(dataDir);
    // the database's first start records its key and takes a conversation, then stops
    const first = await createTestLentera({
      env: { DATA_DIR: dataDir, ENCRYPTION_KEY: randomBytes(32).toString("base64") },
    });
    await startChat(first.app, "id");
    await first.close();
    const wrong = startMainProcess({
      LOG_LEVEL: "warn",
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    });
    expect(await wrong.exited).toBe(78);
    expect(wrong.output().stderr).toMatch(/ENCRYPTION_KEY is not the key this database was written with/);
    expect(wrong.output().stdout).not.toMatch(/Lentera is running/);
  },
);
