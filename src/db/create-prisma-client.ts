import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/client.ts";
import { createStatementNames } from "./name-statements.ts";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`: what services take when they must run in one. */
export type Tx = Prisma.TransactionClient;

/**
 * One Prisma client for the whole process, made in `main.ts` and injected (no import-time singleton).
 * The embedded PGlite serves one query at a time, so its pool keeps a single connection.
 *
 * The pool is ours so that no connection can crash the process: PostgreSQL ends connections on a restart
 * or a failover (57P01 "terminating connection due to administrator command"), and `pg` emits that as an
 * `'error'` event on the client, which kills Node when no one listens — also on a client that is checked
 * out between two queries. Every client gets a listener the moment it connects; the broken client is dropped
 * by the pool, the query in flight fails (a 5xx, retried by Telegram or the outbox), and the next query
 * opens a fresh connection: reconnecting is the pool's normal work, `/healthz` says 503 meanwhile.
 */
export function createPrismaClient(
  url: string,
  options: {
    maxConnections: number;
    onConnectionError?: (error: Error) => void;
    /**
     * keep statements prepared (db/name-statements.ts): for the embedded database only, whose parsing and
     * planning run in this process; a PostgreSQL server may sit behind a proxy that does not keep them
     */
    preparedStatements?: boolean;
  },
): Db {
  const onError = (error: Error) => options.onConnectionError?.(error);
  // No connectionTimeoutMillis: pg applies it to waiting for a free client too, and the embedded database's
  // single connection is shared by design. A server that is down refuses connections at once anyway.
  // Prepared statements live as long as their connection: it is not closed when idle.
  const names = options.preparedStatements ? createStatementNames() : undefined;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections,
    ...(names ? { idleTimeoutMillis: 0 } : {}),
  });
  pool.on("error", onError);
  pool.on("connect", (client) => {
    client.on("error", onError);
    names?.onConnect();
  });
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    onPoolError: onError,
    onConnectionError: onError,
    ...(names ? { statementNameGenerator: names.name } : {}),
  });
  return new PrismaClient({ adapter });
}

/** Interactive transactions wait for the single embedded connection rather than failing fast. */
export const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;
