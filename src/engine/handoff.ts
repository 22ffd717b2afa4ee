import { NAV_MENU } from "./choices.ts";
import { noteCountry } from "./flows/note-country.ts";
import { screenForDanger } from "./flows/safety-check.ts";
import { KEYWORD_ACTIONS } from "./keyword-actions.ts";
import { matchKeyword } from "./keywords.ts";
import { resolveChoice } from "./resolve-choice.ts";
import type { Turn } from "./turn.ts";
import type { Choice, Input } from "./types.ts";

/** The answers to "leave the caseworker?" (stable ids the channels send back). */
export const HANDOFF_LEAVE: Choice = { id: "handoff.leave", key: "handoff:leave" };
export const HANDOFF_STAY: Choice = { id: "handoff.stay", key: "handoff:stay" };

/**
 * A caseworker takes the conversation over (or another one takes it from them): the person is told, by first
 * name, that a person has joined. The step stays where it was; no quick replies are on offer any more.
 */
export function caseworkerJoined(turn: Turn, name: string): void {
  turn.state.mode = "human";
  turn.notice("handoff:joined", { name });
}

/** The caseworker gives the conversation back to the flows: the person is told and offered the menu. */
export function caseworkerLeft(turn: Turn): void {
  if (turn.state.mode !== "human") return;
  backToFlows(turn, "handoff:left");
}

/**
 * A person's message while a caseworker has the conversation. It is for the caseworker; the flows do not see
 * it. Only these answer:
 * - "menu" (or the menu button) asks whether they want to leave the caseworker — a tap away must not end a
 *   conversation with a human by accident — and the answer to that question;
 * - "darurat"/"emergency", or words that signal danger now (screened here, once): the emergency numbers at
 *   once (and an urgent ticket), as anywhere else, answered as from the menu so that no flow takes the
 *   message further; the caseworker stays;
 * - "data saya", "hapus", "cabut izin": data rights do not wait for a caseworker — the person leaves the
 *   handoff (told so) and the data-rights flows answer at once.
 * (The safe word is seen before this: it wipes, whoever has the conversation.)
 */
export async function answerDuringHandoff(turn: Turn, raw: Input): Promise<void> {
  const input = resolveChoice(turn.state, raw, turn.deps.t);
  const keyword = input.type === "text" ? matchKeyword(input.text) : null;
  if ((input.type === "choice" && input.id === NAV_MENU.id) || keyword === "menu") {
    return turn.notice("handoff:ask_leave", undefined, [HANDOFF_STAY, HANDOFF_LEAVE]);
  }
  if (input.type === "choice" && input.id === HANDOFF_LEAVE.id) return backToFlows(turn, "handoff:you_left");
  if (input.type === "choice" && input.id === HANDOFF_STAY.id) return turn.notice("handoff:staying");
  if (keyword === "myData" || keyword === "erase" || keyword === "withdraw") {
    backToFlows(turn, "handoff:you_left");
    return KEYWORD_ACTIONS[keyword](turn);
  }
  if (keyword === "emergency") return KEYWORD_ACTIONS.emergency(turn);
  // A file the caseworker will not get (over the person's limits) is the one thing said about a file.
  if (input.type === "media" && input.refused) return turn.say(`media.refused_${input.refused}`);
  if (input.type !== "text" || keyword !== null) return;
  if (!turn.assess(input.text).emergency) return;
  // Where the person says they are sets the numbers, as on any turn.
  noteCountry(turn, input.text);
  const step = turn.state.step;
  turn.setStep({ name: "menu" });
  await screenForDanger(turn, input);
  turn.setStep(step);
}

/** Out of the handoff: the person is told (`key`) and is at the menu, its button on offer. */
function backToFlows(turn: Turn, key: string): void {
  turn.state.mode = "bot";
  turn.state.step = { name: "menu" };
  turn.notice(key, undefined, [NAV_MENU]);
}
