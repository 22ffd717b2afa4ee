import { GrammyError, HttpError } from "grammy";
import { describe, expect, test } from "vitest";
import { decodeUpdate } from "../../../src/channels/telegram/decode-update.ts";
import { toInlineKeyboard } from "../../../src/channels/telegram/create-telegram-sender.ts";
import { splitText } from "../../../src/channels/telegram/split-text.ts";
import { TelegramUpdate } from "../../../src/channels/telegram/telegram-update.ts";
import { toDeliveryResult } from "../../../src/channels/telegram/to-delivery-result.ts";

const chat = { id: 42, type: "private" };
const from = { id: 42, is_bot: false, first_name: "A", language_code: "id" };
const message = (fields: Record<string, unknown>) =>
  TelegramUpdate.parse({ update_id: 10, message: { message_id: 5, date: 1_700_000_000, chat, from, ...fields } });

describe("decodeUpdate", () => {
  test("the receipt key is the update id with the message's date: a redelivery matches, a reused id does not", () => {
    const key = (update: unknown) => {
      const decoded = decodeUpdate(TelegramUpdate.parse(update));
      return decoded.status === "inbound" ? decoded.inputs[0]!.externalId : null;
    };
    const first = { update_id: 77, message: { message_id: 5, date: 1_700_000_000, chat, from, text: "halo" } };
    expect(key(first)).toBe(key(structuredClone(first)));
    // Telegram restarts update ids after a quiet week: the same id with a new message is a new key
    const reused = {
      update_id: 77,
      message: { message_id: 1, date: 1_700_700_000, chat, from, text: "tolong saya disekap" },
    };
    expect(key(reused)).not.toBe(key(first));
  });

  test("an edited message is read (and screened) like a new one, keyed by its edit date", () => {
    const edit = TelegramUpdate.parse({
      update_id: 20,
      edited_message: {
        message_id: 5,
        date: 1_700_000_000,
        edit_date: 1_700_000_100,
        chat,
        from,
        text: "saya dikurung",
      },
    });
    expect(decodeUpdate(edit)).toMatchObject({
      status: "inbound",
      inputs: [{ input: { type: "text", text: "saya dikurung" }, externalId: "e:u:20:1700000100" }],
    });
  });

  test("button data that Lentera's keyboards never carry is dropped (answered, not read)", () => {
    for (const data of ["<script>", "x".repeat(65), "halo saya disekap", "#123"]) {
      const forged = TelegramUpdate.parse({
        update_id: 21,
        callback_query: { id: "qf", from, data, message: { message_id: 9, date: 1, chat } },
      });
      expect(decodeUpdate(forged)).toEqual({ status: "ignored", callbackQueryId: "qf" });
    }
  });

  test("commands become the engine's inputs", () => {
    const inputOf = (text: string) => {
      const decoded = decodeUpdate(message({ text }), { safeWord: "Payung Biru" });
      return decoded.status === "inbound" ? decoded.inputs.map((i) => i.input) : decoded;
    };
    expect(inputOf("/start")).toEqual([{ type: "start" }]);
    expect(inputOf("/start ref-abc")).toEqual([{ type: "start" }]);
    expect(inputOf("/menu@lentera_bot")).toEqual([{ type: "text", text: "menu" }]);
    expect(inputOf("/bahasa")).toEqual([{ type: "text", text: "bahasa" }]);
    expect(inputOf("/help")).toEqual([{ type: "text", text: "help" }]);
    expect(inputOf("/hapus")).toEqual([{ type: "wipe" }]);
    expect(inputOf("payung biru!")).toEqual([{ type: "wipe" }]);
    expect(inputOf("tolong saya")).toEqual([{ type: "text", text: "tolong saya" }]);
  });

  test("a text message: dedupe id, message ref for a later wipe, language hint", () => {
    expect(decodeUpdate(message({ text: "halo" }))).toEqual({
      status: "inbound",
      chatId: 42,
      localeHint: "id",
      inputs: [
        {
          input: { type: "text", text: "halo" },
          externalId: "u:10:1700000000",
          channelRef: { messageIds: [5], date: 1_700_000_000 },
        },
      ],
    });
    const wipe = decodeUpdate(message({ text: "/hapus" }));
    expect(wipe).toMatchObject({ wipeMessageId: 5 });
  });

  test("files become media with their file_id; a caption follows as text", () => {
    const decoded = decodeUpdate(message({ photo: [{ file_id: "s" }, { file_id: "L" }], caption: "ini kontraknya" }));
    expect(decoded.status === "inbound" && decoded.inputs.map((i) => [i.input, i.externalId])).toEqual([
      [{ type: "media", kind: "photo", ref: "L" }, "u:10:1700000000"],
      [{ type: "text", text: "ini kontraknya" }, "u:10:1700000000:caption"],
    ]);
    const kinds = [
      [{ document: { file_id: "d" } }, "document"],
      [{ voice: { file_id: "v" } }, "voice"],
      [{ video: { file_id: "vi" } }, "video"],
      [{ sticker: { file_id: "st" } }, "other"],
    ] as const;
    for (const [fields, kind] of kinds) {
      const d = decodeUpdate(message(fields));
      expect(d.status === "inbound" && d.inputs[0]!.input).toMatchObject({ type: "media", kind });
    }
  });

  test("a file carries what its download needs (file_id, the size Telegram gives); a sticker is not fetched", () => {
    const voice = decodeUpdate(message({ voice: { file_id: "v1", file_size: 4321, duration: 3 } }));
    expect(voice.status === "inbound" && voice.inputs[0]!.media).toEqual({
      type: "remote",
      source: { fileId: "v1" },
      announcedBytes: 4321,
    });
    const photo = decodeUpdate(message({ photo: [{ file_id: "s", file_size: 10 }, { file_id: "L" }] }));
    expect(photo.status === "inbound" && photo.inputs[0]!.media).toEqual({ type: "remote", source: { fileId: "L" } });
    const sticker = decodeUpdate(message({ sticker: { file_id: "st", file_size: 99 } }));
    expect(sticker.status === "inbound" && sticker.inputs[0]).not.toHaveProperty("media");
  });

  test("a button press is the choice id; presses and messages outside private chats are ignored", () => {
    const press = TelegramUpdate.parse({
      update_id: 11,
      callback_query: {
        id: "q1",
        from: { ...from, language_code: "en-GB" },
        data: "menu.guidance",
        message: { message_id: 9, date: 1, chat },
      },
    });
    expect(decodeUpdate(press)).toEqual({
      status: "inbound",
      chatId: 42,
      localeHint: "en",
      inputs: [{ input: { type: "choice", id: "menu.guidance" }, externalId: "u:11:q1" }],
      callback: { queryId: "q1", messageId: 9 },
    });
    const numbered = TelegramUpdate.parse({
      update_id: 12,
      callback_query: { id: "q2", from, data: "#3", message: { message_id: 9, date: 1, chat } },
    });
    expect(decodeUpdate(numbered)).toMatchObject({ inputs: [{ input: { type: "text", text: "3" } }] });
    const inGroup = TelegramUpdate.parse({
      update_id: 13,
      callback_query: {
        id: "q3",
        from,
        data: "x",
        message: { message_id: 9, date: 1, chat: { id: -5, type: "group" } },
      },
    });
    expect(decodeUpdate(inGroup)).toEqual({ status: "ignored", callbackQueryId: "q3" });
    expect(
      decodeUpdate(
        TelegramUpdate.parse({
          update_id: 14,
          message: { message_id: 1, date: 1, chat: { id: -5, type: "group" }, from, text: "/start" },
        }),
      ),
    ).toEqual({ status: "ignored" });
    expect(decodeUpdate(message({ from: { id: 9, is_bot: true, first_name: "b" }, text: "/start" }))).toEqual({
      status: "ignored",
    });
    expect(decodeUpdate(message({ location: { latitude: 1, longitude: 2 } }))).toEqual({ status: "ignored" });
  });
});

