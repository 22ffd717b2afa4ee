import { findIndicator, isIndicatorId } from "./catalogue.ts";
import type { DetectedHit } from "./detect-indicators.ts";
import type { Answer, Locale, Translate } from "./types.ts";

/**
 * Folds the guided-flow answers into the hits from free text: "yes" adds the indicator (evidence =
 * the answered question's short name), "no" removes it even if the text suggested it, "unsure" and
 * unknown ids are ignored.
 *
 * Example: answers { "FL-01-documents": "no" } removes a FL-01 hit found in the text.
 */
export function applyAnswers(
  hits: readonly DetectedHit[],
  answers: Readonly<Record<string, Answer>> | undefined,
  lng: Locale,
  t: Translate,
): DetectedHit[] {
  const byId = new Map(hits.map((hit) => [hit.id, hit]));
  for (const [id, answer] of Object.entries(answers ?? {})) {
    if (!isIndicatorId(id) || answer === "unsure") continue;
    if (answer === "no") {
      byId.delete(id);
      continue;
    }
    const entry = findIndicator(id);
    if (entry === undefined || byId.has(id)) continue;
    const name = t(lng, `indicator.${id}`);
    byId.set(id, {
      id,
      category: entry.category,
      strength: entry.strength,
      evidence: t(lng, "evidence.answered_yes", { name }),
    });
  }
  return [...byId.values()];
}
