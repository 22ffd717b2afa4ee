import type { Translate } from "../i18n/create-i18n.ts";
import { normalizeReply } from "./keywords.ts";
import type { Input, State } from "./types.ts";

/**
 * A typed reply that picks one of the quick replies on offer becomes that choice: its number ("2", "2.")
 * or its label, in the conversation's language, case and punctuation aside. Anything else stays text.
 */
export function resolveChoice(state: State, input: Input, t: Translate): Input {
  if (input.type !== "text" || state.offered.length === 0) return input;
  const reply = normalizeReply(input.text);
  const number = /^(\d{1,2})$/.exec(reply);
  if (number) {
    const choice = state.offered[Number(number[1]) - 1];
    return choice ? { type: "choice", id: choice.id } : input;
  }
  const match = state.offered.find(
    (choice) => normalizeReply(stripEmoji(t(state.locale, choice.key, choice.vars))) === stripEmoji(reply).trim(),
  );
  return match ? { type: "choice", id: match.id } : input;
}

function stripEmoji(text: string): string {
  return text.replace(/\p{Extended_Pictographic}/gu, "").trim();
}
