import type { Db } from "../db/create-prisma-client.ts";
import type { Locale } from "../engine/types.ts";
import { isLocale } from "../i18n/create-i18n.ts";

/**
 * What the web chat's bearer check needs of a conversation (its token hash, channel and contact), or null:
 * channels ask the conversation layer instead of reading the database themselves.
 */
export async function findConversationAuth(db: Db, conversationId: string) {
  return db.conversation.findUnique({
    where: { id: conversationId },
    select: { id: true, tokenHash: true, channel: true, contactId: true },
  });
}

/** The language of the person in a conversation (Indonesian when unknown), e.g. to label a caseworker's message. */
export async function findConversationLocale(db: Db, conversationId: string): Promise<Locale> {
  const conversation = await db.conversation.findUnique({
    where: { id: conversationId },
    select: { contact: { select: { locale: true } } },
  });
  return conversation && isLocale(conversation.contact.locale) ? conversation.contact.locale : "id";
}
