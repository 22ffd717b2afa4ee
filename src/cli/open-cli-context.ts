import { parseEnv, type Env } from "../config/env.ts";
import { openMasterKey } from "../boot/open-master-key.ts";
import type { Cipher } from "../crypto/create-cipher.ts";
import { applyMigrations } from "../db/apply-migrations.ts";
import { createPrismaClient, type Db } from "../db/create-prisma-client.ts";
import { openDatabaseUrl } from "../db/open-database-url.ts";
import { createLogger, type Logger } from "../log/create-logger.ts";

export type CliContext = {
  env: Env;
  db: Db;
  cipher: Cipher;
  log: Logger;
  /** migrations this start applied (the CLI brings the database up to date like the server does) */
  applied: string[];
  out: (line: string) => void;
  close(): Promise<void>;
};

/**
 * The same database and key as the server: through the server's socket when it runs (embedded default),
 * or by opening the embedded database itself when it does not; DATABASE_URL when set.
 */
export async function openCliContext(source: Record<string, string | undefined> = process.env): Promise<CliContext> {
  const env = parseEnv(source);
  const log = createLogger({ level: source.LOG_LEVEL ?? "warn" });
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
