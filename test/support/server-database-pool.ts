import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../../src/db/apply-migrations.ts";
import { readFingerprint, resetTestDatabase } from "./reset-test-database.ts";

/** Idle databases a test worker keeps on the server between its tests. */
const MAX_IDLE = 2;

/** A migrated database on the TEST_DATABASE_URL server lent to one test Lentera, and how to give it back. */
export type PooledServerDatabase = { name: string; url: string; release: () => Promise<void> };

type Pooled = { name: string; url: string; fingerprint: string };
type Pool = { idle: Pooled[] };

const POOL_KEY = Symbol.for("lentera.test.server-database-pool");
const pool = ((globalThis as Record<symbol, Pool | undefined>)[POOL_KEY] ??= { idle: [] });

/**
 * The PostgreSQL runs' counterpart of takePooledDataDir: a database of the run (named with its prefix,
 * LENTERA_TEST_DATABASE_PREFIX, so the run's global teardown drops every one of them) with every migration
 * applied, lent again once emptied (resetTestDatabase) instead of a CREATE DATABASE, the migrations and a
 * DROP for every test Lentera. A database whose schema a test changed is dropped instead.
 */
export async function takePooledServerDatabase(server: string): Promise<PooledServerDatabase> {
  const pooled = pool.idle.pop() ?? (await createPooled(server));
  let released = false;
  return {
    name: pooled.name,
    url: pooled.url,
    release: async () => {
      if (released) return;
      released = true;
      const reusable =
        pool.idle.length < MAX_IDLE && (await resetTestDatabase(pooled.url, pooled.fingerprint).catch(() => false));
      if (reusable) pool.idle.push(pooled);
      else await dropServerDatabase(server, pooled.name);
    },
  };
}

async function createPooled(server: string): Promise<Pooled> {
  const name = `${process.env.LENTERA_TEST_DATABASE_PREFIX ?? "lentera_test_"}${randomBytes(6).toString("hex")}`;
  await withClient(server, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    await applyMigrations(url.toString());
    return { name, url: url.toString(), fingerprint: await readFingerprint(url.toString()) };
  } catch (error) {
    await dropServerDatabase(server, name);
    throw error;
  }
}

/** Drops a test database, ending whatever is still connected to it. */
export async function dropServerDatabase(server: string, name: string): Promise<void> {
  await withClient(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** Every database of this run left on the server (the global teardown drops them). */
export async function dropRunDatabases(server: string, prefix: string): Promise<void> {
  const { rows } = await withClient(server, (client) =>
    client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]),
  );
  for (const { datname } of rows) await dropServerDatabase(server, datname);
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}
