import { afterAll, beforeAll, describe, expect, test } from "vitest";
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

const deletedIn = (chatId: number) => h.api.callsOf("deleteMessage", chatId).map((c) => Number(c.payload.message_id)).sort((a, b) => a - b);

async function chatWithHistory(chatId: number) {
  const p = h.person(chatId, { languageCode: "en" });
  const personMessageIds: number[] = [];
  const say = async (text: string) => {
    const update = p.textUpdate(text);
    personMessageIds.push(update.message.message_id);
    await p.send(update);
  };
  await p.send(p.textUpdate("/start"));
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
    const contact = await h.lentera.db.contact.findUniqueOrThrow({ where: { channel_channelUserKey: { channel: "telegram", channelUserKey: h.lentera.cipher.lookupKey("8001") } }, include: { conversations: { include: { messages: true } } } });
    expect(contact.erasedAt).not.toBeNull();
    const left = contact.conversations.flatMap((c) => c.messages).map((m) => h.lentera.cipher.decryptJson<{ text: string }>(m.bodyEnc).text);
    expect(left.join("\n")).not.toContain("passport");
  });

  test("the safe word wipes like /hapus", async () => {
    const { p, personMessageIds } = await chatWithHistory(8002);
    const botMessageIds = h.botMessages(8002).map((m) => m.messageId);
    p.replies();
    const panic = p.textUpdate("Payung Biru");
    await p.send(panic);
    expect(deletedIn(8002)).toEqual([...botMessageIds, ...personMessageIds, panic.message.message_id].sort((a, b) => a - b));
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
