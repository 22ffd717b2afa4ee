import { isIndicatorId, type IndicatorId } from "./catalogue.ts";
import { isNegated } from "./detect-negation.ts";
import { SENTENCE_END, tokenAtChar, type NormalizedText } from "./normalize-text.ts";
import type { PatternSpec, PatternTable } from "./patterns/pattern-spec.ts";
import { compileWordPattern, firstWordMatch, mayMatch, type WordPattern } from "./word-index.ts";

/** Where one pattern matched, as inclusive token indices into `NormalizedText.tokens`. */
export type PatternMatch = { id: IndicatorId; first: number; last: number };

type CompiledSpec = {
  pattern: WordPattern;
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
  for (const { id, specs } of table) {
    let best: PatternMatch | undefined;
    for (const spec of specs) {
      if (!mayMatch(normalized, spec.pattern)) continue;
      if (spec.needs !== undefined && !spec.needs.test(normalized.text)) continue;
      let span: Span | undefined;
      firstWordMatch(
        normalized,
        spec.pattern,
        (at, length) => (span = accepted(normalized, spec, at, length)) !== undefined,
      );
      if (span !== undefined && (best === undefined || span.first < best.first)) best = { id, ...span };
    }
    if (best !== undefined) matches.push(best);
  }
  return matches.sort((a, b) => a.first - b.first);
}

type Span = { first: number; last: number };

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

function compileSpec(spec: PatternSpec, prefilter: boolean): CompiledSpec {
  return {
    pattern: compileWordPattern(spec.re, prefilter),
    negatable: spec.negatable ?? true,
    checkInside: !SPELLS_NEGATION.test(spec.re),
    unless: spec.unless === undefined ? undefined : new RegExp(`(?<=^| )(?:${spec.unless})(?= |$)`),
    needs: spec.needs === undefined ? undefined : new RegExp(`(?<=^| )(?:${spec.needs})(?= |$)`),
  };
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
