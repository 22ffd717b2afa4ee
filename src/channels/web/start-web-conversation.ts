import { randomUUID } from "node:crypto";
import { TX_OPTIONS } from "../../db/create-prisma-client.ts";
import { personKeyFor, sealedAt } from "../../domain/privacy/person-keys.ts";
import { initialState } from "../../engine/types.ts";
import type { ConversationDeps, HandleInbound } from "../../conversations/handle-inbound.ts";
import type { Locale } from "../../i18n/create-i18n.ts";
import { newWebToken } from "./webchat-auth.ts";

/**
 * A new web chat: a contact of its own (the browser is anonymous), a conversation with a bearer token, and
 * the first turn. A locale picked on the page skips the language question.
 */
export async function startWebConversation(deps: ConversationDeps & { handleInbound: HandleInbound }, locale?: Locale) {
  const { token, tokenHash } = newWebToken();
  const channelUserId = randomUUID();
  const state = initialState(locale ?? "id");
  if (locale) state.languageChosen = true;
  const conversation = await deps.db.$transaction(async (tx) => {
    const id = randomUUID();
    const key = await personKeyFor(tx, deps.cipher, id);
    const contact = await tx.contact.create({
      data: {
        id,
        channel: "web",
        channelUserKey: deps.cipher.lookupKey(channelUserId),
        channelUserEnc: deps.cipher.sealFor(key, channelUserId, sealedAt("Contact", "channelUserEnc", id)),
        locale: state.locale,
      },
    });
    return tx.conversation.create({
      data: { contactId: contact.id, channel: "web", tokenHash, state: state as object },
    });
  }, TX_OPTIONS);
  const result = await deps.handleInbound({
    channel: "web",
    channelUserId,
    conversationId: conversation.id,
    input: { type: "start" },
  });
  const replies = result.status === "handled" ? result.replies : [];
  return { conversationId: conversation.id, token, replies };
}
