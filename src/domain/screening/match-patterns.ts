import { isIndicatorId, type IndicatorId } from "./catalogue.ts";
import { isNegated } from "./detect-negation.ts";
import { firstWordPrefixes, PREFIX_MAX } from "./first-word-prefixes.ts";
import { SENTENCE_END, tokenAtChar, type NormalizedText } from "./normalize-text.ts";
import type { PatternSpec, PatternTable } from "./patterns/pattern-spec.ts";

/** Where one pattern matched, as inclusive token indices into `NormalizedText.tokens`. */
export type PatternMatch = { id: IndicatorId; first: number; last: number };

type CompiledSpec = {
  re: RegExp;
  /** What the first word of a match must begin with (undefined: anything); a message without it is skipped. */
  starts: readonly string[] | undefined;
  /** The same expression, tried at one position (`lastIndex`) only. */
  sticky: RegExp;
  negatable: boolean;
  checkInside: boolean;
  unless: RegExp | undefined;
  needs: RegExp | undefined;
};

/** A pattern that spells out a negation itself ("can not breathe") must not be cancelled by it. */
const SPELLS_NEGATION = /(?:^|[^a-z])(?:tidak|belum|bukan|not|no|never|tanpa|without|nobody)(?:[^a-z]|$)/;
export type CompiledTable = ReadonlyArray<{ id: IndicatorId; specs: readonly CompiledSpec[] }>;

/**
 * Compiles a pattern table once (at module load of the detector), adding token boundaries. With
 * `prefilter: false` every pattern scans the whole text (the reference the tests compare against).
 */
export function compilePatternTable(table: PatternTable, options: { prefilter?: boolean } = {}): CompiledTable {
  const prefilter = options.prefilter ?? true;
  return Object.entries(table).flatMap(([id, specs]) => {
    const known = specs === undefined ? [] : specs;
    return isIndicatorId(id) ? [{ id, specs: known.map((spec) => compileSpec(spec, prefilter)) }] : [];
  });
}

/**
 * The first match of each indicator that is not negated, excluded by `unless` or missing its
 * `needs`, sorted in text order.
 */
export function matchPatterns(normalized: NormalizedText, table: CompiledTable): PatternMatch[] {
  const matches: PatternMatch[] = [];
  const index = wordIndex(normalized);
  for (const { id, specs } of table) {
    let best: PatternMatch | undefined;
    for (const spec of specs) {
      const candidates = spec.starts === undefined ? undefined : candidateTokens(index, spec.starts);
      if (candidates?.length === 0) continue;
      if (spec.needs !== undefined && !spec.needs.test(normalized.text)) continue;
      const found = firstAccepted(normalized, spec, candidates);
      if (found !== undefined && (best === undefined || found.first < best.first)) best = { id, ...found };
    }
    if (best !== undefined) matches.push(best);
  }
  return matches.sort((a, b) => a.first - b.first);
}

type Span = { first: number; last: number };

/**
 * The first match of one pattern, in text order, that survives its checks. With candidates (the words
 * its first word can be), the expression is tried only where they stand; it moves on past a rejected
 * match exactly as a scan over the whole text would, so both ways find the same match.
 */
function firstAccepted(
  normalized: NormalizedText,
  spec: CompiledSpec,
  candidates: ArrayLike<number> | undefined,
): Span | undefined {
  if (candidates === undefined) {
    for (const found of normalized.text.matchAll(spec.re)) {
      const span = accepted(normalized, spec, found.index, found[0].length);
      if (span !== undefined) return span;
    }
    return undefined;
  }
  let from = 0;
  for (let i = 0; i < candidates.length; i++) {
    const at = normalized.offsets[candidates[i] ?? 0] ?? 0;
    if (at < from) continue;
    spec.sticky.lastIndex = at;
    const found = spec.sticky.exec(normalized.text);
    if (found === null) continue;
    const span = accepted(normalized, spec, at, found[0].length);
    if (span !== undefined) return span;
    from = at + Math.max(1, found[0].length);
  }
  return undefined;
}

/** The tokens of a match at `at`, unless it is not at a word start, is excluded by `unless` or negated. */
function accepted(normalized: NormalizedText, spec: CompiledSpec, at: number, length: number): Span | undefined {
  const first = tokenAtChar(normalized, at);
  if (first < 0 || normalized.offsets[first] !== at) return undefined;
  const last = tokenAtChar(normalized, at + length - 1);
  if (last < first) return undefined;
  if (spec.unless !== undefined && spec.unless.test(sentenceAround(normalized, first, last))) return undefined;
  if (spec.negatable && isNegated(normalized.tokens, first, last, spec.checkInside)) return undefined;
  return { first, last };
}

/** A start that another start begins is implied by it: "di" covers "dipuku", so the token lists never overlap. */
function shortestStarts(starts: readonly string[] | undefined): readonly string[] | undefined {
  return starts?.filter((start) => !starts.some((other) => other !== start && start.startsWith(other)));
}

function compileSpec(spec: PatternSpec, prefilter: boolean): CompiledSpec {
  return {
    re: new RegExp(`(?<=^| )(?:${spec.re})(?= |$)`, "g"),
    sticky: new RegExp(`(?<=^| )(?:${spec.re})(?= |$)`, "y"),
    starts: prefilter ? shortestStarts(firstWordPrefixes(spec.re)) : undefined,
    negatable: spec.negatable ?? true,
    checkInside: !SPELLS_NEGATION.test(spec.re),
    unless: spec.unless === undefined ? undefined : new RegExp(`(?<=^| )(?:${spec.unless})(?= |$)`),
    needs: spec.needs === undefined ? undefined : new RegExp(`(?<=^| )(?:${spec.needs})(?= |$)`),
  };
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

const SENTENCE_REACH = 15;

/** The normalised sentence that contains tokens first..last. */
function sentenceAround(normalized: NormalizedText, first: number, last: number): string {
  const { tokens } = normalized;
  let from = first;
  let to = last;
  // Voice-to-text and chat run-ons have no full stops: a "sentence" ends after SENTENCE_REACH tokens too.
  while (from > 0 && first - from < SENTENCE_REACH && tokens[from - 1]?.text !== SENTENCE_END) from--;
  while (to < tokens.length - 1 && to - last < SENTENCE_REACH && tokens[to + 1]?.text !== SENTENCE_END) to++;
  return tokens
    .slice(from, to + 1)
    .map((token) => token.text)
    .join(" ");
}
