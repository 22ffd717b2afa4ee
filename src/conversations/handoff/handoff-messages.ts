import type { Tx } from "../../db/create-prisma-client.ts";
import type { Conversation } from "../../db/generated/client.ts";
import type { ConversationDeps } from "../types.ts";
import { storeOutboundMessages } from "../store-outbound.ts";
import { readState } from "../read-state.ts";
import type { StoredOutbound } from "../types.ts";
import type { Choice, State } from "../../engine/types.ts";
import type { Vars } from "../../i18n/create-i18n.ts";

export type HandoffDeps = Pick<ConversationDeps, "cipher" | "t" | "now">;

/**
 * Tells the person something about the handoff, in their language, as a "system" message (namespace
 * "handoff"), and keeps the quick replies it offers in the conversation state so a typed number or label
 * picks one of them.
 */
export async function tellPerson(
  tx: Tx,
  deps: HandoffDeps,
  conversation: Pick<Conversation, "id" | "channel" | "state">,
  message: { key: string; vars?: Vars; choices?: Choice[] },
  update: (state: State) => void = () => {},
): Promise<StoredOutbound[]> {
  const state = readState(conversation.state, "id");
  const choices = message.choices ?? [];
  state.offered = choices;
  update(state);
  await tx.conversation.update({
    where: { id: conversation.id },
    data: { state: state as object, version: { increment: 1 } },
  });
  const text = deps.t(state.locale, message.key, message.vars);
  return storeOutboundMessages(tx, deps, {
    conversationId: conversation.id,
    channel: conversation.channel,
    author: "system",
    messages: [
      choices.length
        ? { text, choices: choices.map((c) => ({ id: c.id, label: deps.t(state.locale, c.key, c.vars) })) }
        : { text },
    ],
  });
}
