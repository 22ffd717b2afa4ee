import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { TX_OPTIONS } from "../../src/db/create-prisma-client.ts";
import { storeOutboundMessages } from "../../src/conversations/store-outbound.ts";
import { createLogger } from "../../src/log/create-logger.ts";
import { backoffMs, createOutbox, OUTBOX_LEASE_MS } from "../../src/outbox/run-outbox.ts";
import type { ChannelSender, Delivery, DeliveryResult } from "../../src/outbox/types.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";

let lentera: TestLentera;
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
const log = createLogger({ level: "silent" });
let nextChat = 880_000;

beforeAll(async () => {
  lentera = await createTestLentera({ now });
});
afterAll(async () => lentera?.close());

/** A Telegram conversation (no Telegram sender in this Lentera, so its replies wait) with `count` more replies. */
async function chatWith(count: number) {
  const chatId = String(++nextChat);
  const result = await lentera.handleInbound({ channel: "telegram", channelUserId: chatId, input: { type: "start" } });
  if (result.status !== "handled") throw new Error("not handled");
  await lentera.db.$transaction(
    (tx) =>
      storeOutboundMessages(
        tx,
        { cipher: lentera.cipher, now },
        {
          conversationId: result.conversationId,
          channel: "telegram",
          author: "bot",
          messages: Array.from({ length: count }, (_, i) => ({ text: `m${i + 1}` })),
        },
      ),
    TX_OPTIONS,
  );
  const rows = await lentera.db.message.findMany({
    where: { conversationId: result.conversationId, direction: "outbound" },
    orderBy: { seq: "asc" },
  });
  return { chatId, conversationId: result.conversationId, ids: rows.map((r) => r.id) };
}

function recordingSender(
  sent: Delivery[],
  behave: (delivery: Delivery) => Promise<DeliveryResult | undefined> = async () => undefined,
): ChannelSender {
  return {
    channel: "telegram",
    async deliver(delivery) {
      const result = await behave(delivery);
      if (result) return result;
      sent.push(delivery);
      return { status: "sent", channelMessageId: `${delivery.conversationId}:${sent.length}` };
    },
  };
}

const outboxOf = (sender: ChannelSender, extra: { concurrency?: number } = {}) => {
  const outbox = createOutbox({ db: lentera.db, cipher: lentera.cipher, log, now, ...extra });
  outbox.register(sender);
  return outbox;
};

test("two instances on one database: every reply sent once, each chat's in order", { timeout: 120_000 }, async () => {
  const chats = await Promise.all(Array.from({ length: 12 }, () => chatWith(4)));
  const sent: Delivery[] = [];
  const jitter = async () => void (await new Promise((r) => setTimeout(r, Math.random() * 5)));
  const a = outboxOf(recordingSender(sent, jitter));
  const b = outboxOf(recordingSender(sent, jitter));
  await Promise.all([a.kick(), b.kick(), a.kick(), b.kick()]);
  const mine = new Set(chats.flatMap((c) => c.ids));
  const ids = sent.map((d) => d.messageId).filter((id) => mine.has(id));
  expect(ids).toHaveLength(mine.size);
  expect(new Set(ids).size).toBe(mine.size);
  for (const chat of chats) expect(ids.filter((id) => chat.ids.includes(id))).toEqual(chat.ids);
  const rows = await lentera.db.message.findMany({ where: { id: { in: [...mine] } } });
  expect(rows.every((r) => r.status === "sent" && r.claimedUntil === null && r.attemptedAt === null)).toBe(true);
});

test("a hung send holds its own chat only: other chats are delivered meanwhile", { timeout: 60_000 }, async () => {
  const stuck = await chatWith(2);
  const others = [];
  for (let i = 0; i < 5; i++) others.push(await chatWith(1));
  const sent: Delivery[] = [];
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const outbox = outboxOf(
    recordingSender(sent, async (d) => {
      if (d.recipient === stuck.chatId) await released;
      return undefined;
    }),
    { concurrency: 4 },
  );
  const done = outbox.kick();
  const otherIds = others.flatMap((c) => c.ids);
  await vi.waitFor(() => expect(sent.map((d) => d.messageId)).toEqual(expect.arrayContaining(otherIds)), {
    timeout: 20_000,
  });
  expect(sent.some((d) => d.recipient === stuck.chatId)).toBe(false);
  release();
  await done;
  expect(sent.filter((d) => d.recipient === stuck.chatId).map((d) => d.messageId)).toEqual(stuck.ids);
});

test("a send whose outcome was never recorded (the process died mid-send) is not sent again", async () => {
  const chat = await chatWith(1);
  const [first, second] = chat.ids as [string, string];
  // the dead instance: it claimed the head and called the channel, then nothing more
  const dead = outboxOf(recordingSender([], () => new Promise(() => {})));
  void dead.kick();
  await vi.waitFor(async () =>
    expect((await lentera.db.message.findUniqueOrThrow({ where: { id: first } })).attemptedAt).not.toBeNull(),
  );
  const sent: Delivery[] = [];
  const alive = outboxOf(recordingSender(sent));
  await alive.kick();
  expect(sent.filter((d) => chat.ids.includes(d.messageId))).toEqual([]); // leased: nobody touches it
  offsetMs += OUTBOX_LEASE_MS + 1_000;
  await alive.kick();
  expect(sent.filter((d) => chat.ids.includes(d.messageId)).map((d) => d.messageId)).toEqual([second]);
  expect(await lentera.db.message.findUniqueOrThrow({ where: { id: first } })).toMatchObject({
    status: "sent",
    lastError: expect.stringContaining("not confirmed"),
  });
});

