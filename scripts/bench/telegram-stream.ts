import type { FakeTelegramApi } from "../../test/support/fake-telegram-api.ts";

/** One person's conversation step: typed text or a button press (its choice id). */
export type Step = { text: string } | { tap: string };

/**
 * The 18-update conversation the throughput scripts send (bench.ts, profile-updates.ts): start, language,
 * consent, an Indonesian story, answers, needs, contact and menu taps.
 */
export const STREAM: Step[] = [
  { text: "/start" },
  { tap: "lang.id" },
  { tap: "consent.accept" },
  { tap: "menu.help" },
  { text: "saya kerja di Malaysia, paspor saya ditahan majikan, gaji 4 bulan tidak dibayar, tidak boleh keluar" },
  { text: "ya" },
  { text: "tidak" },
  { text: "24" },
  { text: "1" },
  { text: "2" },
  { text: "1" },
  { text: "menu" },
  { tap: "menu.contacts" },
  { text: "menu" },
  { tap: "menu.guidance" },
  { text: "1" },
  { text: "menu" },
  { text: "makasih" },
];

/** A step as the Telegram update a private chat would post (message ids from the fake Bot API). */
export function toUpdate(api: FakeTelegramApi, chatId: number, updateId: number, step: Step) {
  const from = { id: chatId, is_bot: false, first_name: "Uji", language_code: "id" };
  const chat = { id: chatId, type: "private", first_name: "Uji" };
  const date = Math.floor(Date.now() / 1000);
  if ("tap" in step) {
    return {
      update_id: updateId,
      callback_query: {
        id: `q${updateId}`,
        from,
        chat_instance: `ci${chatId}`,
        data: step.tap,
        message: { message_id: api.nextMessageId(chatId), date, chat, text: "…" },
      },
    };
  }
  const command = /^\/\w+/.exec(step.text);
  return {
    update_id: updateId,
    message: {
      message_id: api.nextMessageId(chatId),
      date,
      chat,
      from,
      text: step.text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    },
  };
}

/** Posts an update to a server's Telegram webhook; the HTTP status, or 0 when it did not answer in 30 s. */
export async function postUpdate(url: string, secret: string, update: unknown): Promise<number> {
  return fetch(`${url}/webhooks/telegram`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret },
    body: JSON.stringify(update),
    signal: AbortSignal.timeout(30_000),
  }).then(
    async (res) => (await res.arrayBuffer(), res.status),
    () => 0,
  );
}
