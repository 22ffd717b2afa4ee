import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/command.ts";
import { caseworkerAdd } from "../../src/cli/commands/caseworker-add.ts";
import { openCliContext, type CliContext } from "../../src/cli/open-cli-context.ts";
import { findCaseworkerByToken } from "../../src/casework/api-tokens.ts";
import { verifyPassword } from "../../src/casework/hash-password.ts";
import { createDataDir } from "../support/create-data-dir.ts";
import { CLI_ARGS } from "../support/node-args.ts";

const run = promisify(execFile);

/**
 * `npm run cli -- caseworker add` in a child process, on an embedded database of its own (server not running).
 * Its refusals of a missing database and a bad role: caseworker-add-cli-refusals.test.ts.
 */
describe("cli: caseworker add", { timeout: 120_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await createDataDir("lentera-cli-");
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  const cli = (args: string[], input?: string) => {
    const child = run(process.execPath, [...CLI_ARGS, ...args], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent" },
    });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    return child;
  };

  it("creates an account, prints its API token once, and resets password, token and role when run again", async () => {
    const first = await cli([
      "--create",
      "caseworker",
      "add",
      "--email",
      "Rina@Example.org",
      "--name",
      "Rina",
      "--role",
      "caseworker",
      "--password",
      "first password 1",
    ]);
    const token1 = first.stdout.trim().split("\n").at(-1)!;
    expect(first.stdout).toContain(`Database: embedded, in ${path.resolve(dataDir)}`);
    expect(token1).toMatch(/^lnt_[\w-]{40,}$/);
    expect(first.stdout).toContain("Created caseworker rina@example.org (Rina).");

    const second = await cli(
      [
        "caseworker",
        "add",
        "--email",
        "rina@example.org",
        "--name",
        "Rina W",
        "--role",
        "supervisor",
        "--password-stdin",
      ],
      "second password 2\n",
    );
    const token2 = second.stdout.trim().split("\n").at(-1)!;
    expect(second.stdout).toContain("Reset supervisor rina@example.org (Rina W).");
    expect(token2).not.toBe(token1);

    const ctx = await openCliContext({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
    try {
      expect(await findCaseworkerByToken(ctx.db, token1)).toBeNull();
      const account = await findCaseworkerByToken(ctx.db, token2);
      expect(account).toMatchObject({ email: "rina@example.org", name: "Rina W", role: "supervisor" });
      expect(await verifyPassword("second password 2", account!.passwordHash)).toBe(true);
      expect(await verifyPassword("first password 1", account!.passwordHash)).toBe(false);
      expect(account!.passwordHash).not.toContain("second");
    } finally {
      await ctx.close();
    }
  });

  it("refuses a bad email or a password that is too short before touching the database", async () => {
    const ctx = {
      db: new Proxy(
        {},
        {
          get: () => {
            throw new Error("must not touch the database");
          },
        },
      ),
    } as unknown as CliContext;
    for (const values of [
      { email: "not-an-email", name: "X", role: "admin" },
      { email: "x@example.org", name: "X", role: "admin", password: "short" },
      { email: "x@example.org", name: "", role: "admin" },
    ]) {
      await expect(caseworkerAdd.run(ctx, values, [])).rejects.toBeInstanceOf(UsageError);
    }
  });
});
