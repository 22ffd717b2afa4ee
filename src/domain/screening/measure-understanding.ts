import { ENGLISH, INDONESIAN } from "./detect-language.ts";
import { KNOWN_WORDS } from "./known-words.ts";
import { CLAUSE_BREAK, SENTENCE_END, type NormalizedText } from "./normalize-text.ts";
import type { Language, Understanding } from "./types.ts";

/** The languages the screening rules are written in (Malay reads as Indonesian). */
const READ: ReadonlySet<Language> = new Set(["id", "en", "ms"]);
/** Below this many words a message is too short to say it was not understood. */
const MIN_WORDS = 8;
/** A message of which fewer words than this share are known was little understood. */
const MIN_KNOWN_SHARE = 0.4;

/**
 * Counts the words of a message that any screening vocabulary or the everyday words of Indonesian and
 * English know (numbers count as known). A caseworker should read a message the rules could not:
 * in a language they do not read, or long and mostly in words they do not know.
 */
export function measureUnderstanding(normalized: NormalizedText, language: Language): Understanding {
  let words = 0;
  let knownWords = 0;
  for (const { text } of normalized.tokens) {
    if (text === SENTENCE_END || text === CLAUSE_BREAK || text === "") continue;
    words++;
    if (/^\d/.test(text) || KNOWN_WORDS.has(text) || INDONESIAN.has(text) || ENGLISH.has(text)) knownWords++;
  }
  return { words, knownWords, languageRead: READ.has(language) };
}

/** Little understood: a language screening does not read, or a longer message of mostly unknown words. */
export function isLittleUnderstood(understanding: Understanding): boolean {
  if (!understanding.languageRead) return true;
  return understanding.words >= MIN_WORDS && understanding.knownWords < MIN_KNOWN_SHARE * understanding.words;
}
