import type { Flow } from "../turn.ts";

export const LANGUAGE_CHOICES = [
  { id: "lang.id", key: "language.id" },
  { id: "lang.en", key: "language.en" },
];

/** Picks Bahasa Indonesia or English; the question itself is shown in both. */
export const languageFlow: Flow<{ name: "language" }> = {
  enter(turn) {
    turn.ask("language.ask", LANGUAGE_CHOICES);
  },
  async handle(turn, _step, input) {
    if (input.type === "choice" && (input.id === "lang.id" || input.id === "lang.en")) {
      turn.state.locale = input.id === "lang.id" ? "id" : "en";
      turn.state.languageChosen = true;
      turn.say("language.set");
      await turn.go(turn.state.consent === null ? { name: "consent" } : { name: "menu" });
      return;
    }
    turn.ask("language.ask", LANGUAGE_CHOICES);
  },
};
