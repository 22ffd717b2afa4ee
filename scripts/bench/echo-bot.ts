// A bare grammY + Hono echo bot: the benchmark's reference for what the bot framework itself costs.
// Started by scripts/bench.ts: PORT, TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, TELEGRAM_WEBHOOK_SECRET.
import { serve } from "@hono/node-server";
import { Bot, webhookCallback } from "grammy";
import { Hono } from "hono";

const env = process.env as Record<string, string>;
const bot = new Bot(env.TELEGRAM_BOT_TOKEN!, {
  client: { apiRoot: env.TELEGRAM_API_ROOT! },
  botInfo: {
    id: 123456,
    is_bot: true,
    first_name: "Echo",
    username: "echo_bench_bot",
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  },
});
bot.on("message:text", (ctx) => ctx.reply(ctx.message.text));
bot.on("callback_query:data", async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.callbackQuery.data);
});

const app = new Hono();
app.post("/webhooks/telegram", webhookCallback(bot, "hono", { secretToken: env.TELEGRAM_WEBHOOK_SECRET! }));
serve({ fetch: app.fetch, port: Number(env.PORT), hostname: "127.0.0.1" }, () => console.log("ready"));
