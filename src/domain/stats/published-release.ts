import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../db/create-prisma-client.ts";
import type { ReleaseLedger } from "./release-ledger.ts";

const JAKARTA_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/**
 * The boundary of the release in force at `now`: the start of the current day in Jakarta (00:00 WIB), so
 * the published figures count the tickets created up to the end of the previous WIB day. One release a
 * day: the figures do not move with each new, changed or erased ticket, and the release ledger
 * (release-ledger.ts) guards what moves from one release to the next.
 */
export function releaseBoundaryOf(now: Date): Date {
  return new Date(Math.floor((now.getTime() + JAKARTA_MS) / DAY_MS) * DAY_MS - JAKARTA_MS);
}

const Ledger = z.object({
  boundary: z.number().int(),
  cells: z.record(z.string(), z.array(z.number().int().nonnegative())),
});

/** The Setting a query's ledger is kept in: a digest of the query (filters hold free text). */
const settingKey = (query: string) => `stats.ledger.${createHash("sha256").update(query).digest("hex").slice(0, 32)}`;

/** Ledgers kept in memory beside the database copy (the page, its print view and the API share a few). */
const KEPT = 500;

/**
 * Each query's release ledger, kept in the Setting table so a restart does not forget what was published
 * (else the first release after a restart could show a figure at a small difference from the one before).
 * The ledger holds true counts: it stays in the database with the cases and never leaves the server.
 */
export function createLedgerStore(db: Db) {
  const memory = new Map<string, ReleaseLedger>();
  const remember = (query: string, ledger: ReleaseLedger) => {
    memory.delete(query);
    memory.set(query, ledger);
    if (memory.size > KEPT) memory.delete(memory.keys().next().value!);
  };
  return {
    /**
     * The query's ledger. The memory copy serves only within the release it was last applied to: for a new
     * release the database's is read (another process, the CLI, may have applied that release already).
     */
    async read(query: string, boundary: number): Promise<ReleaseLedger | undefined> {
      const found = memory.get(query);
      if (found && found.boundary === boundary) return found;
      const row = await db.setting.findUnique({ where: { key: settingKey(query) } });
      const parsed = row ? Ledger.safeParse(row.value) : undefined;
      if (!parsed?.success) return undefined;
      remember(query, parsed.data);
      return parsed.data;
    },
    async write(query: string, ledger: ReleaseLedger): Promise<void> {
      remember(query, ledger);
      const key = settingKey(query);
      await db.setting.upsert({ where: { key }, create: { key, value: ledger }, update: { value: ledger } });
    },
  };
}
export type LedgerStore = ReturnType<typeof createLedgerStore>;
