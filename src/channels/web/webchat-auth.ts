import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Db } from "../../db/create-prisma-client.ts";
import { AppError } from "../../http/errors.ts";
import { findConversationAuth } from "../../conversations/find-conversation.ts";

export function newWebToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The web chat's bearer check: no token is a 401; an unknown conversation, or a token that belongs to
 * another conversation, is a 404, so a token reveals nothing about conversations it does not open.
 */
export async function authorizeWebConversation(db: Db, conversationId: string, authorization: string | undefined) {
  const token = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(authorization ?? "")?.[1];
  if (!token) throw new AppError("unauthorized", "Send the conversation token as 'Authorization: Bearer <token>'.");
  const conversation = UUID.test(conversationId) ? await findConversationAuth(db, conversationId) : null;
  const expected = Buffer.from(conversation?.tokenHash ?? "0".repeat(64), "hex");
  const given = Buffer.from(hashToken(token), "hex");
  if (!conversation || conversation.channel !== "web" || !timingSafeEqual(expected, given)) {
    throw new AppError("not_found", "No such conversation.");
  }
  return conversation;
}
