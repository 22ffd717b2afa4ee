import { CONSENT_CHOICES } from "../choices.ts";
import type { Turn } from "../turn.ts";

/** Most characters held before consent (a story or two; the web chat caps one message at 4,000). */
const MAX_HELD_CHARS = 8000;

/**
 * Keeps what the person wrote before agreeing to the notice: sealed, in the conversation state only (never
 * as a message), so it can be used as their story once they agree. It has already been screened for danger.
 */
export function holdWords(turn: Turn, text: string): void {
  const before = turn.state.held ? turn.deps.actions.unseal<string[]>(turn.state.held) : [];
  const words = [...before, text.trim()].join("\n").slice(0, MAX_HELD_CHARS);
  turn.state.held = turn.deps.actions.seal(words.split("\n"));
}

/** What was held, once, and forgotten from the state. */
export function takeHeld(turn: Turn): string | null {
  if (!turn.state.held) return null;
  const words = turn.deps.actions.unseal<string[]>(turn.state.held).join("\n").trim();
  delete turn.state.held;
  return words || null;
}

/** Words written before consent: held, and the notice's choices offered again with a line saying so. */
export function holdAndAsk(turn: Turn, text: string): void {
  const first = !turn.state.held;
  holdWords(turn, text);
  turn.setStep({ name: "consent" });
  turn.ask(first ? "conversation:held" : "conversation:consent_again", CONSENT_CHOICES);
}
