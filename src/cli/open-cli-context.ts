import { existsSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "../config/env.ts";
import type { Cipher } from "../crypto/create-cipher.ts";
import { applyMigrations } from "../db/apply-migrations.ts";
import { createPrismaClient } from "../db/create-prisma-client.ts";
import { EMBEDDED_DATABASE_URL, openDatabaseUrl } from "../db/open-database-url.ts";
import { openMasterKey } from "../db/open-master-key.ts";
import { createLogger } from "../log/create-logger.ts";
import { UsageError, type CliContext } from "./command.ts";

export type { CliContext } from "./command.ts";

/**
 * The same database and key as the server: through the server's socket when it runs (embedded default),
 * or by opening the embedded database itself when it does not; DATABASE_URL when set.
 *
 * `create: false` (what `npm run cli` passes unless `--create` is given) refuses to make a new embedded
 * database: a CLI run with the wrong DATA_DIR would otherwise create a second database with a key of its
 * own, and accounts made there could never sign in to the server's console.
 */
export async function openCliContext(
  source: Record<string, string | undefined> = process.env,
  options: { create?: boolean; announce?: (line: string) => void } = {},
): Promise<CliContext> {
  const env = parseEnv(source);
  const log = createLogger({ level: source.LOG_LEVEL ?? "warn" });
  const embedded = !env.DATABASE_URL || env.DATABASE_URL === EMBEDDED_DATABASE_URL;
  const dataDir = path.resolve(env.DATA_DIR);
  if (embedded && options.create === false && !existsSync(path.join(dataDir, "pgdata", "PG_VERSION")))
    throw new UsageError(
      `There is no Lentera database in ${dataDir} (DATA_DIR). Run the command with the DATA_DIR of the server ` +
        `(or its DATABASE_URL), or add --create to make a new, empty database there.`,
    );
  options.announce?.(embedded ? `Database: embedded, in ${dataDir}` : `Database: ${describeUrl(env.DATABASE_URL!)}`);
  const database = await openDatabaseUrl({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const applied = await applyMigrations(database.url);
  const db = createPrismaClient(database.url, { maxConnections: 1 });
  let cipher: Cipher;
  try {
    cipher = await openMasterKey(env, db);
  } catch (error) {
    await db.$disconnect();
    await database.close();
    throw error;
  }
  return {
    env,
    db,
    cipher,
    log,
    applied,
    out: (line) => process.stdout.write(`${line}\n`),
    close: async () => {
      await db.$disconnect();
      await database.close();
    },
  };
}

/** A server URL without its password, for saying which database a command uses. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}
