import { expect, test } from "vitest";
import { ConfigError, parseEnv } from "../../src/config/env.ts";

test("embedded defaults need nothing", () => {
  const env = parseEnv({});
  expect(env).toMatchObject({ PORT: 3000, DATA_DIR: "./data", WHATSAPP_ENABLED: false, TELEGRAM_MODE: "webhook" });
  expect(env.DATABASE_URL).toBeUndefined();
});

test("a bad value names the variable and how to fix it", () => {
  expect(() => parseEnv({ PORT: "eighty" })).toThrow(ConfigError);
  expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
  expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgresql:\/\//);
  expect(() => parseEnv({ ENCRYPTION_KEY: "abc" })).toThrow(/ENCRYPTION_KEY: must be 32 bytes/);
  expect(() => parseEnv({ TELEGRAM_BOT_TOKEN: "123:abc" })).toThrow(
    /TELEGRAM_WEBHOOK_SECRET: is required when TELEGRAM_MODE=webhook/,
  );
  expect(parseEnv({ TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_MODE: "polling" }).TELEGRAM_MODE).toBe("polling");
  expect(parseEnv({ WHATSAPP_ENABLED: "true" }).WHATSAPP_ENABLED).toBe(true);
  expect(() => parseEnv({ WHATSAPP_ENABLED: "yes" })).toThrow(/WHATSAPP_ENABLED/);
});

test("empty strings count as unset", () => {
  expect(parseEnv({ DATABASE_URL: "", ENCRYPTION_KEY: "" }).DATABASE_URL).toBeUndefined();
});
