import { rm } from "node:fs/promises";
import { expect, test } from "vitest";
import { startLentera } from "../../../src/boot/start-lentera.ts";
import { parseEnv } from "../../../src/config/env.ts";
import { createLogger } from "../../../src/log/create-logger.ts";
import { startFakeTelegramApi } from "../../support/fake-telegram-api.ts";
import { WEBHOOK_SECRET } from "./telegram-harness.ts";
import { createDataDir } from "../../support/create-data-dir.ts";

test("Telegram logs carry no chat id, message text, file id, token or secret — also when things fail", async () => {
  const api = await startFakeTelegramApi();
  const dataDir = await createDataDir("lentera-tg-logs-");
  const lines: string[] = [];
  const log = createLogger({ level: "trace", destination: { write: (line: string) => void lines.push(line) } });
  const env = parseEnv({
    DATA_DIR: dataDir,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    TELEGRAM_API_ROOT: api.url,
    TELEGRAM_CASEWORKER_CHAT_ID: "-1009876543210",
  });
  const lentera = await startLentera(env, { log });
  const chatId = 7_777_123_456;
  const chat = { id: chatId, type: "private" };
  const from = { id: chatId, is_bot: false, first_name: "Siti", language_code: "id" };
  let updateId = 1;
  const post = (message: Record<string, unknown>, secret = WEBHOOK_SECRET) =>
    lentera.app.request("/webhooks/telegram", {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret },
      body: JSON.stringify({
        update_id: updateId++,
        message: { message_id: api.nextMessageId(chatId), date: Math.floor(Date.now() / 1000), chat, from, ...message },
      }),
    });
  try {
    api.failNext("sendMessage", { status: 500 });
    api.failNext("sendMessage", { status: 429, retryAfter: 30 });
    await post({ text: "/start" });
    await post({ text: "nama saya Siti Rahayu, nomor saya 081234567890, paspor saya ditahan" });
    await post({ photo: [{ file_id: "SECRET-FILE-ID-abc" }] });
    await post({ text: "hello" }, "wrong-secret-wrong-secret-wrong");
    api.failNext("sendMessage", { status: 403 });
    await lentera.outbox.kick();
    await lentera.telegram!.idle();
    const all = lines.join("\n");
    expect(all).toContain("delivery failed, will retry");
    for (const secret of [
      String(chatId),
      "Siti",
      "081234567890",
      "paspor",
      "SECRET-FILE-ID",
      api.token,
      "TEST-fake-token",
      WEBHOOK_SECRET,
      "9876543210",
    ]) {
      expect(all, secret).not.toContain(secret);
    }
  } finally {
    await lentera.close();
    await api.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}, 120_000);
