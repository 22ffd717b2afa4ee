import { respondToEmergency } from "./flows/emergency.ts";
import { afterEmergency } from "./flows/place.ts";
import type { Keyword } from "./keywords.ts";
import type { Turn } from "./turn.ts";

/** What each global keyword does, at any step (and, for some of them, while a caseworker has the conversation). */
export const KEYWORD_ACTIONS: Record<Keyword, (turn: Turn) => Promise<void>> = {
  menu: async (turn) =>
    turn.go(
      turn.state.consent === null ? { name: turn.state.languageChosen ? "consent" : "language" } : { name: "menu" },
    ),
  language: async (turn) => turn.go({ name: "language" }),
  emergency: async (turn) => {
    await respondToEmergency(turn, null);
    afterEmergency(turn, false);
  },
  myData: async (turn) => turn.go({ name: "my_data" }),
  erase: async (turn) => turn.go({ name: "erase_confirm" }),
  withdraw: async (turn) => turn.go({ name: "withdraw_consent" }),
  help: async (turn) => {
    turn.say("help.text");
    await KEYWORD_ACTIONS.menu(turn);
  },
};
