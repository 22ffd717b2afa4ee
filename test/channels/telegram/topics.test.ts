import { afterAll, beforeAll, expect, test } from "vitest";
import { bearer, createCaseworker } from "../../api/api-support.ts";
import { startTelegramHarness, type TelegramHarness } from "./telegram-harness.ts";

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h?.close();
});

const TOPIC = 42;
/** The `message_thread_id` of every message the bot sent to the chat, in order. */
const threadsOf = (chatId: number) =>
  h.botMessages(chatId).map((_, i) => h.api.sentTo(chatId)[i]!.payload.message_thread_id);

test("a person writing in a private-chat topic is answered in it, by the bot and by a caseworker; back in the main chat, answers follow", async () => {
  const p = h.person(5550101, { languageCode: "id" });
  await p.send(
    p.messageUpdate({
      text: "/start",
      message_thread_id: TOPIC,
      entities: [{ type: "bot_command", offset: 0, length: 6 }],
    }),
  );
  expect(p.replies().length).toBeGreaterThan(0);
  // a button of a message in the topic carries the topic too
  for (const data of ["lang.id", "consent.accept"]) {
    const press = p.pressUpdate(data) as { callback_query: { message: Record<string, unknown> } };
    press.callback_query.message.message_thread_id = TOPIC;
    await p.send(press);
  }
  await p.send(
    p.messageUpdate({
      text: "tolong saya disekap majikan dan dipukul, tidak bisa keluar",
      message_thread_id: TOPIC,
    }),
  );
  const sent = threadsOf(p.chatId);
  expect(sent.length).toBeGreaterThanOrEqual(4);
  expect(sent.every((thread) => thread === TOPIC)).toBe(true);

  const ticket = await h.lentera.db.ticket.findFirstOrThrow({
    where: { contact: { channelUserKey: h.lentera.cipher.lookupKey(String(p.chatId)) } },
  });
  const cw = await createCaseworker(h.lentera as never, { email: "topik@example.org", role: "supervisor" });
  const call = (url: string, body?: unknown) =>
    h.lentera.app.request(url, {
      method: "POST",
      headers: { ...bearer(cw.token), "content-type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  expect((await call(`/api/tickets/${ticket.reference}/claim`)).status).toBe(200);
  const reply = await call(`/api/tickets/${ticket.reference}/messages`, {
    text: "Halo, saya petugas. Kamu aman?",
    outsideSafeTimesConfirmed: true,
  });
  expect(reply.status, await reply.clone().text()).toBeLessThan(300);
  await h.settle();
  const toPerson = h.api.sentTo(p.chatId);
  const last = toPerson.at(-1)!;
  expect(last.text).toContain("Kamu aman?");
  expect(last.payload.message_thread_id).toBe(TOPIC);

  // the person writes in the main chat now: what the caseworker writes next goes there
  await p.send(p.textUpdate("terima kasih"));
  const conversation = await h.lentera.db.conversation.findFirstOrThrow({
    where: { contact: { channelUserKey: h.lentera.cipher.lookupKey(String(p.chatId)) } },
  });
  expect(conversation.threadId).toBeNull();
  const again = await call(`/api/tickets/${ticket.reference}/messages`, {
    text: "Baik, kami hubungi lagi besok.",
    outsideSafeTimesConfirmed: true,
  });
  expect(again.status).toBeLessThan(300);
  await h.settle();
  const next = h.api.sentTo(p.chatId).at(-1)!;
  expect(next.text).toContain("besok");
  expect(next.payload.message_thread_id).toBeUndefined();
});
