import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTelegramHarness, texts, WEBHOOK_SECRET, type TelegramHarness } from "./telegram-harness.ts";

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h?.close();
});

const inboundCount = () => h.lentera.db.message.count({ where: { channel: "telegram", direction: "inbound" } });

describe("POST /webhooks/telegram at the edge", () => {
  test("a wrong or missing secret is 401, and nothing is processed", async () => {
    const someone = h.person(6001);
    const before = h.api.calls.length;
    const stored = await inboundCount();
    for (const secret of [null, "wrong-secret-0123456789abcdefghijk", `${WEBHOOK_SECRET}x`, WEBHOOK_SECRET.slice(0, -1)]) {
      const res = await h.post(someone.textUpdate("halo"), { secret });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("X-Telegram-Bot-Api-Secret-Token") } });
    }
    await h.settle();
    expect(await inboundCount()).toBe(stored);
    expect(h.api.calls.slice(before).filter((c) => c.method !== "setMyCommands")).toEqual([]);
  });

  test("a body that is not a Telegram update is 400", async () => {
    for (const raw of ["{not json", "[]", JSON.stringify({ message: { text: "hi" } }), JSON.stringify({ update_id: "12" }), JSON.stringify({ update_id: 5, message: { text: "no chat" } })]) {
      const res = await h.post(undefined, { raw });
      expect(res.status, raw).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    }
  });

  test("an update Telegram sends again (same update_id) is processed once", async () => {
    const rina = h.person(6002, { languageCode: "id" });
    const update = rina.textUpdate("/start");
    await rina.send(update);
    const first = rina.replies();
    expect(first).toHaveLength(1);
    const res = await h.post(update);
    expect(res.status).toBe(200);
    await h.settle();
    expect(rina.replies()).toEqual([]);
    // the same button press delivered twice runs the choice once
    const press = rina.pressUpdate("lang.id");
    await rina.send(press);
    const once = rina.replies();
    await rina.send(press);
    expect(rina.replies()).toEqual([]);
    expect(texts(once)).toContain(h.lentera.t("id", "language.set"));
  });

  test("groups, channels and other bots are ignored", async () => {
    const before = h.api.callsOf("sendMessage").length;
    const stored = await inboundCount();
    const group = { id: -1001234, type: "supergroup", title: "Some group" };
    const user = { id: 6003, is_bot: false, first_name: "X" };
    const updates = [
      { update_id: 990001, message: { message_id: 1, date: 1, chat: group, from: user, text: "/start" } },
      { update_id: 990002, channel_post: { message_id: 2, date: 1, chat: { id: -1009, type: "channel", title: "c" }, text: "hi" } },
      { update_id: 990003, message: { message_id: 3, date: 1, chat: { id: 6004, type: "private" }, from: { id: 6004, is_bot: true, first_name: "OtherBot" }, text: "/start" } },
      { update_id: 990004, edited_message: { message_id: 4, date: 1, chat: { id: 6003, type: "private" }, from: user, text: "edit" } },
    ];
    for (const update of updates) expect((await h.post(update)).status).toBe(200);
    await h.settle();
    expect(h.api.callsOf("sendMessage").length).toBe(before);
    expect(await inboundCount()).toBe(stored);
  });

  test("a burst from one chat arriving together: all processed, none lost, in order", async () => {
    const dewi = h.person(6005, { languageCode: "id" });
    await dewi.say("/start");
    const burst = Array.from({ length: 6 }, (_, i) => dewi.textUpdate(`pesan ${i + 1}`));
    const responses = await Promise.all(burst.map((update) => h.post(update)));
    expect(responses.map((r) => r.status)).toEqual(burst.map(() => 200));
    await h.settle();
    const contact = await h.lentera.db.contact.findUniqueOrThrow({ where: { channel_channelUserKey: { channel: "telegram", channelUserKey: h.lentera.cipher.lookupKey("6005") } }, include: { conversations: true } });
    const inbound = await h.lentera.db.message.findMany({ where: { conversationId: contact.conversations[0]!.id, direction: "inbound" }, orderBy: { seq: "asc" } });
    expect(inbound.map((m) => m.channelMessageId)).toEqual(burst.map((u) => `u:${u.update_id}`));
    // each message got its answer (the language question again), delivered in order
    expect(dewi.replies().length).toBeGreaterThanOrEqual(burst.length);
    const outbound = await h.lentera.db.message.findMany({ where: { conversationId: contact.conversations[0]!.id, direction: "outbound" }, orderBy: { seq: "asc" } });
    expect(outbound.every((m) => m.status === "sent")).toBe(true);
    const ids = outbound.map((m) => Number(m.channelMessageId!.split(":")[1]));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  test("the webhook answers before the reply is delivered: a slow Bot API does not hold it", async () => {
    const slow = h.person(6006, { languageCode: "en" });
    h.api.failNext("sendMessage", { status: "slow", delayMs: 6000 });
    const started = Date.now();
    const res = await h.post(slow.textUpdate("/start"));
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(4000);
    await h.settle();
    expect(texts(slow.replies())).toEqual([h.lentera.t("en", "language.ask")]);
  });

  test("the command menu is registered in Indonesian, English and by default", async () => {
    await h.lentera.telegram!.idle();
    const calls = h.api.callsOf("setMyCommands");
    expect(calls.map((c) => c.payload.language_code ?? "default").sort()).toEqual(["default", "en", "id"]);
    const en = calls.find((c) => c.payload.language_code === "en")!.payload.commands as { command: string; description: string }[];
    expect(en.map((c) => c.command)).toEqual(["start", "menu", "bahasa", "help", "hapus"]);
    expect(en.find((c) => c.command === "hapus")!.description).toBe(h.lentera.t("en", "telegram:commands.hapus"));
    const id = calls.find((c) => c.payload.language_code === "id")!.payload.commands as { command: string; description: string }[];
    expect(id.find((c) => c.command === "hapus")!.description).toBe(h.lentera.t("id", "telegram:commands.hapus"));
  });
});