describe("rendering for Telegram", () => {
  test("choices are an inline keyboard, one numbered button per row, callback data within 64 bytes", () => {
    const long = "x".repeat(65);
    expect(
      toInlineKeyboard([
        { id: "menu.help", label: "Get help" },
        { id: long, label: "Long" },
      ]),
    ).toEqual({
      inline_keyboard: [
        [{ text: "1. Get help", callback_data: "menu.help" }],
        [{ text: "2. Long", callback_data: "#2" }],
      ],
    });
  });

  test("long text is split at paragraph, line or word boundaries, each part within the limit", () => {
    expect(splitText("short")).toEqual(["short"]);
    expect(splitText("aaaa\n\nbbbb", 6)).toEqual(["aaaa", "bbbb"]);
    expect(splitText("aaa bbb ccc", 7)).toEqual(["aaa bbb", "ccc"]);
    const words = "kata ".repeat(2000);
    const parts = splitText(words);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join(" ")).toBe(words.trim());
    const emoji = "😀".repeat(3000);
    const cut = splitText(emoji);
    expect(cut.join("")).toBe(emoji);
    expect(cut.every((p) => p.length <= 4096 && !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});

describe("toDeliveryResult", () => {
  const apiError = (error_code: number, description: string, retry_after?: number) =>
    new GrammyError(
      "call failed",
      { ok: false, error_code, description, ...(retry_after ? { parameters: { retry_after } } : {}) },
      "sendMessage",
      {},
    );
  test("maps Bot API failures to what the outbox should do", () => {
    expect(toDeliveryResult(apiError(429, "Too Many Requests: retry after 7", 7))).toEqual({
      status: "retry",
      error: "telegram 429: Too Many Requests: retry after 7",
      retryAfterMs: 7000,
    });
    expect(toDeliveryResult(apiError(403, "Forbidden: bot was blocked by the user"))).toMatchObject({
      status: "blocked",
    });
    expect(toDeliveryResult(apiError(502, "Bad Gateway"))).toMatchObject({ status: "retry" });
    expect(toDeliveryResult(apiError(401, "Unauthorized"))).toMatchObject({ status: "retry" });
    expect(toDeliveryResult(apiError(400, "Bad Request: chat not found"))).toMatchObject({ status: "failed" });
    expect(
      toDeliveryResult(new HttpError("Network request for 'sendMessage' failed!", new Error("ECONNRESET"))),
    ).toMatchObject({ status: "retry" });
  });
});
