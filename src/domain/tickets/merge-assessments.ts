import type { Assessment } from "../screening/index.ts";
import { maxPriority, maxRisk } from "./ticket-request.ts";

/**
 * What a ticket keeps when a second request adds to it: every indicator found so far (first evidence
 * wins), the higher risk and priority, either flag (a message little understood stays one to read), and
 * the latest explanation.
 */
export function mergeAssessments(before: Assessment | null, next: Assessment | undefined): Assessment | null {
  if (!next) return before;
  if (!before) return next;
  const seen = new Set(before.indicators.map((hit) => hit.id));
  return {
    ...next,
    emergency: before.emergency || next.emergency,
    child: before.child || next.child,
    littleUnderstood: before.littleUnderstood === true || next.littleUnderstood,
    indicators: [...before.indicators, ...next.indicators.filter((hit) => !seen.has(hit.id))],
    palermo: {
      act: before.palermo.act || next.palermo.act,
      means: before.palermo.means || next.palermo.means,
      purpose: before.palermo.purpose || next.palermo.purpose,
    },
    risk: maxRisk(before.risk, next.risk),
    priority: maxPriority(before.priority, next.priority),
  };
}

/** The assessment without the person's words: what is kept when they did not agree to storage, or erased. */
export function withoutEvidence(assessment: Assessment): Assessment {
  return { ...assessment, indicators: assessment.indicators.map((hit) => ({ ...hit, evidence: "" })) };
}
