import { Hono } from "hono";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTelegramBot } from "../../../src/channels/telegram/create-telegram-bot.ts";
import { createTelegramWebhookRoutes } from "../../../src/channels/telegram/create-telegram-webhook-routes.ts";
import {
  createUpdateHandler,
  MAX_UPDATES_PER_CHAT_PER_MINUTE,
} from "../../../src/channels/telegram/create-update-handler.ts";
import type { HandleInbound } from "../../../src/conversations/handle-inbound.ts";
import { createErrorHandler } from "../../../src/http/errors.ts";
import { createI18n } from "../../../src/i18n/create-i18n.ts";
import { createLogger } from "../../../src/log/create-logger.ts";
import { FAKE_BOT_ID, startFakeTelegramApi, type FakeTelegramApi } from "../../support/fake-telegram-api.ts";
import { WEBHOOK_SECRET } from "./telegram-harness.ts";

let api: FakeTelegramApi;
beforeAll(async () => {
  api = await startFakeTelegramApi();
});
afterAll(async () => api?.close());

/** The webhook with a handleInbound that fails (the database is down, say). */
function appWithFailingInbound(handle?: (inbound?: unknown) => Promise<unknown>) {
  const log = createLogger({ level: "silent" });
  const { t } = createI18n();
  const { bot, unthrottledApi } = createTelegramBot({
    token: api.token,
    apiRoot: api.url,
    botInfo: {
      id: FAKE_BOT_ID,
      is_bot: true,
      first_name: "Lentera",
      username: "lentera_test_bot",
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
    } as never,
  });
  const pending: Promise<unknown>[] = [];
  const handleInbound = (handle ??
    (async () => {
      throw new Error("database unavailable");
    })) as unknown as HandleInbound;
  const stored = new Set<string>();
  const db = {
    contact: { updateMany: async () => ({ count: 0 }) },
    inboundReceipt: {
      findUnique: async (args: { where: { channel_externalId: { externalId: string } } }) =>
        stored.has(args.where.channel_externalId.externalId) ? { externalId: "x" } : null,
    },
  } as never;
  const cipher = { lookupKey: (v: string) => `k:${v}` } as never;
  bot.use(
    createUpdateHandler({
      db,
      cipher,
      t,
      log,
      handleInbound,
      mode: "webhook",
      background: (_name, task) => void pending.push(task()),
      unthrottledApi,
    }),
  );
  const app = new Hono();
  app.onError(createErrorHandler(log));
  app.route("/webhooks/telegram", createTelegramWebhookRoutes({ bot, secret: WEBHOOK_SECRET }));
  return { app, stored, settle: () => Promise.allSettled(pending) };
}

test("an update that cannot be stored is never acknowledged: 500 every time, so Telegram keeps sending it", async () => {
  let down = true;
  const handled: string[] = [];
  const { app, settle } = appWithFailingInbound(async () => {
    if (down) throw new Error("database unavailable");
    handled.push("x");
    return { status: "handled", conversationId: "c", contactId: "p", replies: [] };
  });
  const update = {
    update_id: 5,
    message: {
      message_id: 1,
      date: 1,
      chat: { id: 31, type: "private" },
      from: { id: 31, is_bot: false, first_name: "A", language_code: "en" },
      text: "halo",
    },
  };
  const post = () =>
    app.request("/webhooks/telegram", {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET },
      body: JSON.stringify(update),
    });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await post()).status);
  await settle();
  expect(statuses).toEqual([500, 500, 500, 500, 500, 500]);
  // no apology-and-drop: nothing was said to the person, and the update is still owed
  expect(api.callsOf("sendMessage", 31)).toEqual([]);
  down = false;
  expect((await post()).status).toBe(200);
  expect(handled).toHaveLength(1);
});

test("redeliveries of stored updates do not use up the chat's limit: the next real message is processed", async () => {
  const handled: number[] = [];
  const { app, stored, settle } = appWithFailingInbound(async (inbound?: unknown) => {
    const { externalId } = inbound as { externalId: string };
    stored.add(externalId);
    handled.push(Number(externalId.split(":")[1]));
    return { status: "handled", conversationId: "c", contactId: "p", replies: [] };
  });
  const post = (updateId: number) =>
    app.request("/webhooks/telegram", {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET },
      body: JSON.stringify({
        update_id: updateId,
        message: {
          message_id: updateId,
          date: 1,
          chat: { id: 51, type: "private" },
          from: { id: 51, is_bot: false, first_name: "A" },
          text: "tolong",
        },
      }),
    });
  // every update posted five times, as Telegram does when answers get lost
  for (let id = 1; id <= 10; id++) for (let copy = 0; copy < 5; copy++) expect((await post(id)).status).toBe(200);
  expect(handled).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  await settle();
});

test("a flood from one chat is cut at the per-chat limit; other chats are not affected", async () => {
  const handled: string[] = [];
  const { app, settle } = appWithFailingInbound(async () => {
    handled.push("x");
    return { status: "handled", conversationId: "c", contactId: "p", replies: [] };
  });
  let id = 100;
  const post = (chatId: number) =>
    app.request("/webhooks/telegram", {
      method: "POST",
      headers: { "content-type": "application/json", "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET },
      body: JSON.stringify({
        update_id: ++id,
        message: {
          message_id: id,
          date: 1,
          chat: { id: chatId, type: "private" },
          from: { id: chatId, is_bot: false, first_name: "A" },
          text: "spam",
        },
      }),
    });
  for (let i = 0; i < MAX_UPDATES_PER_CHAT_PER_MINUTE + 5; i++) expect((await post(41)).status).toBe(200);
  expect(handled).toHaveLength(MAX_UPDATES_PER_CHAT_PER_MINUTE);
  expect((await post(42)).status).toBe(200);
  expect(handled).toHaveLength(MAX_UPDATES_PER_CHAT_PER_MINUTE + 1);
  await settle();
});
