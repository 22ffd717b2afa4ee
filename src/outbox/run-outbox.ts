import type { Cipher } from "../crypto/create-cipher.ts";
import type { Db } from "../db/create-prisma-client.ts";
import type { Channel, MessageBody } from "../conversations/types.ts";
import type { Logger } from "../log/create-logger.ts";
import type { ChannelSender, DeliveryResult } from "./types.ts";

export type OutboxDeps = { db: Db; cipher: Cipher; log: Logger; now?: () => Date; pollMs?: number; batchSize?: number };

const MAX_BACKOFF_MS = 10 * 60_000;

/** Exponential backoff with full jitter, capped: 1 s, 2 s, 4 s … up to 10 minutes. */
export function backoffMs(attempt: number, random = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Delivers stored outbound messages through their channel's sender, oldest first and in order within each
 * conversation: a message waits while an earlier one of its conversation is still pending. A failed send
 * is retried with backoff, never dropped; a person who blocked the channel is marked and not retried.
 */
export function createOutbox(deps: OutboxDeps) {
  const senders = new Map<Channel, ChannelSender>();
  const now = deps.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = true;

  async function drainOnce(): Promise<number> {
    const channels = [...senders.values()].filter((s) => s.isReady?.() ?? true).map((s) => s.channel);
    if (channels.length === 0) return 0;
    const pending = await deps.db.message.findMany({
      where: { direction: "outbound", status: "pending", channel: { in: channels } },
      orderBy: { seq: "asc" },
      take: deps.batchSize ?? 100,
      include: { conversation: { select: { contact: { select: { channelUserEnc: true, blockedAt: true } } } } },
    });
    const held = new Set<string>();
    let delivered = 0;
    for (const message of pending) {
      if (held.has(message.conversationId)) continue;
      if (message.nextAttemptAt && message.nextAttemptAt > now()) {
        held.add(message.conversationId);
        continue;
      }
      const sender = senders.get(message.channel);
      if (!sender || !(sender.isReady?.() ?? true)) {
        held.add(message.conversationId);
        continue;
      }
      const contact = message.conversation.contact;
      if (contact.blockedAt) {
        await deps.db.message.update({
          where: { id: message.id },
          data: { status: "blocked", lastError: "recipient blocked the channel" },
        });
        continue;
      }
      const body = deps.cipher.decryptJson<MessageBody>(message.bodyEnc);
      let result: DeliveryResult;
      try {
        result = await sender.deliver({
          messageId: message.id,
          conversationId: message.conversationId,
          channel: message.channel,
          recipient: deps.cipher.decrypt(contact.channelUserEnc),
          text: body.text,
          ...(body.choices?.length ? { choices: body.choices } : {}),
          author: message.author === "person" ? "system" : message.author,
          attempt: message.attempts + 1,
        });
      } catch (error) {
        result = { status: "retry", error: error instanceof Error ? error.message : String(error) };
      }
      await record(message.id, message.attempts + 1, result, message.conversationId);
      if (result.status === "sent") delivered += 1;
      else if (result.status === "retry") held.add(message.conversationId);
    }
    return delivered;
  }

  async function record(id: string, attempts: number, result: DeliveryResult, conversationId: string) {
    switch (result.status) {
      case "sent":
        await deps.db.message.update({
          where: { id },
          data: {
            status: "sent",
            attempts,
            sentAt: now(),
            nextAttemptAt: null,
            lastError: null,
            channelMessageId: result.channelMessageId ?? null,
            channelRefEnc: result.channelRef === undefined ? null : deps.cipher.encryptJson(result.channelRef),
          },
        });
        return;
      case "retry": {
        const wait = result.retryAfterMs ?? backoffMs(attempts);
        deps.log.warn({ messageId: id, attempts, waitMs: wait, error: result.error }, "delivery failed, will retry");
        await deps.db.message.update({
          where: { id },
          data: { attempts, nextAttemptAt: new Date(now().getTime() + wait), lastError: result.error },
        });
        return;
      }
      case "blocked": {
        deps.log.info({ messageId: id }, "recipient blocked the channel");
        const conversation = await deps.db.conversation.findUnique({
          where: { id: conversationId },
          select: { contactId: true },
        });
        await deps.db.message.update({ where: { id }, data: { status: "blocked", attempts, lastError: result.error } });
        if (conversation)
          await deps.db.contact.update({ where: { id: conversation.contactId }, data: { blockedAt: now() } });
        return;
      }
      case "failed":
        deps.log.error({ messageId: id, error: result.error }, "delivery failed permanently");
        await deps.db.message.update({ where: { id }, data: { status: "failed", attempts, lastError: result.error } });
        return;
    }
  }

  /** Runs one pass now (or right after the current one); returns how many messages were delivered. */
  async function kick(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        try {
          total += await drainOnce();
        } catch (error) {
          deps.log.error(
            { err: error instanceof Error ? { name: error.name, message: error.message } : String(error) },
            "outbox pass failed",
          );
        }
      } while (again && !stopped);
      return total;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    register(sender: ChannelSender) {
      senders.set(sender.channel, sender);
    },
    kick,
    drainOnce,
    start() {
      stopped = false;
      const tick = () => {
        if (stopped) return;
        void kick().finally(() => {
          if (!stopped) timer = setTimeout(tick, deps.pollMs ?? 1000);
        });
      };
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
