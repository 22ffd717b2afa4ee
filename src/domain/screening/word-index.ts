import { firstWordPrefixes, PREFIX_MAX } from "./first-word-prefixes.ts";
import type { NormalizedText } from "./normalize-text.ts";

/**
 * An expression over normalised text that matches whole words (`(?<=^| )…(?= |$)`), with what its first
 * word must begin with. Scanning 4,000 characters with every pattern is what made screening slow; a
 * pattern is only tried where its first word stands.
 */
export type WordPattern = {
  /** the expression, for a scan of the whole text */
  re: RegExp;
  /** the same, tried at one position (`lastIndex`) only */
  sticky: RegExp;
  /** what the first word of a match begins with (undefined: anything) */
  starts: readonly string[] | undefined;
};

/** Compiles a source of words; `prefilter: false` always scans the whole text (the tests' reference). */
export function compileWordPattern(source: string, prefilter = true): WordPattern {
  const wrapped = `(?<=^| )(?:${source})(?= |$)`;
  return {
    re: new RegExp(wrapped, "g"),
    sticky: new RegExp(wrapped, "y"),
    starts: prefilter ? shortestStarts(firstWordPrefixes(source)) : undefined,
  };
}

/**
 * An expression written out in full that starts at a word (its source begins with `(?<=^| )`); its
 * matches are found like a WordPattern's. Other sources scan the whole text.
 */
export function compileAnchored(source: string): WordPattern {
  return {
    re: new RegExp(source, "g"),
    sticky: new RegExp(source, "y"),
    starts: source.startsWith(WORD_START) ? shortestStarts(firstWordPrefixes(source)) : undefined,
  };
}
const WORD_START = "(?<=^| )";

/** Every match in text order, as `String.prototype.matchAll` gives them (non-overlapping, with groups). */
export function* wordMatches(normalized: NormalizedText, pattern: WordPattern): Generator<RegExpExecArray> {
  const { text, offsets } = normalized;
  if (pattern.starts === undefined) {
    pattern.re.lastIndex = 0;
    yield* text.matchAll(pattern.re);
    return;
  }
  const candidates = candidateTokens(wordIndex(normalized), pattern.starts);
  let from = 0;
  for (let i = 0; i < candidates.length; i++) {
    const at = offsets[candidates[i] ?? 0] ?? 0;
    if (at < from) continue;
    pattern.sticky.lastIndex = at;
    const found = pattern.sticky.exec(text);
    if (found === null) continue;
    from = at + Math.max(1, found[0].length);
    yield found;
  }
}

/**
 * The first match, in text order, that `accept` takes, as [index, length]. Where the first word is
 * known the expression is tried only at the words that begin so, moving past a refused match exactly
 * as a scan of the whole text does, so both find the same match.
 */
export function firstWordMatch(
  normalized: NormalizedText,
  pattern: WordPattern,
  accept: (index: number, length: number) => boolean = () => true,
): [number, number] | undefined {
  for (const found of wordMatches(normalized, pattern)) {
    if (accept(found.index, found[0].length)) return [found.index, found[0].length];
  }
  return undefined;
}

/** Whether some word of the message begins as the pattern's first word must (always true when unknown). */
export function mayMatch(normalized: NormalizedText, pattern: WordPattern): boolean {
  if (pattern.starts === undefined) return true;
  const index = wordIndex(normalized);
  return pattern.starts.some((start) => index.has(start));
}

/** A start that another start begins is implied by it: "di" covers "dipuku", so the token lists never overlap. */
function shortestStarts(starts: readonly string[] | undefined): readonly string[] | undefined {
  return starts?.filter((start) => !starts.some((other) => other !== start && start.startsWith(other)));
}

/** For each beginning (up to PREFIX_MAX characters) of a word, the tokens that begin so; once per message. */
const INDEXES = new WeakMap<NormalizedText, ReadonlyMap<string, number[]>>();

function wordIndex(normalized: NormalizedText): ReadonlyMap<string, number[]> {
  const known = INDEXES.get(normalized);
  if (known !== undefined) return known;
  const index = new Map<string, number[]>();
  normalized.tokens.forEach(({ text }, token) => {
    for (let length = 1; length <= Math.min(PREFIX_MAX, text.length); length++) {
      const prefix = text.slice(0, length);
      const tokens = index.get(prefix);
      if (tokens === undefined) index.set(prefix, [token]);
      else tokens.push(token);
    }
  });
  INDEXES.set(normalized, index);
  return index;
}

/** The tokens, in text order, that begin with one of `starts` (none of which begins another). */
function candidateTokens(index: ReadonlyMap<string, number[]>, starts: readonly string[]): ArrayLike<number> {
  let only: number[] | undefined;
  let merged: number[] | undefined;
  for (const start of starts) {
    const tokens = index.get(start);
    if (tokens === undefined) continue;
    if (only === undefined) only = tokens;
    else merged = [...(merged ?? only), ...tokens];
  }
  if (merged !== undefined) return Int32Array.from(merged).sort();
  return only ?? [];
}
