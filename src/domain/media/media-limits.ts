import type { Tx } from "../../db/create-prisma-client.ts";

/** How much one person may send in files (MEDIA_* settings, README "Configuration"). */
export type MediaLimits = {
  /** one file at most this many bytes (Telegram lets bots download up to 20 MB) */
  maxFileBytes: number;
  /** files kept per person in 24 hours */
  perDayCount: number;
  /** bytes kept per person in 24 hours */
  perDayBytes: number;
  /** days a file is kept after it arrived (0: as long as its message) */
  retentionDays: number;
};

export const DEFAULT_MEDIA_LIMITS: MediaLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  perDayCount: 20,
  perDayBytes: 100 * 1024 * 1024,
  retentionDays: 180,
};

export type MediaRefusal = "count_limit" | "bytes_limit" | "too_large";
export type MediaVerdict = { status: "accepted" } | { status: "refused"; reason: MediaRefusal };

const DAY_MS = 24 * 3600 * 1000;

/**
 * Whether one more file of `size` bytes (when the channel says) from this person fits their limits: the files
 * kept or on their way in the last 24 hours count, refused ones do not.
 */
export async function checkMediaLimits(
  tx: Tx,
  input: { contactId: string; size?: number; now: Date; limits: MediaLimits },
): Promise<MediaVerdict> {
  const { limits } = input;
  if (input.size !== undefined && input.size > limits.maxFileBytes) return { status: "refused", reason: "too_large" };
  const recent = await tx.mediaFile.aggregate({
    where: {
      contactId: input.contactId,
      createdAt: { gte: new Date(input.now.getTime() - DAY_MS) },
      status: { in: ["pending", "stored"] },
    },
    _count: { _all: true },
    _sum: { size: true },
  });
  if (recent._count._all >= limits.perDayCount) return { status: "refused", reason: "count_limit" };
  if ((recent._sum.size ?? 0) + (input.size ?? 0) > limits.perDayBytes)
    return { status: "refused", reason: "bytes_limit" };
  return { status: "accepted" };
}
