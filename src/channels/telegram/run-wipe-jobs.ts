import { GrammyError, type Api } from "grammy";
import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db } from "../../db/create-prisma-client.ts";
import {
  claimWipeJobs,
  finishWipeJob,
  saveWipeProgress,
  wipeRetryDelayMs,
  type WipeWork,
} from "../../domain/privacy/wipe-jobs.ts";
import type { Logger } from "../../log/create-logger.ts";
import { createPoller } from "../../retry/create-poller.ts";
import type { ChannelSender } from "../../outbox/types.ts";
import { DELETABLE_FOR_MS } from "./delete-wiped-messages.ts";
import { TelegramMessageRef } from "./telegram-update.ts";

const POLL_MS = 5_000;
/** Telegram's `retry_after` is waited out up to this long; past it the job tries again anyway. */
const MAX_RETRY_MS = 10 * 60_000;
/** Telegram's deleteMessages takes up to 100 ids a call (10,000 messages: 100 calls, not 10,000). */
export const DELETE_BATCH = 100;

/**
 * Runs Telegram's phone-side wipes from their jobs in the database: deletes every message id the job holds,
 * a hundred per `deleteMessages` call (never subject to the send pace or a flood limit), then sends the wipe's last replies, and only then
 * forgets the job. A network error, a 5xx or a 429 keeps what is left for a later try (after a restart
 * too); a message Telegram no longer has or lets us delete (older than 48 h) is given up.
 */
export function createTelegramWipeRunner(deps: {
  db: Db;
  cipher: Cipher;
  api: Api;
  sender: ChannelSender;
  log: Logger;
  now: () => Date;
  onDone: () => void;
}) {
  async function work(job: WipeWork): Promise<void> {
    const oldestMs = deps.now().getTime() - DELETABLE_FOR_MS;
    const ids = new Set<number>();
    for (const message of job.deletes) {
      const ref = TelegramMessageRef.safeParse(message.channelRef);
      // The wipe's own message counts from when it arrived (its Telegram date may lag behind our clock).
      const at =
        message.direction === "inbound" && message.sentAt
          ? Date.parse(message.sentAt)
          : ref.success
            ? ref.data.date * 1000
            : 0;
      if (!ref.success || at < oldestMs) continue;
      for (const id of ref.data.messageIds) ids.add(id);
    }
    const left: number[] = [];
    let error = "";
    let retryMs = 0;
    const keep = (ids: number[], e: unknown) => {
      left.push(...ids);
      error = e instanceof GrammyError ? `${e.error_code}` : e instanceof Error ? e.name : "unknown";
      retryMs = Math.max(retryMs, e instanceof GrammyError ? (e.parameters.retry_after ?? 0) * 1000 : 0);
    };
    const sorted = [...ids].sort((a, b) => a - b);
    for (let start = 0; start < sorted.length; start += DELETE_BATCH) {
      const batch = sorted.slice(start, start + DELETE_BATCH);
      try {
        // Telegram skips the ids it no longer has; a refused batch (400) is tried id by id below.
        await deps.api.deleteMessages(Number(job.recipient), batch);
        continue;
      } catch (e) {
        if (!(e instanceof GrammyError && e.error_code === 400)) {
          keep(batch, e);
          continue;
        }
      }
      for (const id of batch) {
        try {
          await deps.api.deleteMessage(Number(job.recipient), id);
        } catch (e) {
          if (e instanceof GrammyError && e.error_code === 400) continue; // gone, or too old: nothing left to do
          keep([id], e);
        }
      }
    }
    job.deletes = left.length
      ? [
          {
            direction: "outbound",
            channelMessageId: null,
            channelRef: { messageIds: left, date: Math.floor(deps.now().getTime() / 1000) },
            sentAt: null,
          },
        ]
      : [];
    while (!left.length && job.sends.length) {
      const reply = job.sends[0]!;
      const result = await deps.sender.deliver({
        messageId: `wipe:${job.id}:${job.sends.length}`,
        conversationId: "",
        channel: "telegram",
        recipient: job.recipient,
        text: reply.text,
        ...(reply.choices?.length ? { choices: reply.choices } : {}),
        author: "bot",
        attempt: job.attempts,
      });
      if (result.status === "retry") {
        error = result.error;
        retryMs = result.retryAfterMs ?? 0;
        break;
      }
      job.sends.shift();
    }
    const expired = deps.now() >= job.expiresAt;
    if ((!job.deletes.length && !job.sends.length) || expired) {
      await finishWipeJob(deps.db, deps.cipher, job.id);
      deps.onDone();
      return;
    }
    const wait = Math.min(MAX_RETRY_MS, Math.max(retryMs, wipeRetryDelayMs(job.attempts)));
    deps.log.warn({ attempts: job.attempts, error }, "telegram: a wipe is not finished; will try again");
    await saveWipeProgress(deps.db, deps.cipher, job, new Date(deps.now().getTime() + wait), error);
  }

  return createPoller(
    async () => {
      const jobs = await claimWipeJobs(deps.db, deps.cipher, "telegram", deps.now());
      for (const job of jobs) await work(job);
    },
    {
      pollMs: POLL_MS,
      onError: (error) =>
        deps.log.warn({ err: error instanceof Error ? error.name : "unknown" }, "telegram: wipe jobs failed"),
    },
  );
}
