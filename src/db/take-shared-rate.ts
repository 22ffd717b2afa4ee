import { claimSharedBudget } from "./claim-shared-budget.ts";
import type { Db } from "./create-prisma-client.ts";

export type SharedRate = { status: "allowed"; count: number } | { status: "limited"; retryAfterSeconds: number };

/**
 * Counts one use of `key` in the current fixed window, in the database, so the limit holds across every
 * instance and restart: a claim of one use of the shared budget (claimSharedBudget's one upsert, no
 * read-then-write race). A `limit` of 0 switches the limit off. Old windows are deleted by the retention purge.
 *
 * @example await takeSharedRate(db, { key: "webchat-start:<hash>", limit: 30, windowMs: 3_600_000, now })
 */
export async function takeSharedRate(
  db: Db,
  options: { key: string; limit: number; windowMs: number; now: () => Date },
): Promise<SharedRate> {
  if (options.limit === 0) return { status: "allowed", count: 0 };
  const now = options.now();
  const claim = await claimSharedBudget(db, { ...options, want: 1, now: () => now });
  if (claim.granted) return { status: "allowed", count: claim.count };
  return {
    status: "limited",
    retryAfterSeconds: Math.max(1, Math.ceil((claim.windowEndsAt - now.getTime()) / 1000)),
  };
}
