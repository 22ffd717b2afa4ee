import { randomUUID } from "node:crypto";
import type { Cipher, PersonKey } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import { Prisma } from "../db/generated/client.ts";
import { loadPersonKeys, personKeyFor, sealedAt } from "../domain/privacy/person-keys.ts";
import { addLateDeletion } from "../domain/privacy/wipe-jobs.ts";
import type { Channel, MessageBody } from "../conversations/types.ts";
import type { Logger } from "../log/create-logger.ts";
import { backoffDelayMs } from "../retry/retry-with-backoff.ts";
import type { ChannelSender, DeliveryResult } from "./types.ts";

/** A failed send waits about 1 s, 2 s, 4 s … (half of each wait random), never more than 10 minutes. */
const SEND_BACKOFF = { baseMs: 1000, capMs: 10 * 60_000, jitter: 0.5 } as const;

/**
 * How long a message waits after its `attempt`-th failed send (attempts count from 1).
 * `random` is injectable so tests get exact waits.
 * @example backoffMs(3, () => 0) // 4000
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return backoffDelayMs(attempt, { ...SEND_BACKOFF, random });
}

export type OutboxDeps = {
  db: Db;
  cipher: Cipher;
  log: Logger;
  now?: () => Date;
  pollMs?: number;
  /** how many chats are sent to at once by this instance (one message per chat at a time) */
  concurrency?: number;
  /** how long a claim holds a row; a holder that dies loses it after this */
  leaseMs?: number;
  /** told after each message's outcome is recorded (the erasure hook: delete what was in flight) */
  afterSend?: (outcome: AfterSend) => void;
};

/** What `afterSend` hears: the stored message and how its delivery ended. */
export type AfterSend = {
  messageId: string;
  conversationId: string;
  channel: Channel;
  status: DeliveryResult["status"];
};

/**
 * Chats served at once. A chat past Telegram's burst sends about one message a second, and its waiting send
 * holds its slot: with 8 slots a busy hour delivered ~8 messages a second in all. 32 slots let the 30 a second
 * Telegram allows across chats be reached; the throttler's global limit keeps within it.
 */
export const OUTBOX_CONCURRENCY = 32;
export const OUTBOX_LEASE_MS = 120_000;
/** When the database does not answer, the outbox waits this long at most between tries. */
const MAX_DB_BACKOFF_MS = 5_000;
/** setTimeout's longest wait (about 24.8 days); a later retry's timer is armed again when it fires */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** retries remembered for a timer of their own; later ones than these are sent at a poll */
const MAX_RETRY_TIMERS = 1000;

/** A claimed row with what sending it needs (read by the claim itself): its body and its recipient. */
type Claimed = {
  seq: bigint;
  id: string;
  prevAttemptedAt: Date | null;
  token: string;
  conversationId: string;
  channel: Channel;
  author: "bot" | "caseworker" | "system" | "person";
  bodyEnc: string;
  attempts: number;
  contactId: string;
  channelUserEnc: string;
  blocked: boolean;
};

/** A claimed row that failed before its channel was called (the database went away): it was not sent. */
class NotSent extends Error {
  constructor(readonly reason: unknown) {
    super("not sent");
  }
}

/**
 * Delivers stored outbound messages through their channel's sender. The database is the queue: nothing
 * waits in memory but the few messages being sent.
 *
 * - **One instance per message.** Rows are claimed with `FOR UPDATE SKIP LOCKED` and a lease, so several
 *   instances on one PostgreSQL never send the same row; a dead holder's rows are claimed again once the
 *   lease runs out.
 * - **Per-chat order, chats side by side.** Only the oldest pending message of a conversation can be claimed
 *   (the head), so a chat's messages go one after another in order, whichever instance sends them, while up to
 *   `concurrency` chats are served at once: a hung or throttled chat holds one slot, not everyone. Heads are
 *   taken oldest first, so after an outage every pending row gets its turn in age order, one per chat at a time.
 * - **Retries are scheduled**, never slept: a failed send (or Telegram's `retry_after`) sets `nextAttemptAt`
 *   and frees the slot. A person who blocked the channel is marked and not retried.
 * - **Exactly once as far as the channel allows.** The claim records that an attempt starts (`attemptedAt`)
 *   before the channel is called. When the outcome could not be recorded (the process died mid-send), the
 *   next claim finds the mark and records the message as sent "not confirmed" instead of sending it again:
 *   a duplicate is worse for a person in danger than a reply to re-ask. When the database goes away after a
 *   send, the outcome is kept in memory and written when it is back.
 */
