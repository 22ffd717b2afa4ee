import { chmod, lstat, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { secureDataDir } from "../../src/boot/secure-data-dir.ts";
import { startMainProcess } from "../support/start-main-process.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function tempDir(prefix: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

const startMain = (env: Record<string, string>) =>
  startMainProcess({ LOG_LEVEL: "warn", PORT: "0", HOST: "127.0.0.1", ...env });

/** Every entry under `dir` whose mode lets the group or others read, write or enter it. */
async function openToOthers(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (entry: string) => {
    const stat = await lstat(entry);
    if (stat.isSymbolicLink()) return;
    if (stat.mode & 0o077) found.push(`${path.relative(dir, entry) || "."} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const child of await readdir(entry)) await walk(path.join(entry, child));
  };
  await walk(dir);
  return found;
}

/** Issue 13, items 4 and 5, through `npm start`'s own process (a start with another key: wrong-key-exit.test.ts). */
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))("the server's files", () => {
  it(
    "a fresh DATA_DIR holds no file others can read, while serving and after a stop",
    { timeout: 240_000 },
    async () => {
      const parent = await tempDir("lentera-private-");
      const dataDir = path.join(parent, "data");
      const key = randomBytes(32).toString("base64");
      const first = startMain({ DATA_DIR: dataDir, ENCRYPTION_KEY: key });
      const url = await first.url();
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const chat = await fetch(`${url}/api/webchat/conversations`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(chat.status).toBe(201);
      expect(await openToOthers(dataDir)).toEqual([]);
      first.child.kill("SIGTERM");
      expect(await first.exited).toBe(0);
      expect(await openToOthers(dataDir)).toEqual([]);
    },
  );
});

describe("secureDataDir", () => {
  it("warns about a folder others can read and makes it and everything in it private", async () => {
    const dir = await tempDir("lentera-open-");
    await chmod(dir, 0o755);
    await mkdir(path.join(dir, "pgdata", "base"), { recursive: true, mode: 0o777 });
    await chmod(path.join(dir, "pgdata"), 0o777);
    await writeFile(path.join(dir, "pgdata", "base", "1"), "x", { mode: 0o666 });
    await chmod(path.join(dir, "pgdata", "base", "1"), 0o666);
    await writeFile(path.join(dir, "encryption.key"), "k", { mode: 0o600 });
    expect((await openToOthers(dir)).length).toBeGreaterThan(0);
    const warnings: string[] = [];
    expect(await secureDataDir(dir, (m) => warnings.push(m))).toBe(4);
    expect(await openToOthers(dir)).toEqual([]);
    expect((await lstat(path.join(dir, "pgdata", "base", "1"))).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([
      expect.stringMatching(/was readable by other accounts: made 4 files and folders private/),
    ]);
    expect(await secureDataDir(dir, (m) => warnings.push(m))).toBe(0);
    expect(warnings).toHaveLength(1);
  });
});
