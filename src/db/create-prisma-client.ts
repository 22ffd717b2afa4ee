import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "./generated/client.ts";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`: what services take when they must run in one. */
export type Tx = Prisma.TransactionClient;

/**
 * One Prisma client for the whole process, made in `main.ts` and injected (no import-time singleton).
 * The embedded PGlite serves one query at a time, so its pool keeps a single connection.
 */
export function createPrismaClient(url: string, options: { maxConnections: number }): Db {
  const adapter = new PrismaPg({ connectionString: url, max: options.maxConnections });
  return new PrismaClient({ adapter });
}

/** Interactive transactions wait for the single embedded connection rather than failing fast. */
export const TX_OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;
