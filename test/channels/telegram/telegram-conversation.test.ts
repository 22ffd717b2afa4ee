import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lastButtons, startTelegramHarness, texts, type TelegramHarness } from "./telegram-harness.ts";

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("a conversation on Telegram", () => {
  test("language → consent → menu → guidance, with button presses and typed numbers", async () => {
    const t = h.lentera.t;
    const sari = h.person(5001, { languageCode: "en" });

    const first = await sari.say("/start");
    expect(texts(first)).toEqual([t("en", "language.ask")]);
    expect(first[0]!.buttons).toEqual([
      { text: `1. ${t("en", "language.id")}`, data: "lang.id" },
      { text: `2. ${t("en", "language.en")}`, data: "lang.en" },
    ]);

    const pressed = sari.lastKeyboard();
    const afterLanguage = await sari.press("lang.en");
    // every press is answered and its keyboard taken away, so it cannot be pressed again
    const query = h.api.callsOf("answerCallbackQuery").at(-1)!;
    expect(query.payload.callback_query_id).toMatch(/^cq-/);
    expect(h.api.callsOf("editMessageReplyMarkup", 5001).at(-1)!.payload).toMatchObject({ message_id: pressed.messageId, reply_markup: { inline_keyboard: [] } });
    expect(texts(afterLanguage)).toContain(t("en", "language.set"));
    expect(texts(afterLanguage).at(-1)).toBe(t("en", "consent.notice"));
    expect(lastButtons(afterLanguage)).toEqual(["consent.accept", "consent.decline", "nav.language"]);

    // a typed number picks the option like a tap
    const afterConsent = await sari.say("1");
    expect(texts(afterConsent)).toContain(t("en", "consent.thanks"));
    expect(texts(afterConsent).at(-1)).toBe(t("en", "menu.ask"));
    expect(lastButtons(afterConsent)).toContain("menu.guidance");

    const guidance = await sari.press("menu.guidance");
    expect(texts(guidance).at(-1)).toBe(t("en", "guidance.ask"));
    const topics = lastButtons(guidance);
    const recruiter = topics.indexOf("guidance.recruiter");
    expect(recruiter).toBeGreaterThanOrEqual(0);
    const topic = await sari.say(String(recruiter + 1));
    expect(texts(topic).join("\n")).toContain(t("en", "guidance.topics.recruiter").slice(0, 40));

    // an old button pressed again (its keyboard was removed, but a client may lag) does not re-run the step
    const stale = await sari.press("lang.id", pressed.messageId);
    expect(texts(stale)[0]).toBe(t("en", "common.stale"));
  });

  test("Indonesian is the first guess for an Indonesian phone, and the commands work", async () => {
    const t = h.lentera.t;
    const budi = h.person(5002, { languageCode: "id" });
    expect(texts(await budi.say("/start"))).toEqual([t("id", "language.ask")]);
    await budi.press("lang.id");
    await budi.press("consent.accept");
    const help = await budi.say("/help");
    expect(texts(help)[0]).toBe(t("id", "help.text"));
    const language = await budi.say("/bahasa");
    expect(lastButtons(language)).toEqual(["lang.id", "lang.en"]);
    const menu = await budi.say("/menu");
    expect(texts(menu).at(-1)).toBe(t("id", "menu.ask"));
  });

  test("a photo reaches the engine as media with its file_id and is never sent back", async () => {
    const t = h.lentera.t;
    const ani = h.person(5003, { languageCode: "id" });
    await ani.say("/start");
    await ani.press("lang.id");
    await ani.press("consent.accept");
    const update = ani.messageUpdate({ photo: [{ file_id: "small-photo", file_unique_id: "s", width: 90, height: 90 }, { file_id: "big-photo-file-id", file_unique_id: "b", width: 1280, height: 960 }] });
    await ani.send(update);
    const replies = ani.replies();
    expect(texts(replies)[0]).toBe(t("id", "media.received"));
    expect(h.api.calls.some((c) => c.method.startsWith("sendPhoto") || c.method === "sendDocument" || c.method === "forwardMessage" || c.method === "copyMessage")).toBe(false);
    const stored = await h.lentera.db.message.findFirstOrThrow({ where: { channel: "telegram", direction: "inbound", channelMessageId: `u:${update.update_id}` } });
    expect(h.lentera.cipher.decryptJson(stored.bodyEnc)).toMatchObject({ media: { kind: "photo", ref: "big-photo-file-id" } });
  });
});
