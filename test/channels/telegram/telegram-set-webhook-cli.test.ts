import { execFile } from "node:child_process";
import { rm } from "node:fs/promises";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { UsageError } from "../../../src/cli/command.ts";
import { telegramSetWebhook, toWebhookUrl } from "../../../src/cli/commands/telegram-set-webhook.ts";
import { openCliContext } from "../../../src/cli/open-cli-context.ts";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../support/fake-telegram-api.ts";
import { WEBHOOK_SECRET } from "./telegram-harness.ts";
import { createDataDir } from "../../support/create-data-dir.ts";
import { CLI_ARGS } from "../../support/node-args.ts";

const run = promisify(execFile);
let api: FakeTelegramApi;
let dataDir: string;
beforeAll(async () => {
  api = await startFakeTelegramApi();
  dataDir = await createDataDir("lentera-cli-");
});
afterAll(async () => {
  await api?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function cli(args: string[], env: Record<string, string> = {}) {
  const base = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    TELEGRAM_API_ROOT: api.url,
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI_ARGS, ...args, "--create"], {
      env: { ...base, ...env },
      cwd: process.cwd(),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npm run cli -- telegram set-webhook", () => {
  test("registers the webhook with the secret and the update kinds, and the command menu", async () => {
    const result = await cli(["telegram", "set-webhook", "--url", "https://lentera.example.org"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("https://lentera.example.org/webhooks/telegram");
    expect(result.stdout).not.toContain(WEBHOOK_SECRET);
    expect(api.callsOf("setWebhook").map((c) => c.payload)).toEqual([
      {
        url: "https://lentera.example.org/webhooks/telegram",
        secret_token: WEBHOOK_SECRET,
        allowed_updates: ["message", "edited_message", "callback_query"],
        drop_pending_updates: false,
      },
    ]);
    expect(
      api
        .callsOf("setMyCommands")
        .map((c) => c.payload.language_code ?? "default")
        .sort(),
    ).toEqual(["default", "en", "id"]);
  }, 120_000);

  test("refuses a plain http address, a missing --url and a missing secret, saying how to fix it", async () => {
    const ctx = await openCliContext({
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_MODE: "polling",
      TELEGRAM_API_ROOT: api.url,
    });
    try {
      await expect(telegramSetWebhook.run(ctx, { url: "https://x.example.org" }, [])).rejects.toThrow(
        /TELEGRAM_WEBHOOK_SECRET is not set\. Generate one/,
      );
      const withSecret = { ...ctx, env: { ...ctx.env, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET } };
      await expect(telegramSetWebhook.run(withSecret, { url: "http://lentera.example.org" }, [])).rejects.toThrow(
        UsageError,
      );
      await expect(telegramSetWebhook.run(withSecret, {}, [])).rejects.toThrow(/--url is required/);
    } finally {
      await ctx.close();
    }
    expect(api.callsOf("setWebhook")).toHaveLength(1);
    expect(toWebhookUrl("https://lentera.example.org/")).toBe("https://lentera.example.org/webhooks/telegram");
    expect(toWebhookUrl("https://example.org/lentera/webhooks/telegram?x=1")).toBe(
      "https://example.org/lentera/webhooks/telegram",
    );
  }, 120_000);
});