export function createOutbox(deps: OutboxDeps) {
  const senders = new Map<Channel, ChannelSender>();
  const now = deps.now ?? (() => new Date());
  const concurrency = deps.concurrency ?? OUTBOX_CONCURRENCY;
  const leaseMs = deps.leaseMs ?? OUTBOX_LEASE_MS;
  const inFlight = new Set<Promise<void>>();
  /** claims whose answer was lost: given back (attempt cleared) when the database answers again */
  const lostClaims = new Set<string>();
  /** claimed rows that failed before the channel was called, by id (with their claim's token) */
  const unsent = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  /** when the retries this instance scheduled are due (ms, ascending); a timer wakes the outbox at the first */
  const retriesDue: number[] = [];
  let retryTimer: NodeJS.Timeout | undefined;
  let pumping: Promise<void> | undefined;
  let again = false;
  let stopped = true;
  let delivered = 0;
  let dbFailures = 0;

  /** Sends a retry when it is due, not at the next poll (the poll stays the fallback, e.g. for another instance's). */
  function wakeAt(at: Date) {
    if (stopped) return;
    const due = at.getTime();
    const index = retriesDue.findIndex((other) => other > due);
    retriesDue.splice(index === -1 ? retriesDue.length : index, 0, due);
    if (retriesDue.length > MAX_RETRY_TIMERS) retriesDue.pop(); // the latest are left to the poll
    armRetryTimer();
  }

  function armRetryTimer() {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = undefined;
    const first = retriesDue[0];
    if (first === undefined || stopped) return;
    // a timer may fire a millisecond early by the wall clock: a retry is due only once now() has reached it
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, first - now().getTime()));
    retryTimer = setTimeout(() => {
      const at = now().getTime();
      let due = 0;
      while (due < retriesDue.length && retriesDue[due]! <= at) due += 1;
      retriesDue.splice(0, due);
      if (due && !stopped) void pump();
      armRetryTimer();
    }, wait);
    retryTimer.unref();
  }

  function readyChannels(): Channel[] {
    return [...senders.values()].filter((s) => s.isReady?.() ?? true).map((s) => s.channel);
  }

  /**
   * Claims up to `limit` heads of conversations that are due, oldest first, and reads what sending them needs
   * (the body, the attempt count, the recipient and whether they blocked the channel): one statement.
   */
  async function claim(limit: number): Promise<Claimed[]> {
    const channels = readyChannels();
    if (channels.length === 0 || limit <= 0) return [];
    const at = toSqlTimestamp(now());
    const until = toSqlTimestamp(new Date(now().getTime() + leaseMs));
    const token = randomUUID();
    try {
      const rows = await deps.db.$queryRaw<Omit<Claimed, "token">[]>`
        WITH heads AS (
          SELECT DISTINCT ON (m."conversationId") m.seq, m."claimedUntil", m."nextAttemptAt"
          FROM "Message" m
          WHERE m.direction = 'outbound' AND m.status = 'pending'
            AND m.channel::text IN (${Prisma.join(channels)})
          ORDER BY m."conversationId", m.seq
        ), due AS (
          SELECT seq FROM heads
          WHERE ("claimedUntil" IS NULL OR "claimedUntil" < ${at}::timestamp(3))
            AND ("nextAttemptAt" IS NULL OR "nextAttemptAt" <= ${at}::timestamp(3))
          ORDER BY seq
          LIMIT ${limit}
        ), locked AS (
          SELECT m.seq, m."attemptedAt" AS prev FROM "Message" m
          WHERE m.seq IN (SELECT seq FROM due) AND m.status = 'pending'
            AND (m."claimedUntil" IS NULL OR m."claimedUntil" < ${at}::timestamp(3))
          FOR UPDATE SKIP LOCKED
        )
        UPDATE "Message" m
        SET "claimedUntil" = ${until}::timestamp(3), "claimToken" = ${token},
            "attemptedAt" = ${at}::timestamp(3), attempts = m.attempts + 1
        FROM locked, "Conversation" v, "Contact" c
        WHERE m.seq = locked.seq AND v.id = m."conversationId" AND c.id = v."contactId"
        RETURNING m.seq, m.id, locked.prev AS "prevAttemptedAt", m."conversationId", m.channel::text AS channel,
          m.author::text AS author, m."bodyEnc", m.attempts, v."contactId", c."channelUserEnc",
          c."blockedAt" IS NOT NULL AS blocked`;
      return rows.map((row) => ({ ...row, token }));
    } catch (error) {
      // The claim may have committed with its answer lost: give those rows back once the database is back.
      lostClaims.add(token);
      throw error;
    }
  }

  async function releaseLostClaims() {
    // rows claimed and then not sent: no attempt was made, so the next claim sends them
    for (const [id, token] of [...unsent]) {
      await deps.db.message.updateMany({
        where: { id, claimToken: token, status: "pending" },
        data: { claimedUntil: null, claimToken: null, attemptedAt: null, attempts: { decrement: 1 } },
      });
      unsent.delete(id);
    }
    for (const token of [...lostClaims]) {
      await deps.db.message.updateMany({
        where: { claimToken: token, status: "pending" },
        data: { claimedUntil: null, claimToken: null, attemptedAt: null, attempts: { decrement: 1 } },
      });
      lostClaims.delete(token);
    }
  }

  async function deliverClaimed(message: Claimed): Promise<void> {
    // Until the channel is called nothing was sent: a database error here gives the claim back (NotSent),
    // so the row is sent later rather than taken for an attempt whose outcome was lost.
    const notSent = (error: unknown) => {
      throw new NotSent(error);
    };
    let result: DeliveryResult;
    let recipient: string | null = null;
    let key: PersonKey | undefined;
    const sender = senders.get(message.channel);
    if (message.prevAttemptedAt) {
      // An earlier attempt started and its outcome was never recorded: it may well have been delivered.
      result = { status: "sent", unconfirmed: true };
    } else if (message.blocked) {
      result = { status: "blocked", error: "recipient blocked the channel" };
    } else if (!sender || !(sender.isReady?.() ?? true)) {
      result = { status: "retry", error: "channel not ready", retryAfterMs: 1000 };
    } else {
      await loadPersonKeys(deps.db, deps.cipher, [message.bodyEnc, message.channelUserEnc]).catch(notSent);
      const body = deps.cipher.decryptJson<MessageBody>(message.bodyEnc, sealedAt("Message", "bodyEnc", message.id));
      recipient = deps.cipher.decrypt(message.channelUserEnc, sealedAt("Contact", "channelUserEnc", message.contactId));
      // The channel's reference is sealed with the key the body is sealed with: the person's (or, after a merge,
      // a key erased with theirs), so whatever makes the body unreadable makes the reference unreadable too.
      const keyId = deps.cipher.keyIdOf(message.bodyEnc);
      key = keyId ? deps.cipher.keys.get(keyId) : undefined;
      try {
        result = await sender.deliver({
          messageId: message.id,
          conversationId: message.conversationId,
          channel: message.channel,
          recipient,
          text: body.text,
          ...(body.choices?.length ? { choices: body.choices } : {}),
          ...(body.thread ? { threadId: body.thread } : {}),
          author: message.author === "person" ? "system" : message.author,
          attempt: message.attempts,
        });
      } catch (error) {
        result = { status: "retry", error: error instanceof Error ? error.message : String(error) };
      }
    }
    await recordUntilStored(message.id, message.attempts, result, message.contactId, {
      channel: message.channel,
      recipient,
      ...(key ? { key } : {}),
    });
    if (result.status === "sent") delivered += 1;
    deps.afterSend?.({
      messageId: message.id,
      conversationId: message.conversationId,
      channel: message.channel,
      status: result.status,
    });
  }

  /** The outcome of a call already made is written even if the database is away for a while. */
  async function recordUntilStored(
    id: string,
    attempts: number,
    result: DeliveryResult,
    contactId: string,
    sentTo: { channel: Channel; recipient: string | null; key?: PersonKey },
  ) {
    for (let attempt = 1; ; attempt++) {
      try {
        if (!(await record(id, attempts, result, contactId, sentTo.key))) {
          // The person was erased while this reply was on its way: it is deleted from their chat too.
          if (result.status === "sent" && result.channelRef !== undefined && sentTo.recipient)
            await addLateDeletion(deps.db, deps.cipher, {
              channel: sentTo.channel,
              recipient: sentTo.recipient,
              channelRef: result.channelRef,
              now: now(),
            });
        }
        return;
      } catch (error) {
        if (stopped && attempt >= 3) {
          deps.log.error({ messageId: id, err: errorName(error) }, "outbox: outcome not recorded before stop");
          return;
        }
        await sleep(backoffDelayMs(attempt + 1, { baseMs: 200, capMs: MAX_DB_BACKOFF_MS }));
      }
    }
  }

  /** Writes a delivery's outcome on its row; false when the row is gone (the person was erased meanwhile). */
  async function record(
    id: string,
    attempts: number,
    result: DeliveryResult,
    contactId: string,
    key?: PersonKey,
  ): Promise<boolean> {
    const where = { id };
    const stored = ({ count }: { count: number }) => count > 0;
    const released = { claimedUntil: null, claimToken: null, attemptedAt: null };
    switch (result.status) {
      case "sent": {
        const data = {
          ...released,
          status: "sent" as const,
          attempts,
          sentAt: now(),
          nextAttemptAt: null,
          lastError: result.unconfirmed ? "delivery not confirmed (the sending process stopped mid-send)" : null,
        };
        if (result.unconfirmed) {
          deps.log.warn({ messageId: id }, "outbox: an earlier send's outcome is unknown; not sending it again");
          return stored(await deps.db.message.updateMany({ where, data }));
        }
        const ref = {
          channelMessageId: result.channelMessageId ?? null,
          channelRefEnc:
            result.channelRef === undefined
              ? null
              : deps.cipher.sealJsonFor(
                  key ?? (await personKeyFor(deps.db, deps.cipher, contactId)),
                  result.channelRef,
                  sealedAt("Message", "channelRefEnc", id),
                ),
        };
        try {
          return stored(await deps.db.message.updateMany({ where, data: { ...data, ...ref } }));
        } catch (error) {
          // The channel's id is already recorded for another message (a new bot token on an old database):
          // the message was delivered all the same, so it is marked sent and never re-sent.
          if (!isUniqueViolation(error)) throw error;
          return stored(
            await deps.db.message.updateMany({
              where,
              data: { ...data, channelRefEnc: ref.channelRefEnc, lastError: "channel message id already recorded" },
            }),
          );
        }
      }
      case "retry": {
        const wait = result.retryAfterMs ?? backoffMs(attempts);
        deps.log.warn({ messageId: id, attempts, waitMs: wait, error: result.error }, "delivery failed, will retry");
        const nextAttemptAt = new Date(now().getTime() + wait);
        const kept = stored(
          await deps.db.message.updateMany({ where, data: { ...released, nextAttemptAt, lastError: result.error } }),
        );
        if (kept) wakeAt(nextAttemptAt);
        return kept;
      }
      case "blocked": {
        deps.log.info({ messageId: id }, "recipient blocked the channel");
        const [marked] = await deps.db.$transaction([
          deps.db.message.updateMany({
            where,
            data: { ...released, status: "blocked", attempts, lastError: result.error },
          }),
          deps.db.contact.updateMany({ where: { id: contactId }, data: { blockedAt: now() } }),
        ]);
        return stored(marked);
      }
      case "failed":
        deps.log.error({ messageId: id, error: result.error }, "delivery failed permanently");
        return stored(
          await deps.db.message.updateMany({
            where,
            data: { ...released, status: "failed", attempts, lastError: result.error },
          }),
        );
    }
  }

  /** Fills free slots with claimed heads until nothing is due; each finished send pumps again. */
  function pump(): Promise<void> {
    if (pumping) {
      again = true;
      return pumping;
    }
    pumping = (async () => {
      do {
        again = false;
        try {
          if (lostClaims.size || unsent.size) await releaseLostClaims();
          const limit = concurrency - inFlight.size;
          const claimed = await claim(limit);
          dbFailures = 0;
          for (const row of claimed) {
            const task: Promise<void> = deliverClaimed(row)
              .catch((error: unknown) => {
                if (error instanceof NotSent) unsent.set(row.id, row.token);
                deps.log.error(
                  { err: errorName(error instanceof NotSent ? error.reason : error) },
                  "outbox: delivery failed",
                );
              })
              .finally(() => {
                inFlight.delete(task);
                if (!stopped || draining) void pump();
              });
            inFlight.add(task);
          }
          // A claim that took fewer than it could took everything due; what becomes due later pumps again.
          if (claimed.length === limit && inFlight.size < concurrency) again = true;
        } catch (error) {
          dbFailures += 1;
          deps.log.error({ err: errorName(error) }, "outbox pass failed");
        }
      } while (again && (!stopped || draining));
    })().finally(() => {
      pumping = undefined;
    });
    return pumping;
  }
  let draining = false;

  /** Delivers what is due now, and what that makes due, until nothing is left; returns how many were sent. */
  async function kick(): Promise<number> {
    const before = delivered;
    const wasStopped = stopped;
    draining = wasStopped;
    try {
      do {
        await pump();
        while (inFlight.size) await Promise.allSettled([...inFlight]);
      } while (pumping || again);
    } finally {
      if (wasStopped) draining = false;
    }
    return delivered - before;
  }

  return {
    register(sender: ChannelSender) {
      senders.set(sender.channel, sender);
    },
    kick,
    /** one claim-and-send round (tests) */
    drainOnce: kick,
    /** messages this instance is sending right now */
    inFlight: () => inFlight.size,
    start() {
      stopped = false;
      const tick = () => {
        if (stopped) return;
        void pump().finally(() => {
          const pollMs = deps.pollMs ?? 1000;
          // while the database does not answer, each pass waits longer (up to MAX_DB_BACKOFF_MS)
          const wait = dbFailures
            ? backoffDelayMs(dbFailures + 1, { baseMs: pollMs, capMs: MAX_DB_BACKOFF_MS })
            : pollMs;
          if (!stopped) timer = setTimeout(tick, wait);
        });
      };
      tick();
    },
    /** Stops claiming; the sends under way finish and their outcomes are recorded. Pending rows stay for later. */
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      retriesDue.length = 0;
      armRetryTimer(); // clears the retry timer and, with nothing due, arms none
      await pumping;
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;

/** `timestamp(3)` literal in UTC, as Prisma stores DateTime: independent of the session's time zone. */
function toSqlTimestamp(date: Date): string {
  return date.toISOString().replace("T", " ").replace("Z", "");
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}${"code" in error ? ` ${String(error.code)}` : ""}` : "unknown";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
