import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import type { ConversationDeps, HandleInbound } from "../../conversations/handle-inbound.ts";
import { forgetWebConversation } from "../../conversations/forget-web-conversation.ts";
import { listMessages } from "../../conversations/list-messages.ts";
import type { StoredOutbound } from "../../conversations/types.ts";
import { AppError } from "../../http/errors.ts";
import { clientAddress } from "../../http/client-address.ts";
import { Cursor } from "../../http/cursor.ts";
import { createRateLimiter } from "../../http/rate-limit.ts";
import { takeSharedRate } from "../../db/take-shared-rate.ts";
import type { TrustProxy } from "../../config/env.ts";
import { validate } from "../../http/validate.ts";
import { authorizeWebConversation } from "./webchat-auth.ts";
import { readUpload } from "./read-upload.ts";
import { DEFAULT_MEDIA_LIMITS } from "../../domain/media/media-limits.ts";
import { startWebConversation } from "./start-web-conversation.ts";

/** Request bodies of the web chat API are at most 16 KB; a message's text at most 4,000 characters. */
export const WEBCHAT_BODY_LIMIT = 16 * 1024;
export const MAX_TEXT_LENGTH = 4000;

const startBody = z.object({ locale: z.enum(["id", "en"]).optional() }).strict();
const messageBody = z.union([
  z
    .object({
      text: z
        .string()
        .trim()
        .min(1, "must not be empty")
        .max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`),
    })
    .strict(),
  z
    .object({
      choice: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[a-z0-9_.:-]+$/i, "is not a choice id"),
    })
    .strict(),
]);
const listQuery = z.object({ after: Cursor.optional() });

/** A reply as the page gets it: its words, plus the id and cursor the transcript will list it under. */
const reply = (message: StoredOutbound) => ({ ...message.body, id: message.id, cursor: message.seq.toString() });
/** The person's own message as stored, so the page knows it when polling brings it back. */
const stored = (message: { id: string; seq: bigint } | undefined) =>
  message ? { message: { id: message.id, cursor: message.seq.toString() } } : {};

export type WebchatDeps = ConversationDeps & {
  handleInbound: HandleInbound;
  /** WEBCHAT_CONVERSATIONS_PER_IP_PER_HOUR (default 30; 0 = no limit) */
  webchatConversationsPerHour?: number;
  /** TRUST_PROXY, to find the client's address behind a known proxy */
  trustProxy?: TrustProxy;
};

/** The web chat's file upload (a picture or a PDF, the raw bytes as the body): its own body limit. */
export function isMediaUpload(path: string): boolean {
  return /^\/api\/webchat\/conversations\/[^/]+\/media$/.test(path);
}

/** New web chats are counted per address over this window (WEBCHAT_CONVERSATIONS_PER_IP_PER_HOUR). */
export const NEW_CHAT_WINDOW_MS = 60 * 60_000;

/** The web chat's JSON API (README "Web chat API"). */
export function createWebchatRoutes(deps: WebchatDeps) {
  const perConversation = createRateLimiter({ limit: 30, windowMs: 60_000 });
  const maxFileBytes = deps.mediaLimits?.maxFileBytes ?? DEFAULT_MEDIA_LIMITS.maxFileBytes;
  const uploadLimit = bodyLimit({
    maxSize: maxFileBytes,
    onError: () => {
      throw new AppError("payload_too_large", `Files are limited to ${maxFileBytes} bytes.`, {
        maxBytes: maxFileBytes,
      });
    },
  });
  const limit = bodyLimit({
    maxSize: WEBCHAT_BODY_LIMIT,
    onError: () => {
      throw new AppError("payload_too_large", `Request bodies are limited to ${WEBCHAT_BODY_LIMIT} bytes.`);
    },
  });

  return new Hono()
    .post("/conversations", limit, validate("json", startBody), async (c) => {
      const { locale } = c.req.valid("json");
      // Per address, in the database (shared by every instance); the address is kept only as a keyed hash.
      const rate = await takeSharedRate(deps.db, {
        key: `webchat-start:${deps.cipher.lookupKey(clientAddress(c, deps.trustProxy))}`,
        limit: deps.webchatConversationsPerHour ?? 30,
        windowMs: NEW_CHAT_WINDOW_MS,
        now: deps.now,
      });
      if (rate.status === "limited") {
        c.header("retry-after", String(rate.retryAfterSeconds));
        throw new AppError("rate_limited", "Too many new chats from your network. Please try again later.", {
          retryAfterSeconds: rate.retryAfterSeconds,
        });
      }
      const started = await startWebConversation(deps, locale);
      return c.json(
        { conversationId: started.conversationId, token: started.token, replies: started.replies.map(reply) },
        201,
      );
    })
    .post(
      "/conversations/:id/messages",
      limit,
      async (c, next) => {
        await authorizeWebConversation(deps.db, c.req.param("id"), c.req.header("authorization"));
        await next();
      },
      validate("json", messageBody),
      async (c) => {
        const id = c.req.param("id");
        if (!perConversation.take(id))
          throw new AppError("rate_limited", "Too many messages at once. Please wait a moment.");
        const body = c.req.valid("json");
        const input =
          "text" in body
            ? ({ type: "text", text: body.text } as const)
            : ({ type: "choice", id: body.choice } as const);
        const result = await deps.handleInbound({ channel: "web", channelUserId: id, conversationId: id, input });
        if (result.status === "handled" && result.erased) {
          // Erasure leaves nothing behind: the token stops working (its transcript answers 404) and the page
          // clears its log and session, as quick exit does.
          await forgetWebConversation(deps.db, id);
          return c.json({ replies: result.replies.map(reply), erased: true });
        }
        // Where the person is, once known, sets the footer's danger numbers (110/112 only in Indonesia).
        const country = result.status === "handled" ? result.country : undefined;
        return c.json({
          replies: result.status === "handled" ? result.replies.map(reply) : [],
          ...(result.status === "handled" ? stored(result.inbound) : {}),
          ...(country && country !== "ID" ? { danger: deps.contacts.dangerNumbers(country) } : {}),
        });
      },
    )
    .post(
      "/conversations/:id/media",
      async (c, next) => {
        await authorizeWebConversation(deps.db, c.req.param("id"), c.req.header("authorization"));
        await next();
      },
      uploadLimit,
      async (c) => {
        const id = c.req.param("id");
        if (!perConversation.take(id))
          throw new AppError("rate_limited", "Too many messages at once. Please wait a moment.");
        const upload = await readUpload(c.req.raw);
        const result = await deps.handleInbound({
          channel: "web",
          channelUserId: id,
          conversationId: id,
          input: { type: "media", kind: upload.kind, ref: crypto.randomUUID() },
          media: { type: "upload", bytes: upload.bytes, mimeType: upload.mimeType },
        });
        return c.json({
          replies: result.status === "handled" ? result.replies.map(reply) : [],
          ...(result.status === "handled" ? stored(result.inbound) : {}),
        });
      },
    )
    .get("/conversations/:id/messages", validate("query", listQuery), async (c) => {
      const conversation = await authorizeWebConversation(deps.db, c.req.param("id"), c.req.header("authorization"));
      const { after } = c.req.valid("query");
      const messages = await listMessages(deps.db, deps.cipher, conversation.id, after ? { after: BigInt(after) } : {});
      const cursor = messages.at(-1)?.cursor ?? after ?? "0";
      return c.json({
        messages: messages.map(({ status: _status, ...message }) => message),
        cursor,
      });
    });
}
