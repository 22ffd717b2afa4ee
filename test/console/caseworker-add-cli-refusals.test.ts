import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCliContext } from "../../src/cli/open-cli-context.ts";
import { createDataDir } from "../support/create-data-dir.ts";
import { CLI_ARGS } from "../support/node-args.ts";

const run = promisify(execFile);

/** `npm run cli -- caseworker add` refusing, in a child process (what it does: caseworker-add-cli.test.ts). */
describe("cli: caseworker add", { timeout: 120_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await createDataDir("lentera-cli-");
    // PostgreSQL runs have no template to copy: the database an earlier `--create` would have made
    if (!existsSync(path.join(dataDir, "pgdata", "PG_VERSION")))
      await (
        await openCliContext({ DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent" }, { create: true })
      ).close();
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  const cli = (args: string[]) =>
    run(process.execPath, [...CLI_ARGS, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent" },
    });

  it("refuses to create a database that does not exist yet unless --create is given, naming the folder", async () => {
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), "lentera-cli-wrong-"));
    try {
      const refused = run(
        process.execPath,
        [...CLI_ARGS, "caseworker", "add", "--email", "a@example.org", "--name", "A", "--role", "admin"],
        {
          env: { ...process.env, DATA_DIR: elsewhere, DATABASE_URL: "", LOG_LEVEL: "silent" },
        },
      );
      await expect(refused).rejects.toMatchObject({
        code: 64,
        stderr: expect.stringContaining(`There is no Lentera database in ${path.resolve(elsewhere)} (DATA_DIR)`),
      });
      expect(await readdir(elsewhere)).toEqual([]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it("refuses a bad role with usage help (exit 64)", async () => {
    const refused = cli(["caseworker", "add", "--email", "x@example.org", "--name", "X", "--role", "boss"]);
    await expect(refused).rejects.toMatchObject({
      code: 64,
      stderr: expect.stringContaining("--role must be caseworker, supervisor or admin"),
    });
  });
});
