import { NAV_LANGUAGE, NAV_MENU } from "./choices.ts";
import { respondToEmergency } from "./flows/emergency.ts";
import { FLOWS } from "./flows/index.ts";
import { eraseNow } from "./flows/erase.ts";
import { screenForDanger } from "./flows/safety-check.ts";
import { isWipeRequest } from "./is-wipe-request.ts";
import { matchKeyword, type Keyword } from "./keywords.ts";
import { resolveChoice } from "./resolve-choice.ts";
import { Turn } from "./turn.ts";
import type { EngineDeps, Input, State, TurnResult } from "./types.ts";

/**
 * One turn of a conversation, on any channel: the state and the person's input in, the next state and what
 * to say out (i18n keys and stable choice ids). Pure apart from `deps.actions`.
 */
export async function runTurn(state: State, input: Input, deps: EngineDeps): Promise<TurnResult> {
  const turn = new Turn(structuredClone(state), deps, FLOWS);
  await dispatch(turn, resolveChoice(turn.state, input, deps.t));
  return { state: turn.state, outputs: turn.outputs };
}

async function dispatch(turn: Turn, input: Input): Promise<void> {
  if (isWipeRequest(input, turn.deps.safeWord)) return eraseNow(turn, "wipe");
  if (input.type === "start") return start(turn);
  if (input.type === "text") {
    const keyword = matchKeyword(input.text);
    if (keyword) return KEYWORD_ACTIONS[keyword](turn);
  }
  // Emergencies first: every free-text message, at any step, is screened for danger now.
  if (await screenForDanger(turn, input)) return;
  if (input.type === "choice") {
    if (input.id === NAV_MENU.id) return KEYWORD_ACTIONS.menu(turn);
    if (input.id === NAV_LANGUAGE.id) return KEYWORD_ACTIONS.language(turn);
    if (!turn.state.offered.some((choice) => choice.id === input.id)) {
      turn.say("common.stale");
      return turn.go(turn.state.step);
    }
  }
  if (input.type === "media") {
    turn.say("media.received");
    return;
  }
  await turn.handle(input);
}

/** The first turn (or a channel's /start): language, then the notice, then the menu. */
async function start(turn: Turn): Promise<void> {
  if (!turn.state.languageChosen) return turn.go({ name: "language" });
  if (turn.state.consent === null) {
    turn.say("welcome");
    return turn.go({ name: "consent" });
  }
  return turn.go({ name: "menu" });
}

const KEYWORD_ACTIONS: Record<Keyword, (turn: Turn) => Promise<void>> = {
  menu: async (turn) =>
    turn.go(
      turn.state.consent === null ? { name: turn.state.languageChosen ? "consent" : "language" } : { name: "menu" },
    ),
  language: async (turn) => turn.go({ name: "language" }),
  emergency: async (turn) => {
    await respondToEmergency(turn, null);
    turn.ask("emergency.after", [NAV_MENU]);
  },
  myData: async (turn) => turn.go({ name: "my_data" }),
  erase: async (turn) => turn.go({ name: "erase_confirm" }),
  withdraw: async (turn) => turn.go({ name: "withdraw_consent" }),
  help: async (turn) => {
    turn.say("help.text");
    await KEYWORD_ACTIONS.menu(turn);
  },
};
