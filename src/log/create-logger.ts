import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/**
 * Structured logs that never carry what people wrote or who they are: message text, phone numbers, chat ids,
 * tokens and secrets are redacted by path, and call sites log ids and counts only.
 */
export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: "lentera" },
      redact: {
        paths: [
          "text",
          "*.text",
          "body",
          "*.body",
          "phone",
          "*.phone",
          "jid",
          "*.jid",
          "chatId",
          "*.chatId",
          "token",
          "*.token",
          "password",
          "*.password",
          "authorization",
          "*.authorization",
          "req.headers.authorization",
          "req.headers.cookie",
          "headers.authorization",
          "headers.cookie",
          "*.headers.authorization",
          "*.headers.cookie",
          '*.headers["x-telegram-bot-api-secret-token"]',
        ],
        censor: "[redacted]",
      },
    },
    options.destination,
  );
}
