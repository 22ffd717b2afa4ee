import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FAKE_BOT_ID } from "../../support/fake-telegram-api.ts";
import { startTelegramHarness, texts, type TelegramHarness } from "./telegram-harness.ts";

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness({ env: { TELEGRAM_MODE: "polling", TELEGRAM_WEBHOOK_SECRET: "" } });
});
afterAll(async () => {
  await h?.close();
});

describe("long polling (TELEGRAM_MODE=polling)", () => {
  test("removes any webhook, polls for updates and answers them; no webhook route is served", async () => {
    await h.api.waitFor(() => h.api.callsOf("deleteWebhook").length > 0);
    const chat = { id: 9501, type: "private" };
    const from = { id: 9501, is_bot: false, first_name: "Wati", language_code: "id" };
    h.api.queueUpdate({
      update_id: 1,
      message: {
        message_id: h.api.nextMessageId(9501),
        date: Math.floor(Date.now() / 1000),
        chat,
        from,
        text: "/start",
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    });
    h.api.queueUpdate({
      update_id: 2,
      message: { message_id: h.api.nextMessageId(9501), date: Math.floor(Date.now() / 1000), chat, from, text: "halo" },
    });
    const sent = await h.api.waitFor(() => (h.botMessages(9501).length >= 2 ? h.botMessages(9501) : undefined), 15_000);
    expect(texts(sent)[0]).toBe(h.lentera.t("id", "language.ask"));
    const inbound = await h.lentera.db.message.findMany({
      where: { channel: "telegram", direction: "inbound" },
      orderBy: { seq: "asc" },
    });
    expect(inbound.map((m) => m.channelMessageId)).toEqual([
      expect.stringMatching(/^u:1:\d+$/),
      expect.stringMatching(/^u:2:\d+$/),
    ]);

    const press = {
      update_id: 3,
      callback_query: {
        id: "cq-poll",
        from,
        chat_instance: "x",
        data: "lang.id",
        message: {
          message_id: sent[1]!.messageId,
          date: 1,
          chat,
          from: { id: FAKE_BOT_ID, is_bot: true, first_name: "Lentera" },
          text: "…",
        },
      },
    };
    h.api.queueUpdate(press);
    await h.api.waitFor(() =>
      h.api.callsOf("answerCallbackQuery").find((c) => c.payload.callback_query_id === "cq-poll"),
    );
    const afterPress = await h.api.waitFor(() =>
      h.botMessages(9501).length > 2 ? h.botMessages(9501).slice(2) : undefined,
    );
    expect(texts(afterPress)).toContain(h.lentera.t("id", "language.set"));

    expect((await h.post({ update_id: 4 })).status).toBe(404);
  });
});
