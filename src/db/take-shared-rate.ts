import type { Db } from "./create-prisma-client.ts";

export type SharedRate = { status: "allowed"; count: number } | { status: "limited"; retryAfterSeconds: number };

/**
 * Counts one use of `key` in the current fixed window, in the database, so the limit holds across every
 * instance and restart: one upsert that adds one and returns the new count (no read-then-write race).
 * A `limit` of 0 switches the limit off. Old windows are deleted by the retention purge.
 *
 * @example await takeSharedRate(db, { key: "webchat-start:<hash>", limit: 30, windowMs: 3_600_000, now })
 */
export async function takeSharedRate(
  db: Db,
  options: { key: string; limit: number; windowMs: number; now: () => Date },
): Promise<SharedRate> {
  if (options.limit === 0) return { status: "allowed", count: 0 };
  const now = options.now().getTime();
  const windowStart = new Date(now - (now % options.windowMs));
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateCounter" ("key", "windowStart", "count") VALUES (${options.key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateCounter"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 0);
  if (count <= options.limit) return { status: "allowed", count };
  return {
    status: "limited",
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + options.windowMs - now) / 1000)),
  };
}
