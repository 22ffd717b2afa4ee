import type { Tx } from "../../db/create-prisma-client.ts";
import type { Conversation } from "../../db/generated/client.ts";
import { personKeyFor } from "../../domain/privacy/person-keys.ts";
import { createEngineActions } from "../create-engine-actions.ts";
import type { ConversationDeps } from "../types.ts";
import { storeOutboundMessages } from "../store-outbound.ts";
import { readState } from "../read-state.ts";
import { renderOutputs } from "../render-outputs.ts";
import type { StoredOutbound } from "../types.ts";
import { NAV_MENU } from "../../engine/choices.ts";
import { matchKeyword } from "../../engine/keywords.ts";
import { resolveChoice } from "../../engine/resolve-choice.ts";
import { runTurn } from "../../engine/run-turn.ts";
import { toScreeningTranslate } from "../../engine/screening-translate.ts";
import { assessText } from "../../domain/screening/index.ts";
import type { Choice, Input, State } from "../../engine/types.ts";
import type { LenteraEvent } from "../../events/event-bus.ts";
import { endHandoff } from "./end-handoff.ts";
import { tellPerson } from "./handoff-messages.ts";

export const HANDOFF_LEAVE: Choice = { id: "handoff.leave", key: "handoff:leave" };
export const HANDOFF_STAY: Choice = { id: "handoff.stay", key: "handoff:stay" };

/**
 * A person's message while a caseworker has the conversation (mode "human"). It is already stored for the
 * caseworker; the flows do not see it. Only these answer automatically:
 * - "menu" (or the menu button) asks whether they want to leave the caseworker — a tap away must not end a
 *   conversation with a human by accident;
 * - the answer to that question;
 * - "darurat"/"emergency", or a message that signals danger now: the emergency numbers at once (and an
 *   urgent ticket), as anywhere else; the caseworker stays;
 * - "data saya", "hapus", "cabut izin": the person leaves the caseworker and the data-rights flows answer.
 */
export async function continueHandoff(
  tx: Tx,
  deps: ConversationDeps,
  input: { conversation: Conversation; input: Input },
): Promise<{ replies: StoredOutbound[]; events: LenteraEvent[] }> {
  const { conversation } = input;
  const state = readState(conversation.state, "id");
  const resolved = resolveChoice(state, input.input, deps.t);
  const keyword = resolved.type === "text" ? matchKeyword(resolved.text) : null;

  if ((resolved.type === "choice" && resolved.id === NAV_MENU.id) || keyword === "menu") {
    return {
      replies: await tellPerson(tx, deps, conversation, {
        key: "handoff:ask_leave",
        choices: [HANDOFF_STAY, HANDOFF_LEAVE],
      }),
      events: [],
    };
  }
  if (resolved.type === "choice" && resolved.id === HANDOFF_LEAVE.id) {
    return {
      replies: await endHandoff(tx, deps, {
        conversationId: conversation.id,
        reason: "person_left",
        actor: { type: "person" },
      }),
      events: [],
    };
  }
  if (resolved.type === "choice" && resolved.id === HANDOFF_STAY.id) {
    return { replies: await tellPerson(tx, deps, conversation, { key: "handoff:staying" }), events: [] };
  }
  if (keyword === "myData" || keyword === "erase" || keyword === "withdraw") {
    // Data rights do not wait for a caseworker: the person leaves the handoff (told so) and the flows
    // answer at once — showing their data, or asking once before erasing.
    const told = await endHandoff(tx, deps, {
      conversationId: conversation.id,
      reason: "person_left",
      actor: { type: "person", id: conversation.contactId },
    });
    const current = await tx.conversation.findUniqueOrThrow({ where: { id: conversation.id } });
    const { replies, events } = await runEngineTurn(
      tx,
      deps,
      conversation,
      readState(current.state, state.locale),
      resolved,
      (after) => after,
    );
    return { replies: [...told, ...replies], events };
  }
  const emergency =
    keyword === "emergency" ||
    (resolved.type === "text" &&
      keyword === null &&
      assessText({ text: resolved.text, locale: state.locale }, toScreeningTranslate(deps.t)).emergency);
  if (emergency) {
    // The engine's own emergency answer (numbers at once, an urgent ticket for a signal of danger), run from
    // the menu so that no flow takes the message further; the conversation stays with the caseworker.
    const { replies, events } = await runEngineTurn(
      tx,
      deps,
      conversation,
      { ...state, step: { name: "menu" } },
      resolved,
      (after) => ({ ...after, step: state.step }),
    );
    // Published by the conversation service after the commit (an urgent ticket alerts caseworkers).
    return { replies, events };
  }
  return { replies: [], events: [] };
}

/**
 * One engine turn while the handoff code has the conversation: side effects in this transaction, the state
 * `keep` says to store, the replies stored for delivery; its events are published after the commit.
 */
async function runEngineTurn(
  tx: Tx,
  deps: ConversationDeps,
  conversation: Conversation,
  from: State,
  input: Input,
  keep: (after: State) => State,
): Promise<{ replies: StoredOutbound[]; events: LenteraEvent[] }> {
  const { actions, events } = createEngineActions({
    tx,
    contactId: conversation.contactId,
    conversationId: conversation.id,
    channel: conversation.channel,
    now: deps.now,
    cipher: deps.cipher,
    t: deps.t,
    key: await personKeyFor(tx, deps.cipher, conversation.contactId),
  });
  const turn = await runTurn(from, input, {
    t: deps.t,
    now: deps.now,
    contacts: deps.contacts,
    actions,
    ...(deps.safeWord ? { safeWord: deps.safeWord } : {}),
  });
  await tx.conversation.update({
    where: { id: conversation.id },
    data: { state: keep(turn.state) as object, version: { increment: 1 } },
  });
  const replies = await storeOutboundMessages(tx, deps, {
    conversationId: conversation.id,
    channel: conversation.channel,
    author: "bot",
    messages: renderOutputs(turn.outputs, turn.state.locale, deps.t),
  });
  return { replies, events };
}
