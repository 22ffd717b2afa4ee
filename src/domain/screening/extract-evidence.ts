import { CLAUSE_BREAK, SENTENCE_END, type NormalizedText } from "./normalize-text.ts";

const MIN_WORDS = 3;
const MAX_CHARS = 90;
/** A longer span keeps its opening and its end (where a construction such as "katanya … ternyata …" lands). */
const HEAD_CHARS = 40;
const TAIL_CHARS = 46;

/**
 * The person's own words behind a match (tokens first..last), widened to at least three words within
 * the sentence so a caseworker can read it ("dipukul" → "sering dipukul majikan"), capped in length: a
 * long one keeps its first and last words around "…", both ends of what matched.
 */
export function extractEvidence(normalized: NormalizedText, first: number, last: number): string {
  const { tokens, original } = normalized;
  let from = first;
  let to = last;
  const isWord = (index: number): boolean => {
    const text = tokens[index]?.text;
    return text !== undefined && text !== SENTENCE_END && text !== CLAUSE_BREAK;
  };
  while (to - from + 1 < MIN_WORDS && (isWord(from - 1) || isWord(to + 1))) {
    if (isWord(to + 1)) to++;
    if (to - from + 1 < MIN_WORDS && isWord(from - 1)) from--;
  }
  const start = tokens[from]?.start ?? 0;
  const end = tokens[to]?.end ?? original.length;
  const text = original.slice(start, end).replace(/\s+/g, " ").trim();
  if (text.length <= MAX_CHARS) return text;
  const head = text.slice(0, HEAD_CHARS).replace(/\s+\S*$/, "");
  const tail = text.slice(-TAIL_CHARS).replace(/^\S*\s+/, "");
  return `${head} … ${tail}`;
}
