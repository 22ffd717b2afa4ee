import { CHILD_PATTERNS } from "./patterns/child-patterns.ts";
import { COERCION_PATTERNS } from "./patterns/coercion-patterns.ts";
import { CONDITIONS_PATTERNS } from "./patterns/conditions-patterns.ts";
import { COUNTER_PATTERNS } from "./patterns/counter-patterns.ts";
import { EMERGENCY_PATTERNS } from "./patterns/emergency-patterns.ts";
import type { PatternTable } from "./patterns/pattern-spec.ts";
import { PURPOSE_PATTERNS } from "./patterns/purpose-patterns.ts";
import { RECRUITMENT_PATTERNS } from "./patterns/recruitment-patterns.ts";
import { VIOLENCE_PATTERNS } from "./patterns/violence-patterns.ts";
import { VULNERABILITY_PATTERNS } from "./patterns/vulnerability-patterns.ts";
import * as URGENCY from "./urgency-vocabulary.ts";

/**
 * Every word the screening vocabularies spell out (the pattern tables and the urgency vocabulary),
 * read from their sources once at load. Spelling rules use it to check a candidate: a colloquial form
 * is only rewritten into a word the rules actually know ("malem" → "malam", "diem" → "diam").
 */
export const KNOWN_WORDS: ReadonlySet<string> = collectWords();

function collectWords(): Set<string> {
  const out = new Set<string>();
  const addSource = (source: string): void => {
    for (const word of source.match(/[a-z]{3,}/g) ?? []) out.add(word);
  };
  const tables: readonly PatternTable[] = [
    CHILD_PATTERNS,
    COERCION_PATTERNS,
    CONDITIONS_PATTERNS,
    COUNTER_PATTERNS,
    EMERGENCY_PATTERNS,
    PURPOSE_PATTERNS,
    RECRUITMENT_PATTERNS,
    VIOLENCE_PATTERNS,
    VULNERABILITY_PATTERNS,
  ];
  for (const table of tables) {
    for (const specs of Object.values(table)) {
      for (const spec of specs ?? []) [spec.re, spec.unless, spec.needs].forEach((s) => s && addSource(s));
    }
  }
  for (const value of Object.values(URGENCY)) {
    if (typeof value === "string") addSource(value);
    else if (value instanceof Set) for (const word of value) if (typeof word === "string") addSource(word);
  }
  return out;
}
