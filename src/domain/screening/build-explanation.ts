import type { IndicatorId } from "./catalogue.ts";
import type { WarningSign } from "./detect-warning-signs.ts";
import type { RiskReason } from "./score-risk.ts";
import type { Locale, Translate } from "./types.ts";

export type ExplanationInput = {
  reason: RiskReason;
  /** Indicators behind the decision, most important first. */
  basis: readonly IndicatorId[];
  warningSigns: readonly WarningSign[];
  notes: { forcedCriminality: boolean; childSupport: boolean; tracing: boolean; report: boolean };
};

/** At most this many signs are named; the rest are summed up as "and other signs". */
const MAX_NAMED = 3;
const LOCALES: readonly Locale[] = ["id", "en"];

/**
 * Short bilingual explanation from the "screening" namespace: why the risk level was chosen, naming
 * the signs that fired, then the notes that apply (non-punishment of forced criminality, tracing,
 * reporting). It never says whether someone is or is not a victim; it says there are warning signs
 * and that a caseworker can help.
 */
export function buildExplanation(input: ExplanationInput, t: Translate): { id: string; en: string } {
  const [id, en] = LOCALES.map((lng) => explain(lng, input, t));
  return { id: id ?? "", en: en ?? "" };
}

function explain(lng: Locale, input: ExplanationInput, t: Translate): string {
  const names = [
    ...input.basis.map((id) => t(lng, `indicator.${id}`)),
    ...(input.reason === "pre_departure" ? input.warningSigns.map((sign) => t(lng, `sign.${sign}`)) : []),
  ];
  const sentences = [t(lng, `reason.${input.reason}`, { signs: joinNames(lng, names, t) })];
  if (input.notes.forcedCriminality) sentences.push(t(lng, "note.forced_criminality"));
  if (input.notes.childSupport) sentences.push(t(lng, "note.child_support"));
  if (input.notes.tracing) sentences.push(t(lng, "note.tracing"));
  if (input.notes.report) sentences.push(t(lng, "note.report"));
  return sentences.join(" ");
}

function joinNames(lng: Locale, names: readonly string[], t: Translate): string {
  const unique = [...new Set(names)];
  const shown = unique.slice(0, MAX_NAMED);
  if (unique.length > MAX_NAMED) return t(lng, "list.more", { items: shown.join(", ") });
  const [first, second] = shown;
  if (first === undefined) return "";
  if (second === undefined) return first;
  if (shown.length === 2) return t(lng, "list.two", { first, second });
  return t(lng, "list.many", { items: shown.slice(0, -1).join(", "), last: shown.at(-1) });
}
