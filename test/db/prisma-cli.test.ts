import { execFile } from "node:child_process";
import { chmod, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";
import { startEmbeddedPostgres } from "../../src/db/start-embedded-postgres.ts";
import { createDataDir } from "../support/create-data-dir.ts";
import { TEST_NODE_FLAGS } from "../support/node-args.ts";

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/**
 * `prisma migrate …` works offline through prisma/schema-engine.mjs (the WebAssembly engine), on the embedded
 * database: opened by the engine's process (deploy), or reached through its socket while it runs (status).
 */
test.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  "prisma migrate deploy and status run offline on the embedded database",
  { timeout: 120_000 },
  async () => {
    // initialised (initdb done once for the run), no migration applied yet
    const dataDir = await createDataDir("lentera-prisma-cli-", { migrated: false });
    dirs.push(dataDir);
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      PRISMA_SCHEMA_ENGINE_BINARY: await liftoffEngine(dataDir),
      DATABASE_URL: "",
    };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    const prisma = path.resolve("node_modules/.bin/prisma");

    const deploy = await run(prisma, ["migrate", "deploy"], { env, timeout: 90_000 });
    expect(deploy.stdout).toMatch(/20261128000000_init/);
    expect(deploy.stdout).toMatch(/successfully applied/);

    // status while the database runs, as when the server has it open: through its socket (deploy above
    // opened the database itself), and without starting a second PGlite in the engine's process
    const database = await startEmbeddedPostgres(dataDir);
    try {
      const status = await run(prisma, ["migrate", "status"], { env, timeout: 90_000 });
      expect(status.stdout).toMatch(/Database schema is up to date/);
    } finally {
      await database.close();
    }
  },
);

/**
 * prisma.config.ts's engine, prisma/schema-engine.mjs, started the way the suite starts the processes it
 * spawns (TEST_NODE_FLAGS: WebAssembly on V8's baseline compiler): the CLI starts the engine twice for a
 * deploy and once for a status, and each start compiles Prisma's schema engine and PGlite, which the
 * optimising compiler made about twice the CPU. A script beside the database, since the CLI runs the engine
 * as a program (PRISMA_SCHEMA_ENGINE_BINARY) with no room for node's flags.
 */
async function liftoffEngine(dir: string): Promise<string> {
  const file = path.join(dir, "schema-engine.sh");
  const argv = [process.execPath, ...TEST_NODE_FLAGS, path.resolve("prisma/schema-engine.mjs")];
  await writeFile(file, `#!/bin/sh\nexec ${argv.map((arg) => `'${arg}'`).join(" ")} "$@"\n`);
  await chmod(file, 0o755);
  return file;
}
