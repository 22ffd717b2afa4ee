import { findIndicator, type IndicatorId } from "./catalogue.ts";
import type { DetectedHit } from "./detect-indicators.ts";
import type { Stage } from "./detect-stage.ts";
import type { WarningSign } from "./detect-warning-signs.ts";
import type { Palermo, Risk } from "./types.ts";

/** Why the risk level was chosen; the explanation is built from this. */
export type RiskReason =
  | "emergency"
  | "child"
  | "child_recruitment"
  | "strong"
  | "several"
  | "forced_purpose"
  | "pre_departure"
  | "some"
  | "weak"
  | "question"
  | "domestic_violence"
  | "labour_dispute"
  | "none";

export type RiskInput = {
  hits: readonly DetectedHit[];
  child: boolean;
  palermo: Palermo;
  stage: Stage;
  warningSigns: readonly WarningSign[];
  domesticViolence: boolean;
  /** A wage, overtime or dismissal complaint with no migration setting. */
  labourDispute: boolean;
  /** The indicators are only topics: a general question, a what-if, or news. */
  topicOnly: boolean;
  /** The message says outright that someone is forced ("dipaksa", "forced to"). */
  forced: boolean;
  /** An alarm a hotline acts on now without a catalogue emergency phrase (SOS, violence about to happen, stranded). */
  alarm?: boolean;
};

export type RiskOutcome = { risk: Risk; emergency: boolean; reason: RiskReason; basis: readonly DetectedHit[] };

/** Signs that, before departure, call for prevention advice rather than an alarm (SCREENING.md rule 5). */
const PRE_DEPARTURE_SIGNS: ReadonlySet<IndicatorId> = new Set([
  "ACT-01-recruitment-channel",
  "ACT-02-travel-arranged",
  "ACT-03-held-before-departure",
  "DEC-01-job-deception",
  "DEC-02-wage-deception",
  "DEC-03-contract",
  "DEC-04-fees-and-loans",
  "DEC-05-romance-marriage-lure",
  "VUL-01-visa-status",
  "VUL-02-unknown-place",
  "VUL-03-economic-pressure",
  "VUL-04-prior-exploitation",
  // A fee to be "deducted from wages later" is a debt arranged before departure, and a fishing-crew
  // vacancy is a known high-risk offer: warning signs, not yet exploitation.
  "FL-03-debt-bondage",
  "FL-14-fishing-vessel",
]);
/** How many pre-departure signs together make "several" (medium instead of low). */
const SEVERAL_SIGNS = 3;
/** Coercion that turns a wage complaint into more than a labour dispute. */
const COERCION: ReadonlySet<IndicatorId> = new Set([
  "FL-01-documents",
  "FL-03-debt-bondage",
  "FL-04-movement",
  "FL-05-isolation-phone",
  "FL-06-violence",
  "FL-07-threats",
  "FL-08-threat-of-authorities",
  "FL-10-cannot-quit",
  "PUR-01-forced-criminality",
  "PUR-02-sexual-exploitation",
  "PUR-03-forced-marriage",
  "PUR-04-organ-removal",
  "DEC-01-job-deception",
]);

/**
 * Applies the decision rules of SCREENING.md in order: emergency first; the child rule (any purpose +
 * any act); pre-departure warning signs (low, or medium when several); a general or what-if question
 * stays low (it describes no one's situation); domestic violence and labour
 * disputes alone stay low; exploitation with explicit force ("dipaksa jadi kurir") → high; otherwise
 * the adult rule (one strong, or two or more medium indicators
 * from different dimensions → high); some indicators → medium; only weak ones → low.
 */
export function scoreRisk(input: RiskInput): RiskOutcome {
  const { hits } = input;
  const emergencies = hits.filter((hit) => hit.category === "emergency" && hit.strength === "strong");
  if (emergencies.length > 0) return { risk: "high", emergency: true, reason: "emergency", basis: emergencies };
  if (input.alarm === true) return { risk: "high", emergency: true, reason: "emergency", basis: hits };

  const purposeOrAct = hits.filter((hit) => hit.id !== "CH-01-under-18");
  if (input.child && input.palermo.purpose && input.palermo.act && !input.topicOnly)
    return { risk: "high", emergency: false, reason: "child", basis: purposeOrAct };
  const outcome = scoreAdultRisk(input, purposeOrAct);
  // A child being recruited, moved or employed is never only "low" (UU 18/2017: placement needs age 18).
  const childRecruited = input.child && input.palermo.act && !input.topicOnly;
  if (childRecruited && (outcome.risk === "low" || outcome.risk === "none")) {
    return { risk: "medium", emergency: false, reason: "child_recruitment", basis: purposeOrAct };
  }
  return outcome;
}

function scoreAdultRisk(input: RiskInput, purposeOrAct: readonly DetectedHit[]): RiskOutcome {
  const { hits } = input;

  if (
    input.stage === "pre_departure" &&
    hits.every((hit) => PRE_DEPARTURE_SIGNS.has(hit.id) || hit.id === "CH-01-under-18")
  ) {
    const count = purposeOrAct.length + input.warningSigns.length;
    if (count > 0) {
      const risk: Risk = count >= SEVERAL_SIGNS || input.child ? "medium" : "low";
      return { risk, emergency: false, reason: "pre_departure", basis: purposeOrAct };
    }
  }

  if (input.topicOnly) {
    const topics = purposeOrAct.filter((hit) => hit.strength !== "weak");
    return topics.length > 0
      ? { risk: "low", emergency: false, reason: "question", basis: topics }
      : { risk: "none", emergency: false, reason: "none", basis: [] };
  }
  if (input.domesticViolence && purposeOrAct.length === 0)
    return { risk: "low", emergency: false, reason: "domestic_violence", basis: [] };
  if (input.labourDispute && !hits.some((hit) => COERCION.has(hit.id))) {
    return { risk: "low", emergency: false, reason: "labour_dispute", basis: purposeOrAct };
  }

  // Exploitation (a purpose indicator) plus explicit force is purpose + means: refer early.
  const purposes = purposeOrAct.filter((hit) => hit.category === "purpose");
  if (purposes.length > 0 && input.forced)
    return { risk: "high", emergency: false, reason: "forced_purpose", basis: purposes };

  const strong = purposeOrAct.filter((hit) => hit.strength === "strong");
  if (strong.length > 0)
    return {
      risk: "high",
      emergency: false,
      reason: "strong",
      basis: [...strong, ...purposeOrAct.filter((hit) => hit.strength !== "strong")],
    };

  const medium = purposeOrAct.filter((hit) => hit.strength === "medium");
  const dimensions = new Set(medium.map((hit) => findIndicator(hit.id)?.dimension));
  if (dimensions.size >= 2) return { risk: "high", emergency: false, reason: "several", basis: medium };
  if (medium.length > 0) return { risk: "medium", emergency: false, reason: "some", basis: medium };
  if (purposeOrAct.length > 0) return { risk: "low", emergency: false, reason: "weak", basis: purposeOrAct };
  if (input.warningSigns.length > 0) return { risk: "low", emergency: false, reason: "pre_departure", basis: [] };
  return { risk: "none", emergency: false, reason: "none", basis: [] };
}