test("a claimed row the database lost before the send is given back and sent once it answers, not taken for sent", async () => {
  const chat = await chatWith(1);
  const [id] = chat.ids as [string];
  // the database goes away right after the claim: the row's read fails once
  let failRead = true;
  const bind = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop) as unknown;
    return typeof value === "function" ? value.bind(target) : value;
  };
  const flakyMessages = new Proxy(lentera.db.message, {
    get(target, prop) {
      if (prop === "findUnique" && failRead) {
        failRead = false;
        return async () => {
          throw new Error("Connection terminated unexpectedly");
        };
      }
      return bind(target, prop);
    },
  });
  const db = new Proxy(lentera.db, {
    get: (target, prop) => (prop === "message" ? flakyMessages : bind(target, prop)),
  });
  const sent: Delivery[] = [];
  const outbox = createOutbox({ db, cipher: lentera.cipher, log, now });
  outbox.register(recordingSender(sent));
  await outbox.kick();
  await outbox.kick();
  expect(sent.filter((d) => d.messageId === id)).toHaveLength(1);
  const row = await lentera.db.message.findUniqueOrThrow({ where: { id } });
  expect(row.status).toBe("sent");
  expect(row.lastError ?? "").not.toContain("not confirmed");
});

test("a channel message id already recorded (new bot token, old database) marks the row sent, never re-sends", async () => {
  const chat = await chatWith(2);
  let calls = 0;
  const outbox = outboxOf({
    channel: "telegram",
    async deliver(delivery) {
      calls += 1;
      return { status: "sent", channelMessageId: `${delivery.conversationId}:1` };
    },
  });
  await outbox.kick();
  offsetMs += 60_000;
  await outbox.kick();
  expect(calls).toBe(chat.ids.length);
  const rows = await lentera.db.message.findMany({ where: { id: { in: chat.ids } }, orderBy: { seq: "asc" } });
  expect(rows.map((r) => r.status)).toEqual(chat.ids.map(() => "sent"));
  expect(rows.slice(1).every((r) => r.lastError === "channel message id already recorded")).toBe(true);
});

test("a retry_after is scheduled on the row and frees the slot; the chat keeps its order", async () => {
  const chat = await chatWith(1);
  const sent: Delivery[] = [];
  let first = true;
  const outbox = outboxOf(
    recordingSender(sent, async () => {
      if (!first) return undefined;
      first = false;
      return { status: "retry", error: "telegram 429", retryAfterMs: 30_000 };
    }),
  );
  await outbox.kick();
  const head = await lentera.db.message.findUniqueOrThrow({ where: { id: chat.ids[0]! } });
  expect(head).toMatchObject({ status: "pending", attempts: 1, attemptedAt: null, claimedUntil: null });
  expect(sent.filter((d) => chat.ids.includes(d.messageId))).toEqual([]);
  offsetMs += 31_000;
  await outbox.kick();
  expect(sent.filter((d) => chat.ids.includes(d.messageId)).map((d) => d.messageId)).toEqual(chat.ids);
});

test("first messages of many new people at once are all handled", { timeout: 60_000 }, async () => {
  const results = await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      lentera.handleInbound({ channel: "telegram", channelUserId: String(990_000 + i), input: { type: "start" } }),
    ),
  );
  expect(results.map((r) => r.status)).toEqual(results.map(() => "handled"));
});

test("retries go out when they are due, each of them, not at the next poll", async () => {
  const chats = [await chatWith(1), await chatWith(1)];
  const waits = [600, 300]; // the later retry is scheduled first
  const heads = chats.map((chat) => chat.ids[0]!);
  const attempts = new Map<string, number[]>(heads.map((id) => [id, []]));
  const outbox = createOutbox({ db: lentera.db, cipher: lentera.cipher, log, now, pollMs: 60_000 });
  outbox.register(
    recordingSender([], async (d) => {
      const times = attempts.get(d.messageId);
      if (!times) return undefined;
      times.push(now().getTime());
      if (times.length > 1) return undefined;
      const wait = waits[heads.indexOf(d.messageId)]!;
      // the first chat fails first, so its later retry is scheduled first
      if (wait < 600) await vi.waitFor(() => expect(attempts.get(heads[0]!)!.length).toBe(1));
      return { status: "retry", error: "telegram 429", retryAfterMs: wait };
    }),
  );
  outbox.start();
  try {
    // the poll is a minute away: only the retries' own timer can send them within seconds
    await vi.waitFor(() => expect(heads.map((id) => attempts.get(id)!.length)).toEqual([2, 2]), { timeout: 5000 });
    heads.forEach((id, i) => {
      const [first = NaN, second = NaN] = attempts.get(id)!;
      expect(second - first).toBeGreaterThanOrEqual(waits[i]!);
    });
    await vi.waitFor(async () =>
      expect(await lentera.db.message.findMany({ where: { id: { in: heads } } })).toEqual([
        expect.objectContaining({ status: "sent", attempts: 2 }),
        expect.objectContaining({ status: "sent", attempts: 2 }),
      ]),
    );
  } finally {
    await outbox.stop();
  }
});

test("a failed send waits about 1 s, 2 s, 4 s … up to 10 minutes, half of each wait random", () => {
  expect(backoffMs(1, () => 0)).toBe(1000);
  expect(backoffMs(1, () => 1)).toBe(500);
  expect(backoffMs(3, () => 0)).toBe(4000);
  expect(backoffMs(3, () => 1)).toBe(2000);
  expect(backoffMs(40, () => 0)).toBe(600_000);
  expect(backoffMs(40, () => 1)).toBe(300_000);
});
