import type { Tx } from "../../db/create-prisma-client.ts";
import type { Conversation } from "../../db/generated/client.ts";
import { RESEARCHED_DIRECTORY } from "../../domain/contacts/help-line-directory.ts";
import { personKeyFor } from "../../domain/privacy/person-keys.ts";
import { runTurn } from "../../engine/run-turn.ts";
import type { CaseworkerInput } from "../../engine/types.ts";
import { createEngineActions } from "../create-engine-actions.ts";
import { readConversationState } from "../read-state.ts";
import { saveState } from "../save-state.ts";
import { storeReplies } from "../store-replies.ts";
import type { ConversationDeps, StoredOutbound } from "../types.ts";

export type HandoffDeps = Pick<ConversationDeps, "cipher" | "t" | "now">;

/** How often a caseworker's turn is run again when a person's turns keep writing first. */
const MAX_ATTEMPTS = 5;

/**
 * A caseworker joining or leaving (or asking to share the case), as one turn of the engine, like a person's message: the state read,
 * the engine's next state written with the version check (read and run again when a person's turn wrote
 * first), and what the person is told stored for delivery. `when` is asked of the conversation as read:
 * null (and nothing written) when it says no, or when there is no such conversation.
 */
export async function runCaseworkerTurn(
  tx: Tx,
  deps: HandoffDeps,
  options: {
    conversationId: string;
    input: CaseworkerInput;
    /** who has the conversation after a join */
    caseworkerId?: string;
    when: (conversation: Conversation) => boolean;
  },
): Promise<StoredOutbound[] | null> {
  for (let attempt = 1; ; attempt++) {
    const conversation = await tx.conversation.findUnique({ where: { id: options.conversationId } });
    if (!conversation || !options.when(conversation)) return null;
    const key = await personKeyFor(tx, deps.cipher, conversation.contactId);
    // Joining and leaving ask for no side effects; the actions are the same as a person's turn has.
    const { actions } = createEngineActions({
      tx,
      contactId: conversation.contactId,
      conversationId: conversation.id,
      channel: conversation.channel,
      now: deps.now,
      cipher: deps.cipher,
      t: deps.t,
      key,
    });
    const before = readConversationState(conversation, "id");
    const { state, outputs } = await runTurn(before, options.input, {
      t: deps.t,
      now: deps.now,
      // joining and leaving give no help lines: the researched list only fills the type
      contacts: RESEARCHED_DIRECTORY,
      actions,
    });
    const saved = await saveState(
      tx,
      conversation,
      state,
      options.caseworkerId ? { caseworkerId: options.caseworkerId } : {},
    );
    if (!saved) {
      if (attempt >= MAX_ATTEMPTS)
        throw new Error("The conversation kept changing; the caseworker's turn was not saved.");
      continue;
    }
    const { replies } = await storeReplies(tx, deps, {
      conversationId: conversation.id,
      channel: conversation.channel,
      outputs,
      locale: state.locale,
      key,
      // Telegram: to the topic the person last wrote in, as the caseworker's own messages go
      ...(conversation.threadId ? { threadId: conversation.threadId } : {}),
    });
    return replies;
  }
}
