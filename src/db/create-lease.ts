import type { Db } from "./create-prisma-client.ts";

export type Lease = {
  readonly holder: string;
  /** takes the lease when it is free or expired, or extends it when this holder has it; true when held */
  acquire(): Promise<boolean>;
  /** gives it up at once (on a clean stop), so another process need not wait for it to expire */
  release(): Promise<void>;
};

/**
 * A named lease in the `Lease` table: at most one holder at a time, until `expiresAt`. Both steps are single
 * statements (a conditional update, then an insert that skips an existing row), so two processes racing for
 * it cannot both win. The holder renews it well before it expires; a holder that dies loses it after `ttlMs`.
 */
export function createLease(db: Db, options: { name: string; holder: string; ttlMs: number; now?: () => Date }): Lease {
  const now = options.now ?? (() => new Date());
  const { name, holder } = options;
  return {
    holder,
    async acquire() {
      const at = now();
      const expiresAt = new Date(at.getTime() + options.ttlMs);
      const updated = await db.lease.updateMany({
        where: { name, OR: [{ holder }, { expiresAt: { lt: at } }] },
        data: { holder, expiresAt },
      });
      if (updated.count === 1) return true;
      const created = await db.lease.createMany({ data: [{ name, holder, expiresAt }], skipDuplicates: true });
      return created.count === 1;
    },
    async release() {
      await db.lease.deleteMany({ where: { name, holder } });
    },
  };
}
