import { mkdtemp, rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startLentera, type Lentera } from "../../src/boot/start-lentera.ts";
import { parseEnv } from "../../src/config/env.ts";
import { createLogger } from "../../src/log/create-logger.ts";
import type { WhatsAppSocketFactory } from "../../src/channels/whatsapp/types.ts";
import { createDataDir } from "./create-data-dir.ts";
import { takePooledDataDir } from "./embedded-database-pool.ts";
import { dropServerDatabase, takePooledServerDatabase } from "./server-database-pool.ts";
import type { TelegramBotOptions } from "../../src/channels/telegram/create-telegram-bot.ts";
import type { Sleep } from "../../src/retry/retry-with-backoff.ts";

type StartOptions = Parameters<typeof startLentera>[1];
export type BeforeDrop = (database: { name: string; server: string }) => Promise<void>;
export type TestLentera = Lentera & { dataDir: string; env: ReturnType<typeof parseEnv> };

/**
 * A whole Lentera on a fresh database: embedded PGlite in a temp folder by default, or a database on the
 * PostgreSQL server of TEST_DATABASE_URL (CI runs the suite both ways). The database is one the test worker
 * already has, migrated, emptied when the previous Lentera closed (see `ownDatabase`).
 */
export async function createTestLentera(
  options: {
    env?: Record<string, string>;
    listen?: boolean;
    /** where Lentera logs (default: at LOG_LEVEL, silent in tests); the log privacy test reads every line */
    log?: StartOptions["log"];
    now?: () => Date;
    whatsappSocketFactory?: WhatsAppSocketFactory;
    /** WhatsApp's pace and reconnect backoff (FAST_WHATSAPP in test/channels/whatsapp/support.ts: no real second a message) */
    whatsappTimings?: StartOptions["whatsappTimings"];
    sleep?: Sleep;
    telegramThrottle?: TelegramBotOptions["privateChatThrottle"];
    telegramGroupThrottle?: TelegramBotOptions["groupChatThrottle"];
    /** PostgreSQL runs: called after a clean shutdown, before the test database is dropped (a disk scan) */
    beforeDrop?: BeforeDrop;
    /** how often the console's live streams look again unwoken (default 5 s) */
    liveCheckMs?: number;
    /**
     * A database of its own instead of one lent by the worker's pool (embedded-database-pool.ts,
     * server-database-pool.ts): embedded, a template copy this Lentera starts and stops; on PostgreSQL, a new
     * database dropped on close. For tests of start-up, restarts or what the database leaves on disk; a
     * DATABASE_URL in `env` implies it, and so do a DATA_DIR (embedded) and `beforeDrop` (PostgreSQL).
     */
    ownDatabase?: boolean;
  } = {},
): Promise<TestLentera> {
  const server = process.env.TEST_DATABASE_URL;
  // Pools live only inside a test run (global-setup made the template and drops what a run leaves on the
  // server); a script (bench:stats, bench:webchat) gets a database of its own.
  const lent = Boolean(process.env.VITEST) && !options.ownDatabase && !options.env?.DATABASE_URL;
  const pooled = !server && lent && !options.env?.DATA_DIR ? await takePooledDataDir() : undefined;
  const pooledServer = server && lent && !options.beforeDrop ? await takePooledServerDatabase(server) : undefined;
  // a DATA_DIR of the test's own is the test's to delete
  const ownDataDir = options.env?.DATA_DIR;
  const dataDir =
    ownDataDir ??
    pooled?.dataDir ??
    (server ? await mkdtemp(path.join(os.tmpdir(), "lentera-test-")) : await createDataDir());
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  let beforeDrop = async () => {};
  if (pooledServer) databaseUrl = pooledServer.url;
  else if (server) {
    const name = `${process.env.LENTERA_TEST_DATABASE_PREFIX ?? "lentera_test_"}${randomBytes(6).toString("hex")}`;
    if (options.beforeDrop) beforeDrop = () => options.beforeDrop!({ name, server });
    await withClient(server, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(server);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = () => dropServerDatabase(server, name);
  }
  const env = parseEnv({
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    // Tests start many chats from one (absent) address; the flood limit's own test sets it.
    WEBCHAT_CONVERSATIONS_PER_IP_PER_HOUR: "0",
    // No retention run at start: it purges on the real clock what tests date in the past (rate counters,
    // files); its purges have tests of their own (retention-records, media-erasure).
    RETENTION_RUN_EVERY_HOURS: "0",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...options.env,
  });
  const lentera = await startLentera(env, {
    log: options.log ?? createLogger({ level: env.LOG_LEVEL }),
    listen: options.listen ?? false,
    onMissingTranslation: (locale, key) => {
      throw new Error(`missing translation ${locale}:${key}`);
    },
    ...(options.now ? { now: options.now } : {}),
    ...(options.whatsappSocketFactory ? { whatsappSocketFactory: options.whatsappSocketFactory } : {}),
    ...(options.whatsappTimings ? { whatsappTimings: options.whatsappTimings } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.telegramThrottle ? { telegramThrottle: options.telegramThrottle } : {}),
    ...(options.telegramGroupThrottle ? { telegramGroupThrottle: options.telegramGroupThrottle } : {}),
    ...(options.liveCheckMs ? { liveCheckMs: options.liveCheckMs } : {}),
  }).catch(async (error: unknown) => {
    await pooled?.release();
    await pooledServer?.release();
    throw error;
  });
  return {
    ...lentera,
    dataDir,
    env,
    close: async () => {
      await lentera.close();
      if (pooled) return pooled.release();
      if (pooledServer) await pooledServer.release();
      else {
        await beforeDrop();
        await dropDatabase();
      }
      if (!ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
