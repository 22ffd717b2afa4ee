import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLentera } from "../../src/boot/start-lentera.ts";
import { KEY_CHECK_SETTING, KeyCheckError } from "../../src/crypto/check-master-key.ts";
import { createLogger } from "../../src/log/create-logger.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { startChat } from "../support/webchat-client.ts";

/** Issue 13, item 4: the database records a check value of the master key; another key never starts. */
describe("master key check", () => {
  let lentera: TestLentera;
  const key = randomBytes(32).toString("base64");
  beforeAll(async () => {
    lentera = await createTestLentera({ env: { ENCRYPTION_KEY: key } });
    await startChat(lentera.app, "en");
  });
  afterAll(() => lentera?.close());

  // A second start on the same database (through the first one's socket, or the same PostgreSQL database).
  const startAgain = (env: { ENCRYPTION_KEY?: string }) =>
    startLentera({ ...lentera.env, ENCRYPTION_KEY: env.ENCRYPTION_KEY }, { log: createLogger({ level: "silent" }) });

  it("records a check value on the first start, and it is not the key", async () => {
    const row = await lentera.db.setting.findUniqueOrThrow({ where: { key: KEY_CHECK_SETTING } });
    expect(JSON.stringify(row.value)).not.toContain(key);
    expect((row.value as { check: string }).check).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a different key with a message naming ENCRYPTION_KEY and how to restore it, writing nothing", async () => {
    const before = { settings: await lentera.db.setting.count(), audit: await lentera.db.auditEvent.count() };
    const start = startAgain({ ENCRYPTION_KEY: randomBytes(32).toString("hex") });
    await expect(start).rejects.toBeInstanceOf(KeyCheckError);
    await expect(start).rejects.toThrow(/ENCRYPTION_KEY is not the key this database was written with/);
    await expect(start).rejects.toThrow(/Restore the original key/);
    expect({ settings: await lentera.db.setting.count(), audit: await lentera.db.auditEvent.count() }).toEqual(before);
  });

  it("refuses a missing key instead of generating a new one into DATA_DIR", async () => {
    const start = startAgain({});
    await expect(start).rejects.toBeInstanceOf(KeyCheckError);
    await expect(start).rejects.toThrow(/No encryption key: ENCRYPTION_KEY is not set/);
    const { existsSync } = await import("node:fs");
    expect(existsSync(`${lentera.dataDir}/encryption.key`)).toBe(false);
  });

  it("checks a database from before check values by decrypting what it holds, then records the value", async () => {
    await lentera.db.setting.delete({ where: { key: KEY_CHECK_SETTING } });
    await expect(startAgain({ ENCRYPTION_KEY: randomBytes(32).toString("hex") })).rejects.toBeInstanceOf(KeyCheckError);
    expect(await lentera.db.setting.count({ where: { key: KEY_CHECK_SETTING } })).toBe(0);
    const again = await startAgain({ ENCRYPTION_KEY: key });
    await again.close();
    expect(await lentera.db.setting.count({ where: { key: KEY_CHECK_SETTING } })).toBe(1);
  });
});
