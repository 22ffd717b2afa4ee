import { INDICATORS, type IndicatorId } from "../../src/domain/screening/catalogue.ts";
import { detectChild } from "../../src/domain/screening/detect-child.ts";
import { detectUrgency, type UrgencyCue } from "../../src/domain/screening/detect-urgency.ts";
import { detectForeignIndicators } from "../../src/domain/screening/foreign/detect-foreign-indicators.ts";
import { normalizeText } from "../../src/domain/screening/normalize-text.ts";
import { CHILD_PATTERNS } from "../../src/domain/screening/patterns/child-patterns.ts";
import { COERCION_PATTERNS } from "../../src/domain/screening/patterns/coercion-patterns.ts";
import { CONDITIONS_PATTERNS } from "../../src/domain/screening/patterns/conditions-patterns.ts";
import { EMERGENCY_PATTERNS } from "../../src/domain/screening/patterns/emergency-patterns.ts";
import type { PatternTable } from "../../src/domain/screening/patterns/pattern-spec.ts";
import { PURPOSE_PATTERNS } from "../../src/domain/screening/patterns/purpose-patterns.ts";
import { RECRUITMENT_PATTERNS } from "../../src/domain/screening/patterns/recruitment-patterns.ts";
import { VIOLENCE_PATTERNS } from "../../src/domain/screening/patterns/violence-patterns.ts";
import { VULNERABILITY_PATTERNS } from "../../src/domain/screening/patterns/vulnerability-patterns.ts";

/**
 * Whether a span of evidence, read on its own, says what its indicator means: one of the indicator's
 * own patterns or catalogue keywords matches inside it, or (for indicators that other rules stand for)
 * the rule's own vocabulary does: an alarm cue, a stated age, a foreign-language lexicon entry. The
 * context checks (negation, time frame, setting) are left out: they decide whether an indicator fires,
 * not which words show it.
 */
export function evidenceSupports(id: IndicatorId, evidence: string): boolean {
  const span = evidence.replace(/…$/, "");
  const normalized = normalizeText(span);
  const sources = [id, ...(STANDS_FOR[id] ?? [])];
  if (sources.some((source) => (OWN[source] ?? []).some((re) => re.test(normalized.text)))) return true;
  if (id === "CH-01-under-18" && detectChild(normalized).status === "child") return true;
  if (detectUrgency(normalized).some((cue) => CUE_FOR[cue.cue]?.includes(id))) return true;
  return detectForeignIndicators(span).some((hit) => sources.includes(hit.id as IndicatorId));
}

/** Indicators that another one's words also show (its counterpart when not now, or for a child). */
const STANDS_FOR: Partial<Record<IndicatorId, readonly IndicatorId[]>> = {
  "FL-04-movement": ["EM-01-held-now"],
  "FL-13-health-hazard": ["EM-02-injured"],
  "FL-07-threats": ["EM-03-death-threat", "EM-06-about-to-be-sold"],
  "FL-06-violence": ["EM-05-recent-sexual-violence"],
  "FL-10-cannot-quit": ["EM-07-ransom"],
  "DEC-01-job-deception": ["CH-03-school-deception"],
  "CH-02-child-commercial-sex": ["PUR-02-sexual-exploitation"],
  "PUR-02-sexual-exploitation": ["CH-02-child-commercial-sex"],
};

const CUE_FOR: Partial<Record<UrgencyCue["cue"], readonly IndicatorId[]>> = {
  imminent_violence: ["FL-06-violence"],
  imminent_lethal: ["FL-06-violence", "EM-03-death-threat"],
  armed: ["FL-06-violence", "EM-03-death-threat"],
  cut_off: ["EM-08-safe-to-talk", "FL-05-isolation-phone"],
  moved_soon: ["EM-06-about-to-be-sold"],
  moved_plain: ["EM-06-about-to-be-sold"],
  care_refused: ["EM-02-injured", "FL-13-health-hazard"],
  starved: ["FL-12-living-conditions"],
};

const TABLES: readonly PatternTable[] = [
  EMERGENCY_PATTERNS,
  RECRUITMENT_PATTERNS,
  COERCION_PATTERNS,
  VIOLENCE_PATTERNS,
  CONDITIONS_PATTERNS,
  PURPOSE_PATTERNS,
  VULNERABILITY_PATTERNS,
  CHILD_PATTERNS,
];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Each indicator's own vocabulary: its patterns (no context checks) and its catalogue keywords. */
const OWN: Partial<Record<string, RegExp[]>> = {};
for (const table of TABLES) {
  for (const [id, specs] of Object.entries(table)) {
    // A trailing lookahead is context after the words, not words of the span.
    for (const spec of specs ?? []) (OWN[id] ??= []).push(new RegExp(`(?<=^| )(?:${spec.re})(?= |$)`));
  }
}
for (const indicator of INDICATORS) {
  for (const keyword of [...indicator.keywords_id, ...indicator.keywords_en]) {
    const words = normalizeText(keyword).text;
    if (words !== "") (OWN[indicator.id] ??= []).push(new RegExp(`(?<=^| )${escape(words)}(?= |$)`));
  }
}
