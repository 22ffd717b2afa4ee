import { randomUUID } from "node:crypto";
import { initialState } from "../../engine/types.ts";
import type { ConversationDeps, HandleInbound } from "../../conversations/handle-inbound.ts";
import { openWebConversation } from "../../conversations/open-web-conversation.ts";
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
  const { conversationId } = await openWebConversation(deps, { channelUserId, tokenHash, state });
  const result = await deps.handleInbound({
    channel: "web",
    channelUserId,
    conversationId,
    input: { type: "start" },
  });
  const replies = result.status === "handled" ? result.replies : [];
  return { conversationId, token, replies };
}
