import { expandContraction } from "./english-contractions.ts";
import { isInvisible } from "./foreign/fold-text.ts";
import { KNOWN_WORDS } from "./known-words.ts";
import { LOCATIVE_NOUNS, PASSIVE_ROOTS, POSSESSIVE_SUFFIXES, SUFFIX_STEMS } from "./normalize-vocabulary.ts";
import { SLANG_MAP } from "./slang-map.ts";

/** One canonical token and the span of the original text it came from. */
export type Token = { text: string; start: number; end: number };

/**
 * A message in canonical form: lower-case tokens joined by single spaces, sentence ends as "." and
 * other pauses as ",", so patterns can be written once per meaning. `tokens[i]` starts at `offsets[i]`
 * in `text`; `original` keeps the message as written for evidence.
 */
export type NormalizedText = { original: string; text: string; tokens: Token[]; offsets: number[] };

/** Sentence and clause boundary tokens. */
export const SENTENCE_END = ".";
export const CLAUSE_BREAK = ",";

const RAW_TOKEN = /(\d+(?:[.,]\d+)+)|([\p{L}\p{N}]+(?:['’][\p{L}]+)*)|([.!?;\n]+)|([,:()"“”])/gu;

/**
 * Normalises a message for pattern matching.
 *
 * Example: "Paspor sy di tahan majikan, gak boleh kluar" →
 * "paspor saya ditahan majikan , tidak boleh kluar".
 */
export function normalizeText(written: string): NormalizedText {
  const original = cleanText(written);
  const raw: Token[] = [];
  for (const match of original.matchAll(RAW_TOKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[3] !== undefined) raw.push({ text: SENTENCE_END, start, end });
    else if (match[4] !== undefined) raw.push({ text: CLAUSE_BREAK, start, end });
    else if (match[1] !== undefined) raw.push({ text: match[1].replace(",", "."), start, end });
    else for (const word of expandWord(match[0])) raw.push({ text: word, start, end });
  }
  const tokens = joinSpacedPassives(raw);
  const offsets: number[] = [];
  let cursor = 0;
  for (const token of tokens) {
    offsets.push(cursor);
    cursor += token.text.length + 1;
  }
  return { original, text: tokens.map((token) => token.text).join(" "), tokens, offsets };
}

/**
 * Drops invisible characters ("dar\u200burat" is "darurat") and writes the emoji that carry meaning as
 * words: 🆘 and 🚨 are "sos", laughing faces "haha", a crying face "nangis".
 */
function cleanText(written: string): string {
  // Invisible characters and emoji are all outside ASCII: plain ASCII text is already clean.
  if (ASCII_ONLY.test(written)) return written;
  let out = "";
  for (const char of written) {
    const code = char.codePointAt(0) ?? 0;
    if (isInvisible(code)) continue;
    out += EMOJI_WORDS.get(char) ?? char;
  }
  return out;
}

/** printable ASCII and ordinary whitespace: nothing the invisible-character pass would change */
const ASCII_ONLY = /^[\t\n\r\x20-\x7e]*$/;

const EMOJI_WORDS = new Map<string, string>([
  ["🆘", " sos "],
  ["🚨", " sos "],
  ["😂", " haha "],
  ["🤣", " haha "],
  ["😆", " haha "],
  ["😭", " nangis "],
  ["😢", " nangis "],
]);

/**
 * The index of the last token that starts at or before `charIndex` in `normalized.text` (binary search
 * over the offsets; -1 before the first token).
 */
export function tokenAtChar(normalized: NormalizedText, charIndex: number): number {
  const { offsets } = normalized;
  let low = 0;
  let high = offsets.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((offsets[middle] ?? Infinity) <= charIndex) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** Canonical words per written word: people repeat their words, so each is worked out once. */
const EXPANDED = new Map<string, readonly string[]>();
const EXPANDED_MAX = 20_000;

/** One written word → zero or more canonical words. */
function expandWord(written: string): readonly string[] {
  const known = EXPANDED.get(written);
  if (known !== undefined) return known;
  const words = expandWordOnce(written);
  if (EXPANDED.size >= EXPANDED_MAX) EXPANDED.clear();
  EXPANDED.set(written, words);
  return words;
}

function expandWordOnce(written: string): string[] {
  let word = written
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/(\p{L})\1{2,}/gu, "$1");
  const contraction = expandContraction(word);
  if (contraction !== undefined) return contraction.split(" ");
  word = word.replace(/'/g, "");
  const split = splitDigits(word);
  if (split !== undefined) return split.flatMap(canonicalWord);
  return canonicalWord(word);
}

/** "20jt" → ["20", "jt"], "umur14" → ["umur", "14"], "anak2" → ["anak", "anak"]. */
function splitDigits(word: string): string[] | undefined {
  const numberFirst = /^(\d+)(\p{L}+)$/u.exec(word);
  if (numberFirst?.[1] !== undefined && numberFirst[2] !== undefined) return [numberFirst[1], numberFirst[2]];
  const wordFirst = /^(\p{L}{2,})(\d+)$/u.exec(word);
  if (wordFirst?.[1] !== undefined && wordFirst[2] !== undefined) {
    return wordFirst[2] === "2" ? [wordFirst[1], wordFirst[1]] : [wordFirst[1], wordFirst[2]];
  }
  return undefined;
}

function canonicalWord(written: string): string[] {
  const mapped = SLANG_MAP.get(written);
  if (mapped !== undefined) return mapped.split(" ");
  const word = standardSpelling(written);
  if (word.length > 4 && word.startsWith("di") && LOCATIVE_NOUNS.has(word.slice(2))) return ["di", word.slice(2)];
  for (const [suffix, token] of POSSESSIVE_SUFFIXES) {
    if (!word.endsWith(suffix) || word.length <= suffix.length + 1) continue;
    const stem = word.slice(0, -suffix.length);
    // Short stems only split when they are stems themselves: "hpku" → "hp saya", but "buku" stays.
    const canonicalStem = stem.length >= 3 ? (SLANG_MAP.get(stem) ?? stem) : stem;
    if (SUFFIX_STEMS.has(canonicalStem)) return token === "nya" ? [canonicalStem] : [canonicalStem, token];
  }
  return [word];
}

/**
 * Colloquial Jakarta/Betawi vowels written back to the standard word, when the rules know that word:
 * a closed last syllable's "a" said as "e" ("malem" → "malam", "diem" → "diam", "laper" → "lapar",
 * "seneng" → "senang"), final "-ai" as "-e" ("pake" → "pakai"), final "-au" as "-o" ("pulo" → "pulau"),
 * and the suffix "-in" for "-kan" or "-i".
 */
function standardSpelling(word: string): string {
  if (word.length < 4 || KNOWN_WORDS.has(word)) return word;
  const candidates = [
    // Jakarta "-in" is standard "-kan", "-i" or nothing: "diberangkatin" → "diberangkatkan", "dijemputin" → "dijemput"
    ...(word.length >= 6 && word.endsWith("in")
      ? [`${word.slice(0, -2)}kan`, `${word.slice(0, -2)}i`, word.slice(0, -2)]
      : []),
    word.replace(/e(ng|[mnrltpkh])$/, "a$1"),
    word.replace(/e$/, "ai"),
    word.replace(/o$/, "au"),
  ];
  return candidates.find((candidate) => candidate !== word && KNOWN_WORDS.has(candidate)) ?? word;
}

/** "di" followed by a verb root becomes one passive verb: "di pukul" → "dipukul", "di-sekap" → "disekap". */
function joinSpacedPassives(tokens: Token[]): Token[] {
  const joined: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const current = tokens[i];
    const next = tokens[i + 1];
    if (current === undefined) continue;
    if (current.text === "di" && next !== undefined && isPassiveRoot(next.text)) {
      joined.push({ text: `di${next.text}`, start: current.start, end: next.end });
      i++;
    } else {
      joined.push(current);
    }
  }
  return joined;
}

function isPassiveRoot(word: string): boolean {
  if (PASSIVE_ROOTS.has(word)) return true;
  return ["in", "i", "kan", "nya"].some(
    (suffix) => word.endsWith(suffix) && PASSIVE_ROOTS.has(word.slice(0, -suffix.length)),
  );
}
