import { SENTENCE_END, type NormalizedText } from "./normalize-text.ts";

/** The normalised words of the sentence that come before token `first`. */
export function sentenceBefore(normalized: NormalizedText, first: number): string {
  const words: string[] = [];
  for (let i = first - 1; i >= 0; i--) {
    const text = normalized.tokens[i]?.text;
    if (text === undefined || text === SENTENCE_END) break;
    words.unshift(text);
  }
  return words.join(" ");
}
