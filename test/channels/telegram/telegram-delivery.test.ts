import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { storeOutboundMessages } from "../../../src/conversations/store-outbound.ts";
import { startTelegramHarness, texts, type TelegramHarness } from "./telegram-harness.ts";

let h: TelegramHarness;
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);
beforeAll(async () => {
  h = await startTelegramHarness({ now, env: { SAFE_WORD: "payung biru" } });
});
afterAll(async () => {
  await h?.close();
});

async function conversationOf(chatId: number) {
  const contact = await h.lentera.db.contact.findUniqueOrThrow({
    where: {
      channel_channelUserKey: { channel: "telegram", channelUserKey: h.lentera.cipher.lookupKey(String(chatId)) },
    },
    include: { conversations: true },
  });
  return { contact, conversation: contact.conversations[0]! };
}
const outbound = async (chatId: number) =>
  h.lentera.db.message.findMany({
    where: { conversationId: (await conversationOf(chatId)).conversation.id, direction: "outbound" },
    orderBy: { seq: "asc" },
  });

describe("delivering replies through the outbox", () => {
  test("a 429 with a short retry_after is scheduled, not slept inline, and the message sent after it", async () => {
    const p = h.person(7001, { languageCode: "en" });
    h.api.failNext("sendMessage", { status: 429, retryAfter: 3 });
    await p.say("/start");
    const [waiting] = await outbound(7001);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    const waitMs = waiting!.nextAttemptAt!.getTime() - now().getTime();
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(3000);
    offsetMs += 3_000;
    await h.settle();
    expect(texts(p.replies())).toEqual([h.lentera.t("en", "language.ask")]);
    const attempts = h.api.callsOf("sendMessage", 7001);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(attempts[0]!.payload).toEqual(attempts[1]!.payload);
    const [message] = await outbound(7001);
    expect(message).toMatchObject({ status: "sent", channelMessageId: expect.stringMatching(/:\d+$/) });
  });

  test("a 429 with a long retry_after goes back to the outbox, which waits that long and then sends it", async () => {
    const p = h.person(7002, { languageCode: "en" });
    h.api.failNext("sendMessage", { status: 429, retryAfter: 120 });
    await p.say("/start");
    const [waiting] = await outbound(7002);
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("429") });
    const waitMs = waiting!.nextAttemptAt!.getTime() - now().getTime();
    expect(waitMs).toBeGreaterThan(110_000);
    expect(waitMs).toBeLessThanOrEqual(120_000);
    offsetMs += 121_000;
    await h.settle();
    expect(texts(p.replies())).toEqual([h.lentera.t("en", "language.ask")]);
    expect((await outbound(7002))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  test("5xx and network errors are retried with backoff, never lost, and keep the order", async () => {
    const p = h.person(7003, { languageCode: "en" });
    h.api.failNext("sendMessage", { status: 500 });
    await p.say("/start");
    expect((await outbound(7003))[0]).toMatchObject({ status: "pending", attempts: 1 });
    h.api.failNext("sendMessage", { status: "network" });
    offsetMs += 5_000;
    await h.settle();
    expect((await outbound(7003))[0]).toMatchObject({ status: "pending", attempts: 2 });
    offsetMs += 10_000;
    await h.settle();
    expect((await outbound(7003))[0]).toMatchObject({ status: "sent", attempts: 3 });
    expect(texts(p.replies())).toEqual([h.lentera.t("en", "language.ask")]);
  });

  test("a person who blocked the bot (403) is marked and not retried; writing again unblocks them", async () => {
    const p = h.person(7004, { languageCode: "en" });
    h.api.failNext("sendMessage", { status: 403 });
    await p.say("/start");
    const { contact } = await conversationOf(7004);
    expect(contact.blockedAt).not.toBeNull();
    expect((await outbound(7004))[0]).toMatchObject({ status: "blocked", attempts: 1 });
    offsetMs += 3_600_000;
    await h.settle();
    expect(h.api.callsOf("sendMessage", 7004)).toHaveLength(1);

    const replies = await p.say("/start");
    expect(texts(replies)).toEqual([h.lentera.t("en", "language.ask")]);
    expect((await conversationOf(7004)).contact.blockedAt).toBeNull();
  });

  test("a caseworker's reply reaches the person, labelled, and long text is split under 4,096 characters", async () => {
    const p = h.person(7005, { languageCode: "id" });
    await p.say("/start");
    await p.press("lang.id");
    p.replies();
    const { conversation } = await conversationOf(7005);
    const long = `${"Ini pesan panjang dari pendamping. ".repeat(150)}\n\nBagian akhir.`;
    await h.lentera.db.$transaction((tx) =>
      storeOutboundMessages(
        tx,
        { cipher: h.lentera.cipher, now },
        {
          conversationId: conversation.id,
          channel: "telegram",
          author: "caseworker",
          messages: [{ text: "Halo, saya Maya dari tim pendamping." }, { text: long }],
        },
      ),
    );
    await h.settle();
    const replies = p.replies();
    const label = h.lentera.t("id", "telegram:caseworker_label");
    expect(replies[0]!.text).toBe(`${label}\nHalo, saya Maya dari tim pendamping.`);
    expect(replies.length).toBe(3);
    expect(replies.slice(1).every((r) => r.text.length <= 4096)).toBe(true);
    expect(
      replies
        .slice(1)
        .map((r) => r.text)
        .join(" ")
        .replace(/\s+/g, " "),
    ).toBe(`${label}\n${long}`.replace(/\s+/g, " ").trim());
    const rows = await outbound(7005);
    const last = rows.at(-1)!;
    expect(h.lentera.cipher.decryptJson(last.channelRefEnc!, `Message.channelRefEnc/${last.id}`)).toEqual({
      messageIds: [replies[1]!.messageId, replies[2]!.messageId],
      date: expect.any(Number),
    });
  });

  test("a long message that fails halfway resumes without repeating its first part", async () => {
    const p = h.person(7006, { languageCode: "id" });
    await p.say("/start");
    await p.press("lang.id");
    p.replies();
    const { conversation } = await conversationOf(7006);
    const long = `${"a ".repeat(3000)}\n\n${"b ".repeat(3000)}`;
    h.api.passNext("sendMessage", 1);
    h.api.failNext("sendMessage", { status: 502 });
    await h.lentera.db.$transaction((tx) =>
      storeOutboundMessages(
        tx,
        { cipher: h.lentera.cipher, now },
        { conversationId: conversation.id, channel: "telegram", author: "bot", messages: [{ text: long }] },
      ),
    );
    await h.lentera.outbox.kick();
    expect(
      h.api
        .callsOf("sendMessage", 7006)
        .slice(-2)
        .map((c) => c.status),
    ).toEqual([200, 502]);
    offsetMs += 10_000;
    await h.settle();
    const parts = p.replies();
    // 12,000 characters: three parts; the first was not sent twice
    expect(parts.map((r) => r.text[0])).toEqual(["a", "a", "b"]);
    expect(
      parts
        .map((r) => r.text)
        .join(" ")
        .replace(/\s+/g, " "),
    ).toBe(long.replace(/\s+/g, " ").trim());
    expect(
      h.api
        .callsOf("sendMessage", 7006)
        .slice(-4)
        .map((c) => c.status),
    ).toEqual([200, 502, 200, 200]);
  });
});

/** the message ids deleted in a chat, by deleteMessages (batches of up to 100) or deleteMessage */
const deletedIn = (chatId: number) =>
  [
    ...h.api.callsOf("deleteMessages", chatId).flatMap((c) => (c.payload.message_ids as number[]).map(Number)),
    ...h.api.callsOf("deleteMessage", chatId).map((c) => Number(c.payload.message_id)),
  ].sort((a, b) => a - b);

async function chatWithHistory(chatId: number) {
  const p = h.person(chatId, { languageCode: "en" });
  const personMessageIds: number[] = [];
  const say = async (text: string) => {
    const update = p.textUpdate(text);
    personMessageIds.push(update.message.message_id);
    await p.send(update);
  };
  const start = p.textUpdate("/start");
  personMessageIds.push(start.message.message_id);
  await p.send(start);
  await p.press("lang.en");
  await p.press("consent.accept");
  await say("I work in a factory and they keep my passport");
  await say("menu");
  return { p, personMessageIds };
}

describe("panic wipe on Telegram", () => {
  test("/hapus deletes the bot's and the person's messages from the chat, erases the data, and says how to clear the rest", async () => {
    const { p, personMessageIds } = await chatWithHistory(8001);
    const botMessageIds = h.botMessages(8001).map((m) => m.messageId);
    p.replies();
    const panic = p.textUpdate("/hapus");
    await p.send(panic);

    const deleted = deletedIn(8001);
    expect(deleted).toEqual([...botMessageIds, ...personMessageIds, panic.message.message_id].sort((a, b) => a - b));
    const after = p.replies();
    expect(texts(after)).toEqual([h.lentera.t("en", "privacy:wiped")]);
    expect(deleted).not.toContain(after[0]!.messageId);
    // nothing the person wrote is left
    // nothing links back: no contact holds the chat's lookup hash, the erased one has no identifier or messages
    expect(
      await h.lentera.db.contact.count({
        where: { channel: "telegram", channelUserKey: h.lentera.cipher.lookupKey("8001") },
      }),
    ).toBe(0);
    const contact = await h.lentera.db.contact.findFirstOrThrow({
      where: { channel: "telegram", erasedAt: { not: null } },
      include: { conversations: { include: { messages: true } } },
      orderBy: { erasedAt: "desc" },
    });
    expect(contact.channelUserEnc).toBe("");
    expect(contact.conversations.flatMap((c) => c.messages)).toEqual([]);
    expect(await h.lentera.db.wipeJob.count()).toBe(0);
  });

  test("the safe word wipes like /hapus", async () => {
    const { p, personMessageIds } = await chatWithHistory(8002);
    const botMessageIds = h.botMessages(8002).map((m) => m.messageId);
    p.replies();
    const panic = p.textUpdate("Payung Biru");
    await p.send(panic);
    expect(deletedIn(8002)).toEqual(
      [...botMessageIds, ...personMessageIds, panic.message.message_id].sort((a, b) => a - b),
    );
    expect(texts(p.replies())).toEqual([h.lentera.t("en", "privacy:wiped")]);
  });

  test("messages older than 48 hours are left (Telegram no longer allows deleting them); the panic message goes", async () => {
    const { p } = await chatWithHistory(8003);
    p.replies();
    offsetMs += 49 * 60 * 60 * 1000;
    const panic = p.textUpdate("/hapus");
    await p.send(panic);
    expect(deletedIn(8003)).toEqual([panic.message.message_id]);
    expect(texts(p.replies())).toEqual([h.lentera.t("en", "privacy:wiped")]);
  });
});
