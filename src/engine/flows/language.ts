import { detectLanguage } from "../../domain/screening/index.ts";
import { classifyFreeText } from "../free-text/classify-free-text.ts";
import type { Flow } from "../turn.ts";
import { holdWords } from "./hold-words.ts";

export const LANGUAGE_CHOICES = [
  { id: "lang.id", key: "language.id" },
  { id: "lang.en", key: "language.en" },
];

/**
 * Picks Bahasa Indonesia or English; the question itself is shown in both. A person who just writes
 * instead is answered in the language they wrote in, and what they wrote is held for after the notice.
 */
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
    if (input.type === "text") {
      const small = classifyFreeText(input.text);
      // A greeting as the first message: the question in both languages is the answer.
      if (small === "greeting" || small === "salam") return turn.ask("language.ask", LANGUAGE_CHOICES);
      // Indonesian and Malay read the Indonesian texts; anyone else (English, Tagalog, Spanish...) the English ones.
      const language = detectLanguage(input.text, turn.state.locale);
      turn.state.locale = language === "id" || language === "ms" ? "id" : "en";
      turn.state.languageChosen = true;
      if (turn.state.consent !== null) return turn.go({ name: "menu" });
      holdWords(turn, input.text);
      turn.say("conversation:held_intro");
      await turn.go({ name: "consent" });
      return;
    }
    turn.ask("language.ask", LANGUAGE_CHOICES);
  },
};
