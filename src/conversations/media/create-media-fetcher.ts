import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import type { Channel } from "../../db/generated/client.ts";
import {
  claimMediaDownloads,
  finishMediaDownload,
  retryMediaDownload,
  saveMediaBytes,
} from "../../domain/media/media-files.ts";
import type { Logger } from "../../log/create-logger.ts";
import { createPoller, type Poller } from "../../retry/create-poller.ts";
import { backoffDelayMs } from "../../retry/retry-with-backoff.ts";

/** What one try to fetch a file from its channel gave. */
export type FetchOutcome =
  | { status: "done"; bytes: Uint8Array }
  /** worth another try later (network, 5xx, 429: `afterMs` when the channel said how long to wait) */
  | { status: "retry"; error: string; afterMs?: number }
  /** will never succeed: the channel no longer has it, or refuses it (too big) */
  | { status: "fail"; reason: "gone" | "too_large"; error: string };

/** A channel's way to fetch one file from the source it recorded (Telegram's file id, WhatsApp's message). */
export type FetchMedia = (source: unknown, options: { maxBytes: number }) => Promise<FetchOutcome>;

/** A day of tries, then the file is marked failed (the transcript says so). */
const MAX_ATTEMPTS = 12;
const BACKOFF = { baseMs: 5_000, capMs: 2 * 3600_000, jitter: 0.5 } as const;
const POLL_MS = 30_000;

/**
 * Fetches the files people sent on one channel, off the request path: the webhook (or socket) only stores
 * a pending record in the message's transaction; this job takes due records (one instance each), fetches,
 * seals and keeps the bytes. A failed try is retried with backoff across restarts, never dropped; a file the
 * channel will never give is marked failed, one too large refused.
 */
export function createMediaFetcher(deps: {
  db: Db;
  cipher: Cipher;
  channel: Channel;
  fetch: FetchMedia;
  log: Logger;
  now: () => Date;
  maxFileBytes: number;
  /** told when a file was stored (the console's live view) */
  onStored?: () => void;
}): Poller {
  async function pass(): Promise<void> {
    for (;;) {
      const due = await claimMediaDownloads(deps.db, deps.cipher, deps.channel, deps.now());
      if (!due.length) return;
      for (const job of due) await fetchOne(job);
    }
  }

  async function fetchOne(job: { id: string; source: unknown; attempts: number }): Promise<void> {
    if (job.source === null) return finishMediaDownload(deps.db, job.id, { status: "failed", reason: "gone" });
    let outcome: FetchOutcome;
    try {
      outcome = await deps.fetch(job.source, { maxBytes: deps.maxFileBytes });
    } catch (error) {
      outcome = { status: "retry", error: error instanceof Error ? error.name : "unknown" };
    }
    if (outcome.status === "done") {
      await saveMediaBytes(deps.db, deps.cipher, {
        id: job.id,
        bytes: outcome.bytes,
        now: deps.now(),
        maxFileBytes: deps.maxFileBytes,
      });
      deps.onStored?.();
      return;
    }
    const attempts = job.attempts + 1;
    if (outcome.status === "fail") {
      deps.log.warn({ channel: deps.channel, reason: outcome.reason, error: outcome.error }, "media: not fetched");
      return finishMediaDownload(deps.db, job.id, {
        status: outcome.reason === "too_large" ? "refused" : "failed",
        reason: outcome.reason,
      });
    }
    if (attempts >= MAX_ATTEMPTS) {
      deps.log.warn({ channel: deps.channel, attempts, error: outcome.error }, "media: fetching given up");
      return finishMediaDownload(deps.db, job.id, { status: "failed", reason: "gave_up" });
    }
    const waitMs = Math.max(outcome.afterMs ?? 0, backoffDelayMs(attempts, BACKOFF));
    await retryMediaDownload(deps.db, job.id, {
      attempts,
      nextAttemptAt: new Date(deps.now().getTime() + waitMs),
      error: outcome.error,
    });
  }

  return createPoller(pass, {
    pollMs: POLL_MS,
    onError: (error) =>
      deps.log.error(
        { channel: deps.channel, err: error instanceof Error ? error.name : "unknown" },
        "media: pass failed",
      ),
  });
}
