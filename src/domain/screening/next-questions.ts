import type { IndicatorId } from "./catalogue.ts";
import type { Assessment } from "./types.ts";

/**
 * The guided screening questions, in the order a caseworker would ask them: age first (it decides
 * the child rule), then freedom to leave, documents, phone and contact, violence and threats, pay and
 * debt, deception, the kind of work, where the person is, and the visa. Sensitive sexual questions are
 * left to caseworkers.
 */
export const QUESTION_ORDER: readonly IndicatorId[] = [
  "CH-01-under-18",
  "FL-04-movement",
  "FL-01-documents",
  "FL-05-isolation-phone",
  "FL-06-violence",
  "FL-07-threats",
  "FL-02-wages-withheld",
  "FL-03-debt-bondage",
  "DEC-01-job-deception",
  "PUR-01-forced-criminality",
  "VUL-02-unknown-place",
  "VUL-01-visa-status",
];

/** An indicator already found makes these questions redundant too. */
const ANSWERED_BY: Partial<Record<IndicatorId, readonly IndicatorId[]>> = {
  "FL-04-movement": ["EM-01-held-now"],
  "FL-07-threats": ["EM-03-death-threat", "FL-08-threat-of-authorities"],
  "FL-06-violence": ["EM-02-injured", "EM-05-recent-sexual-violence"],
  "DEC-01-job-deception": ["CH-03-school-deception"],
  "FL-03-debt-bondage": ["FL-10-cannot-quit"],
};

/**
 * Up to `n` question ids, in QUESTION_ORDER, whose answer is still unknown: not answered in the
 * flow, not already evident from the text, and, for the age question, not already settled by a
 * stated child age.
 *
 * Example: after "paspor saya ditahan majikan", nextQuestions(a, [], 2) → ["CH-01-under-18", "FL-04-movement"].
 */
export function nextQuestions(assessment: Assessment, answered: readonly string[], n: number): IndicatorId[] {
  const known = new Set<string>([...answered, ...assessment.indicators.map((hit) => hit.id)]);
  const isKnown = (id: IndicatorId): boolean =>
    known.has(id) ||
    (ANSWERED_BY[id] ?? []).some((other) => known.has(other)) ||
    (id === "CH-01-under-18" && assessment.child);
  return QUESTION_ORDER.filter((id) => !isKnown(id)).slice(0, Math.max(0, n));
}
