import type { Db } from "./create-prisma-client.ts";

/** How much of a shared limit one claim got, the window's count with it, and when the window ends (epoch ms). */
export type BudgetClaim = { granted: number; count: number; windowEndsAt: number };

/**
 * Claims up to `want` uses of `key` in the current fixed window of a limit that every instance on the
 * database shares: one upsert adds `want` to the window's count and returns it, so two instances claiming at
 * once cannot both get the last uses. What the window had left is granted; a claim past the limit gets 0 and
 * is only counted (harmless: the window is over the limit anyway). Old windows go with the retention purge.
 *
 * @example await claimSharedBudget(db, { key: "telegram-sends", limit: 30, windowMs: 1000, want: 5, now })
 */
export async function claimSharedBudget(
  db: Db,
  options: { key: string; limit: number; windowMs: number; want: number; now: () => Date },
): Promise<BudgetClaim> {
  const now = options.now().getTime();
  const windowStart = now - (now % options.windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateCounter" ("key", "windowStart", "count") VALUES (${options.key}, ${new Date(windowStart)}, ${options.want})
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateCounter"."count" + ${options.want}
    RETURNING "count"`;
  const after = Number(rows[0]?.count ?? options.want);
  const before = after - options.want;
  return {
    granted: Math.max(0, Math.min(options.want, options.limit - before)),
    count: after,
    windowEndsAt: windowStart + options.windowMs,
  };
}
