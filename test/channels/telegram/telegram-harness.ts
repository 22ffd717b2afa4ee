import { expect } from "vitest";
import { createTestLentera, type BeforeDrop } from "../../support/create-test-lentera.ts";
import { startFakeTelegramApi } from "../../support/fake-telegram-api.ts";
import { createInstantSleep } from "../../support/instant-sleep.ts";

export const WEBHOOK_SECRET = "test-webhook-secret-0123456789abcdef";

export type BotMessage = { messageId: number; text: string; buttons: { text: string; data?: string; url?: string }[] };

type Keyboard = { inline_keyboard: { text: string; callback_data?: string; url?: string }[][] };

/**
 * Lentera with Telegram on (webhook mode unless the env says otherwise) against a fake Bot API, and
 * people who write to it the way Telegram delivers their updates.
 */
export async function startTelegramHarness(
  options: {
    env?: Record<string, string>;
    now?: () => Date;
    beforeDrop?: BeforeDrop;
  } = {},
) {
  const api = await startFakeTelegramApi();
  // alert retries back off on a clock that records the waits instead of sitting through them
  const sleep = createInstantSleep();
  const lentera = await createTestLentera({
    env: {
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TELEGRAM_API_ROOT: api.url,
      ...options.env,
    },
    ...(options.now ? { now: options.now } : {}),
    ...(options.beforeDrop ? { beforeDrop: options.beforeDrop } : {}),
    sleep,
    // a whole flow is more than Telegram's burst of 20 messages a chat: no real second between the rest
    telegramThrottle: { reservoir: 1000, reservoirIncreaseMaximum: 1000 },
    // alerts to the caseworker group without grammY's real second between them
    telegramGroupThrottle: { minTime: 0 },
  });
  const now = options.now ?? (() => new Date());
  let nextUpdateId = 700_000;

  async function post(update: unknown, init: { secret?: string | null; raw?: string } = {}) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const secret = init.secret === undefined ? WEBHOOK_SECRET : init.secret;
    if (secret !== null) headers["X-Telegram-Bot-Api-Secret-Token"] = secret;
    return lentera.app.request("/webhooks/telegram", {
      method: "POST",
      headers,
      body: init.raw ?? JSON.stringify(update),
    });
  }

  /** Delivers every message that is due (outbox) and waits for background Bot API calls. */
  async function settle() {
    for (let round = 0; round < 100; round++) {
      await lentera.outbox.kick();
      await lentera.telegram?.idle();
      const due = await lentera.db.message.count({
        where: {
          channel: "telegram",
          direction: "outbound",
          status: "pending",
          OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now() } }],
        },
      });
      if (due === 0) return;
    }
    throw new Error("outbox did not settle");
  }

  /** What the bot sent to a chat (successfully), in order. */
  function botMessages(chatId: number): BotMessage[] {
    return api.sentTo(chatId).map((sent) => {
      const markup = sent.payload.reply_markup as Keyboard | undefined;
      return {
        messageId: sent.message_id,
        text: sent.text,
        buttons: (markup?.inline_keyboard ?? []).map(([button]) => ({
          text: button!.text,
          ...(button!.callback_data ? { data: button!.callback_data } : {}),
          ...(button!.url ? { url: button!.url } : {}),
        })),
      };
    });
  }

  function person(chatId: number, profile: { languageCode?: string } = {}) {
    const from = {
      id: chatId,
      is_bot: false,
      first_name: "Sari",
      ...(profile.languageCode ? { language_code: profile.languageCode } : {}),
    };
    const chat = { id: chatId, type: "private", first_name: "Sari" };
    let seen = 0;

    function messageUpdate(fields: Record<string, unknown>) {
      return {
        update_id: ++nextUpdateId,
        message: { message_id: api.nextMessageId(chatId), date: Math.floor(Date.now() / 1000), chat, from, ...fields },
      };
    }
    function textUpdate(text: string) {
      const command = /^\/\w+/.exec(text);
      return messageUpdate({
        text,
        ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
      });
    }
    /** the bot's last message with a keyboard in this chat */
    function lastKeyboard(): BotMessage {
      const message = botMessages(chatId).findLast((m) => m.buttons.length > 0);
      if (!message) throw new Error("no keyboard was sent to this chat");
      return message;
    }
    function pressUpdate(data: string, messageId = lastKeyboard().messageId) {
      const id = ++nextUpdateId;
      return {
        update_id: id,
        callback_query: {
          id: `cq-${id}`,
          from,
          chat_instance: "ci-1",
          data,
          message: {
            message_id: messageId,
            date: Math.floor(Date.now() / 1000),
            chat,
            from: { id: 123456, is_bot: true, first_name: "Lentera" },
            text: "…",
          },
        },
      };
    }
    async function send(update: unknown) {
      const started = Date.now();
      const res = await post(update);
      expect(res.status, `${await res.clone().text()} after ${Date.now() - started} ms`).toBe(200);
      await settle();
      return update;
    }
    /** what the bot sent since the last call */
    function replies(): BotMessage[] {
      const all = botMessages(chatId);
      const fresh = all.slice(seen);
      seen = all.length;
      return fresh;
    }
    return {
      chatId,
      messageUpdate,
      textUpdate,
      pressUpdate,
      lastKeyboard,
      send,
      replies,
      say: async (text: string) => {
        await send(textUpdate(text));
        return replies();
      },
      /** presses a button of the bot's last keyboard (or of an older message, when given) */
      press: async (data: string, messageId?: number) => {
        if (messageId === undefined)
          expect(
            lastKeyboard().buttons.map((b) => b.data),
            `button ${data} on the last keyboard`,
          ).toContain(data);
        await send(pressUpdate(data, messageId));
        return replies();
      },
    };
  }

  return {
    api,
    lentera,
    post,
    settle,
    person,
    botMessages,
    /** the waits the alert retries asked for */
    sleep,
    close: async () => {
      await lentera.close();
      await api.close();
    },
  };
}

export type TelegramHarness = Awaited<ReturnType<typeof startTelegramHarness>>;
export type TelegramPerson = ReturnType<TelegramHarness["person"]>;

/** The texts of a list of bot messages. */
export const texts = (messages: BotMessage[]) => messages.map((m) => m.text);
/** The button data of the last message that has buttons. */
export const lastButtons = (messages: BotMessage[]) =>
  messages.findLast((m) => m.buttons.length)?.buttons.map((b) => b.data) ?? [];
