import { randomUUID } from "node:crypto";
import type { Cipher } from "../../crypto/create-cipher.ts";
import type { Db, Tx } from "../../db/create-prisma-client.ts";
import type { Channel } from "../../db/generated/client.ts";
import type { ChannelMessageRef } from "../../events/event-bus.ts";
import { backoffDelayMs } from "../../retry/retry-with-backoff.ts";
import { destroyPersonKey, loadPersonKeys, personKeyFor, sealedAt } from "./person-keys.ts";

/** A reply the wipe still has to send (its last message: how to clear the rest of the chat). */
export type WipeReply = { text: string; choices?: { id: string; label: string }[] };

/** What a wipe job still has to do on the person's phone. */
export type WipeWork = {
  id: string;
  channel: Channel;
  recipient: string;
  deletes: ChannelMessageRef[];
  sends: WipeReply[];
  /** a wipe the person asked for (the safe word, "hapus"), not a late deletion: WhatsApp also clears the chat */
  panic: boolean;
  /** WhatsApp: disappearing messages are already on in the chat (set once, not again on a retry) */
  disappearingOn: boolean;
  attempts: number;
  expiresAt: Date;
};

/** What a job keeps sealed: the work left, never in clear. */
type WipeBody = { deletes: ChannelMessageRef[]; sends: WipeReply[]; panic?: boolean; disappearingOn?: boolean };

/** How long a channel lets a message be deleted for everyone (Telegram 48 h, WhatsApp about 2 days). */
export const DELETABLE_FOR_MS: Record<Channel, number> = {
  web: 0,
  telegram: 48 * 60 * 60 * 1000,
  whatsapp: 48 * 60 * 60 * 1000 + 13 * 60 * 60 * 1000,
};
const LEASE_MS = 60_000;

/** How long a wipe job waits after a try that did not finish it: 2 s, 4 s … then about 8.5 minutes at most. */
export function wipeRetryDelayMs(attempts: number): number {
  return backoffDelayMs(attempts + 1, { baseMs: 1000, capMs: 512_000 });
}

const owner = (id: string) => `wipe:${id}`;

/**
 * Records a phone-side wipe as a job in the database (like the outbox): the chat to clear, the message refs
 * to delete and the replies to send last, sealed under a key of the job's own, destroyed when it is done.
 * Written in the erasing transaction, so a restart or an API failure cannot lose it.
 */
export async function createWipeJob(
  tx: Tx | Db,
  cipher: Cipher,
  input: {
    channel: Channel;
    recipient: string;
    deletes: ChannelMessageRef[];
    sends: WipeReply[];
    now: Date;
    /** default true: the person asked for it */
    panic?: boolean;
  },
): Promise<string> {
  const body: WipeBody = { deletes: input.deletes, sends: input.sends, panic: input.panic ?? true };
  const id = randomUUID();
  const key = await personKeyFor(tx, cipher, owner(id));
  await tx.wipeJob.create({
    data: {
      id,
      channel: input.channel,
      recipientEnc: cipher.sealFor(key, input.recipient, sealedAt("WipeJob", "recipientEnc", id)),
      messagesEnc: cipher.sealJsonFor(key, body, sealedAt("WipeJob", "messagesEnc", id)),
      nextAttemptAt: input.now,
      expiresAt: new Date(input.now.getTime() + DELETABLE_FOR_MS[input.channel]),
      createdAt: input.now,
    },
  });
  return id;
}

/** A reply that was still on its way when its person was erased: deleted from the chat once it is sent. */
export async function addLateDeletion(
  db: Db,
  cipher: Cipher,
  input: { channel: Channel; recipient: string; channelRef: unknown; now: Date },
): Promise<string> {
  return createWipeJob(db, cipher, {
    channel: input.channel,
    recipient: input.recipient,
    deletes: [
      { direction: "outbound", channelMessageId: null, channelRef: input.channelRef, sentAt: input.now.toISOString() },
    ],
    sends: [],
    now: input.now,
    panic: false,
  });
}

/** Takes the due jobs of a channel for a minute (another instance skips them meanwhile). */
export async function claimWipeJobs(db: Db, cipher: Cipher, channel: Channel, now: Date): Promise<WipeWork[]> {
  const due = await db.wipeJob.findMany({
    where: { channel, nextAttemptAt: { lte: now } },
    orderBy: { createdAt: "asc" },
    take: 20,
  });
  const work: WipeWork[] = [];
  for (const job of due) {
    const taken = await db.wipeJob.updateMany({
      where: { id: job.id, nextAttemptAt: job.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
    });
    if (taken.count !== 1) continue;
    await loadPersonKeys(db, cipher, [job.recipientEnc]);
    try {
      const body = cipher.decryptJson<WipeBody>(job.messagesEnc, sealedAt("WipeJob", "messagesEnc", job.id));
      work.push({
        id: job.id,
        channel: job.channel,
        recipient: cipher.decrypt(job.recipientEnc, sealedAt("WipeJob", "recipientEnc", job.id)),
        deletes: body.deletes,
        sends: body.sends,
        panic: body.panic ?? body.sends.length > 0,
        disappearingOn: body.disappearingOn ?? false,
        attempts: job.attempts + 1,
        expiresAt: job.expiresAt,
      });
    } catch {
      await finishWipeJob(db, cipher, job.id);
    }
  }
  return work;
}

/** Keeps what is left to do, to be tried again at `retryAt`. */
export async function saveWipeProgress(
  db: Db,
  cipher: Cipher,
  work: WipeWork,
  retryAt: Date,
  error: string,
): Promise<void> {
  const key = await personKeyFor(db, cipher, owner(work.id));
  await db.wipeJob.updateMany({
    where: { id: work.id },
    data: {
      messagesEnc: cipher.sealJsonFor(
        key,
        {
          deletes: work.deletes,
          sends: work.sends,
          panic: work.panic,
          disappearingOn: work.disappearingOn,
        } satisfies WipeBody,
        sealedAt("WipeJob", "messagesEnc", work.id),
      ),
      nextAttemptAt: retryAt,
      lastError: error.slice(0, 200),
    },
  });
}

/** Done (or no longer possible): the job and its key go. */
export async function finishWipeJob(db: Db, cipher: Cipher, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.wipeJob.deleteMany({ where: { id } });
    await destroyPersonKey(tx, cipher, owner(id));
  });
}

/** How many wipe jobs are still open (the scrubber waits for none before its last pass at shutdown). */
export async function countWipeJobs(db: Db): Promise<number> {
  return db.wipeJob.count();
}
