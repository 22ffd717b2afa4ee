import { SENTENCE_END, type NormalizedText } from "./normalize-text.ts";

/** How far back a "sentence" reaches in a run-on without full stops (voice-to-text, chat). */
const REACH = 40;

/** The normalised words of the sentence that come before token `first`, at most REACH of them. */
export function sentenceBefore(normalized: NormalizedText, first: number): string {
  const words: string[] = [];
  for (let i = first - 1; i >= 0 && words.length < REACH; i--) {
    const text = normalized.tokens[i]?.text;
    if (text === undefined || text === SENTENCE_END) break;
    words.push(text);
  }
  return words.reverse().join(" ");
}
