/**
 * Text folded for the foreign-language lexicon: lower case, Latin letters without accents ("bị đánh" →
 * "bi danh": many people type Vietnamese, Spanish or Portuguese without them), invisible characters
 * dropped, runs of white space and punctuation as one space, and Thai, Burmese and Khmer digits as
 * ASCII digits. `origin[i]` is where folded character i came from in the original text, so a match can
 * quote the person's own words.
 */
export type FoldedText = { text: string; origin: number[] };

const INVISIBLE_CODES: ReadonlyArray<readonly [from: number, to: number]> = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];
const LATIN_WITH_MARKS = /^[a-z]\p{M}+$/u;
const SEPARATOR = /[\s.,!?;:()"“”'’/\\_*~+=|<>[\]{}-]/u;
const NATIVE_DIGITS: ReadonlyArray<readonly [first: number, zero: string]> = [
  [0x0e50, "0"], // Thai
  [0x1040, "0"], // Burmese
  [0x17e0, "0"], // Khmer
];

export function foldText(original: string): FoldedText {
  const parts: string[] = [" "];
  const origin: number[] = [0];
  let lastSpace = true;
  let index = 0;
  for (const char of original) {
    const folded = foldChar(char);
    for (const out of folded) {
      if (out === " " && lastSpace) continue;
      parts.push(out);
      origin.push(index);
      lastSpace = out === " ";
    }
    index += char.length;
  }
  if (!lastSpace) {
    parts.push(" ");
    origin.push(original.length);
  }
  return { text: parts.join(""), origin };
}

/** Plain ASCII letters and digits fold to themselves in lower case: no Unicode work for them. */
const ASCII_WORD = /^[a-z0-9]$/;

function foldChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 128) {
    const lower = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
    if (ASCII_WORD.test(lower)) return lower;
  }
  if (isInvisible(code)) return "";
  if (SEPARATOR.test(char)) return " ";
  for (const [first] of NATIVE_DIGITS) {
    if (code >= first && code <= first + 9) return String(code - first);
  }
  const lower = char.toLowerCase();
  if (lower === "đ") return "d";
  const decomposed = lower.normalize("NFD");
  return LATIN_WITH_MARKS.test(decomposed) ? decomposed.charAt(0) : lower;
}

/** Zero-width and other invisible format characters (soft hyphen, joiners, variation selectors, BOM). */
export function isInvisible(code: number): boolean {
  return INVISIBLE_CODES.some(([from, to]) => code >= from && code <= to);
}
