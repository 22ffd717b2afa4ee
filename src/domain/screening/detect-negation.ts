import { CLAUSE_BREAK, SENTENCE_END, type Token } from "./normalize-text.ts";

const NEGATIONS: ReadonlySet<string> = new Set([
  "tidak",
  "belum",
  "bukan",
  "not",
  "never",
  "no",
  "nobody",
  "none",
  "nothing",
]);

/** Whether one canonical token is a negation ("tidak", "not", …). */
export function isNegator(token: string): boolean {
  return NEGATIONS.has(token);
}

/** Words that may stand between a negation and what it negates: "tidak pernah dipukul", "never been hit". */
const FILLERS: ReadonlySet<string> = new Set([
  "pernah",
  "sampai",
  "lagi",
  "sedang",
  "akan",
  "mau",
  "juga",
  "sih",
  "kok",
  "ada",
  "yang",
  "punya",
  "sama",
  "sekali",
  "pula",
  "kan",
  "terlalu",
  "begitu",
  "terus",
  "sempat",
  "saya",
  "kami",
  "ever",
  "been",
  "be",
  "being",
  "get",
  "got",
  "gotten",
  "really",
  "actually",
  "even",
  "yet",
  "have",
  "has",
  "had",
  "was",
  "were",
  "is",
  "am",
  "are",
  "did",
  "do",
  "does",
  "will",
  "would",
  "could",
  "should",
  "any",
  "anyone",
  "anybody",
  "one",
  "once",
  "at",
  "all",
  "they",
  "he",
  "she",
  "i",
  "we",
  "the",
  "a",
]);

/** Particles that may follow "… tidak" at the end of a clause: "dipukul sih enggak kok". */
const TAIL_PARTICLES: ReadonlySet<string> = new Set([
  "sih",
  "kok",
  "ya",
  "kan",
  "lah",
  "dong",
  "juga",
  "pernah",
  "sama",
  "sekali",
  "kayaknya",
  "deh",
  "kok",
]);

/** Words that start a new clause, so a negation before them does not reach past them. */
const CLAUSE_STARTERS: ReadonlySet<string> = new Set([
  "tapi",
  "tetapi",
  "namun",
  "padahal",
  "sedangkan",
  "but",
  "however",
  "although",
  "though",
  "and",
  "dan",
  "terus",
  "lalu",
  "karena",
  "because",
]);

/**
 * Whether the words first..last (token indices, inclusive) are negated: a negation inside the span
 * (unless `checkInside` is false because the pattern spells out its own negation), just before it (with at most three filler words between), or closing the clause right after it
 * ("disekap? gak kok" is not caught: the question mark ends the sentence).
 *
 * Example: "majikan saya tidak pernah mukul saya" → the match "mukul saya" is negated.
 */
export function isNegated(tokens: readonly Token[], first: number, last: number, checkInside = true): boolean {
  if (checkInside) for (let i = first; i <= last; i++) if (NEGATIONS.has(tokens[i]?.text ?? "")) return true;
  return negatedBefore(tokens, first) || negatedAfter(tokens, last);
}

function negatedBefore(tokens: readonly Token[], first: number): boolean {
  let fillers = 0;
  for (let i = first - 1; i >= 0; i--) {
    const word = tokens[i]?.text ?? "";
    if (NEGATIONS.has(word)) return true;
    if (word === SENTENCE_END || word === CLAUSE_BREAK || CLAUSE_STARTERS.has(word)) return false;
    if (!FILLERS.has(word) || ++fillers > 3) return false;
  }
  return false;
}

function negatedAfter(tokens: readonly Token[], last: number): boolean {
  let i = last + 1;
  while (TAIL_PARTICLES.has(tokens[i]?.text ?? "")) i++;
  if (!NEGATIONS.has(tokens[i]?.text ?? "")) return false;
  i++;
  while (TAIL_PARTICLES.has(tokens[i]?.text ?? "")) i++;
  const next = tokens[i]?.text;
  return next === undefined || next === SENTENCE_END || next === CLAUSE_BREAK;
}
