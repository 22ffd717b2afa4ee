import { isIndicatorId, type IndicatorId } from "./catalogue.ts";
import { isNegated } from "./detect-negation.ts";
import { SENTENCE_END, tokenAtChar, type NormalizedText } from "./normalize-text.ts";
import type { PatternSpec, PatternTable } from "./patterns/pattern-spec.ts";

/** Where one pattern matched, as inclusive token indices into `NormalizedText.tokens`. */
export type PatternMatch = { id: IndicatorId; first: number; last: number };

type CompiledSpec = {
  re: RegExp;
  negatable: boolean;
  checkInside: boolean;
  unless: RegExp | undefined;
  needs: RegExp | undefined;
};

/** A pattern that spells out a negation itself ("can not breathe") must not be cancelled by it. */
const SPELLS_NEGATION = /(?:^|[^a-z])(?:tidak|belum|bukan|not|no|never|tanpa|without|nobody)(?:[^a-z]|$)/;
export type CompiledTable = ReadonlyArray<{ id: IndicatorId; specs: readonly CompiledSpec[] }>;

/** Compiles a pattern table once (at module load of the detector), adding token boundaries. */
export function compilePatternTable(table: PatternTable): CompiledTable {
  return Object.entries(table).flatMap(([id, specs]) => {
    const known = specs === undefined ? [] : specs;
    return isIndicatorId(id) ? [{ id, specs: known.map(compileSpec) }] : [];
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
      if (spec.needs !== undefined && !spec.needs.test(normalized.text)) continue;
      for (const found of normalized.text.matchAll(spec.re)) {
        const first = tokenAtChar(normalized, found.index);
        if (first < 0 || normalized.offsets[first] !== found.index) continue;
        const last = tokenAtChar(normalized, found.index + found[0].length - 1);
        if (last < first) continue;
        if (spec.unless !== undefined && spec.unless.test(sentenceAround(normalized, first, last))) continue;
        if (spec.negatable && isNegated(normalized.tokens, first, last, spec.checkInside)) continue;
        if (best === undefined || first < best.first) best = { id, first, last };
        break;
      }
    }
    if (best !== undefined) matches.push(best);
  }
  return matches.sort((a, b) => a.first - b.first);
}

function compileSpec(spec: PatternSpec): CompiledSpec {
  return {
    re: new RegExp(`(?<=^| )(?:${spec.re})(?= |$)`, "g"),
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
