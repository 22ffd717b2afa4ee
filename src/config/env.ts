import { isIP } from "node:net";
import { z } from "zod";

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const optional = <T extends z.ZodType<string>>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());
/** A whole number of days (0 = keep for ever), for the RETENTION_* windows. */
const days = (fallback: number) => z.coerce.number().int().min(0).max(36_500).default(fallback);

/**
 * Which proxies may tell us the client's address in `X-Forwarded-For`: none (the default: the socket's
 * address counts), the last `hops` proxies in front of us, or proxies at these addresses/subnets.
 */
export type TrustProxy = { type: "off" } | { type: "hops"; hops: number } | { type: "addresses"; addresses: string[] };

const trustProxy = z
  .string()
  .trim()
  .default("")
  .transform((value, ctx): TrustProxy => {
    if (["", "false", "0", "off"].includes(value)) return { type: "off" };
    if (value === "true") return { type: "hops", hops: 1 };
    if (/^\d{1,2}$/.test(value)) return { type: "hops", hops: Number(value) };
    const addresses = value.split(",").map((a) => a.trim());
    const bad = addresses.filter((a) => {
      const [ip, bits, ...rest] = a.split("/");
      return rest.length > 0 || !ip || !isIP(ip) || (bits !== undefined && !/^\d{1,3}$/.test(bits));
    });
    if (bad.length) {
      ctx.addIssue({
        code: "custom",
        message: `must be a hop count (1 behind one proxy) or proxy addresses such as 10.0.0.5,10.1.0.0/16 (not ${bad.join(", ")})`,
      });
      return z.NEVER;
    }
    return { type: "addresses", addresses };
  });

/** Every setting Lentera reads from the environment, parsed once in `main.ts` (README "Configuration"). */
export const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must start with postgresql://")),
    ENCRYPTION_KEY: optional(
      z
        .string()
        .refine(
          (v) => decodeKey(v) !== null,
          "must be 32 bytes as 64 hex characters or base64 (openssl rand -base64 32)",
        ),
    ),
    PUBLIC_URL: optional(z.url("must be a full URL such as https://lentera.example.org")),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SAFE_WORD: optional(z.string().min(3, "must be at least 3 characters")),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    /** SIGTERM/SIGINT: stop accepting, finish turns and sends in flight, close the database, exit 0 within this */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
    TELEGRAM_BOT_TOKEN: optional(z.string().regex(/^\d+:[\w-]+$/, "must look like 123456:ABC-DEF… (from @BotFather)")),
    TELEGRAM_MODE: z.enum(["webhook", "polling"]).default("webhook"),
    TELEGRAM_WEBHOOK_SECRET: optional(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 characters of A-Z, a-z, 0-9, _ or - (openssl rand -hex 32)"),
    ),
    TELEGRAM_API_ROOT: optional(z.url()),
    TELEGRAM_CASEWORKER_CHAT_ID: optional(z.string().regex(/^-?\d+$/, "must be a numeric Telegram chat id")),
    WHATSAPP_ENABLED: flag.default(false),
    SMTP_URL: optional(
      z.string().regex(/^smtps?:\/\//, "must look like smtp://user:password@mail.example.org:587 (or smtps://…:465)"),
    ),
    SMTP_FROM: z.string().min(3).default("Lentera <lentera@localhost>"),
    /** with SMTP_URL: the duty inbox(es), comma-separated, told by email of every new urgent ticket */
    SMTP_ALERT_TO: z
      .preprocess(
        (v) => (v === "" ? undefined : v),
        z
          .string()
          .transform((value) =>
            value
              .split(",")
              .map((part) => part.trim())
              .filter(Boolean),
          )
          .pipe(z.array(z.email("must be email addresses, comma-separated")).min(1))
          .optional(),
      )
      .optional(),
    /** with SMTP_URL: a caseworker given a ticket by a supervisor is told at their account's email */
    SMTP_NOTIFY_ASSIGNED: flag.default(false),
    /** a key file outside DATA_DIR (so a backup of the data never holds the key); instead of ENCRYPTION_KEY */
    ENCRYPTION_KEY_FILE: optional(z.string()),
    TRUST_PROXY: trustProxy,
    /** new web chats one address may start in an hour; 0 = no limit (load tests) */
    WEBCHAT_CONVERSATIONS_PER_IP_PER_HOUR: z.coerce.number().int().min(0).max(1_000_000).default(30),
    /** statistics (src/domain/stats/): no figure leaves the case about fewer people than this (CTDC's k = 11) */
    STATS_MIN_GROUP: z.coerce.number().int().min(2).max(1000).default(11),
    /** statistics: figures are rounded down to a multiple of this */
    STATS_RESOLUTION: z.coerce.number().int().min(1).max(1000).default(5),
    /** a file a person sends is kept up to this size (Telegram lets bots fetch 20 MB; the web chat answers 413 beyond it) */
    MEDIA_MAX_FILE_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(100 * 1024 * 1024)
      .default(20 * 1024 * 1024),
    /** files kept per person in 24 hours; more are not stored and the person is told */
    MEDIA_FILES_PER_PERSON_PER_DAY: z.coerce.number().int().min(0).max(10_000).default(20),
    /** bytes of files kept per person in 24 hours */
    MEDIA_BYTES_PER_PERSON_PER_DAY: z.coerce
      .number()
      .int()
      .min(0)
      .max(10 * 1024 * 1024 * 1024)
      .default(100 * 1024 * 1024),
    /** files people sent are deleted this long after they arrived (their message stays, saying so) */
    RETENTION_MEDIA_DAYS: days(180),
    /** conversations that never led to a ticket, after their last message */
    RETENTION_ABANDONED_CONVERSATION_DAYS: days(30),
    /** closed tickets: their transcript is deleted and the ticket pseudonymised this long after closing */
    RETENTION_CLOSED_TICKET_DAYS: days(365),
    /** sign-in attempts, after they were made (the sign-in limits look back minutes) */
    RETENTION_LOGIN_ATTEMPT_DAYS: days(30),
    /** audit events, after they were recorded */
    RETENTION_AUDIT_DAYS: days(3 * 365),
    /** how often the server runs the retention purge (one instance at a time); 0 = only by the CLI */
    RETENTION_RUN_EVERY_HOURS: z.coerce
      .number()
      .int()
      .min(0)
      .max(24 * 30)
      .default(6),
  })
  .superRefine((env, ctx) => {
    if (env.ENCRYPTION_KEY && env.ENCRYPTION_KEY_FILE) {
      ctx.addIssue({
        code: "custom",
        path: ["ENCRYPTION_KEY_FILE"],
        message: "set either ENCRYPTION_KEY or ENCRYPTION_KEY_FILE, not both",
      });
    }
    if (env.TELEGRAM_BOT_TOKEN && env.TELEGRAM_MODE === "webhook" && !env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["TELEGRAM_WEBHOOK_SECRET"],
        message:
          "is required when TELEGRAM_MODE=webhook (generate one: openssl rand -hex 32), or set TELEGRAM_MODE=polling",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parses the environment; a bad value throws a ConfigError that names each variable and how to fix it. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "environment"}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nSee README "Configuration" and .env.example.`);
}

/** ENCRYPTION_KEY as 32 bytes: 64 hex characters or base64/base64url of 32 bytes; null when neither. */
export function decodeKey(value: string): Buffer | null {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  const bytes = Buffer.from(trimmed, /[-_]/.test(trimmed) ? "base64url" : "base64");
  return bytes.length === 32 ? bytes : null;
}
