import { NAV_MENU } from "../choices.ts";
import type { Flow, Turn } from "../turn.ts";
import { initialState } from "../types.ts";

const CONFIRM = [
  { id: "erase.yes", key: "privacy:erase.yes" },
  { id: "erase.no", key: "privacy:erase.no" },
];

/** "hapus" / "delete": one confirmation, then the erasure. */
export const eraseConfirmFlow: Flow<{ name: "erase_confirm" }> = {
  enter(turn) {
    turn.ask("privacy:erase.confirm", CONFIRM);
  },
  async handle(turn, _step, input) {
    if (input.type === "choice" && input.id === "erase.yes") return eraseNow(turn, "confirmed");
    // Words that are neither yes nor no: asked once more, plainly — never read as "keep it".
    if (input.type === "text") return turn.ask("conversation:erase_again", CONFIRM);
    turn.say("privacy:erase.kept");
    await turn.go({ name: "menu" });
  },
};

/**
 * Erases the person's messages and personal data at once (a confirmed "hapus", or a channel's panic
 * wipe / SAFE_WORD with no questions asked), then starts the conversation afresh in the same language:
 * permission must be given again before anything is kept. The reply says what was deleted and how to
 * clear what remains on the phone; after a panic wipe it is short and plain, for a phone someone may see.
 */
export async function eraseNow(turn: Turn, how: "confirmed" | "wipe"): Promise<void> {
  await turn.deps.actions.erase();
  turn.state = { ...initialState(turn.locale), languageChosen: turn.state.languageChosen, step: { name: "consent" } };
  if (how === "wipe") {
    turn.say("privacy:wiped");
    return;
  }
  turn.say("privacy:erased");
  turn.ask("privacy:phone_tips", [NAV_MENU]);
}
