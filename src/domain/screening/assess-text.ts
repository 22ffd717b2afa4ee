import { applyAnswers } from "./apply-answers.ts";
import { buildExplanation } from "./build-explanation.ts";
import { findIndicator, type IndicatorId } from "./catalogue.ts";
import { derivePalermo } from "./derive-palermo.ts";
import { detectChild, type ChildStatus } from "./detect-child.ts";
import { detectIndicators, type DetectedHit } from "./detect-indicators.ts";
import { detectIntent } from "./detect-intent.ts";
import { detectLanguage, localeFor } from "./detect-language.ts";
import { detectQuestion } from "./detect-question.ts";
import { detectSetting } from "./detect-setting.ts";
import { detectStage } from "./detect-stage.ts";
import { detectWarningSigns, type WarningSign } from "./detect-warning-signs.ts";
import { detectUrgency, isPlayful, type UrgencyCue } from "./detect-urgency.ts";
import { extractEvidence } from "./extract-evidence.ts";
import { isLittleUnderstood, measureUnderstanding } from "./measure-understanding.ts";
import type { NormalizedText } from "./normalize-text.ts";
import { normalizeText } from "./normalize-text.ts";
import { scoreRisk } from "./score-risk.ts";
import { toPriority } from "./to-priority.ts";
import type { Assessment, AssessTextInput, Translate } from "./types.ts";

/**
 * Screens one free-text message (plus any answers from the guided flow) for trafficking and
 * forced-labour indicators and applies the decision rules of SCREENING.md. Deterministic and pure:
 * the same input and translations always give the same assessment.
 *
 * Example:
 *   assessText({ text: "paspor saya dipegang bos dan gaji 5 bulan belum dibayar" }, t)
 *   → { risk: "high", priority: "high", indicators: [FL-01-documents, FL-02-wages-withheld], … }
 */
export function assessText(input: AssessTextInput, t: Translate): Assessment {
  const normalized = normalizeText(input.text);
  const language = detectLanguage(input.text, input.locale ?? "id");
  const stage = detectStage(normalized);
  const setting = detectSetting(normalized);
  const childStatus = detectChild(normalized);
  const detection = detectIndicators(normalized, { child: childStatus, setting, stage, language });
  const playful = isPlayful(normalized) && !DISTRESS_NOW.test(normalized.text);
  const urgency = playful
    ? []
    : relevantCues(detectUrgency(normalized), detection.hits, childStatus.status === "child", normalized.text);
  const detected = withUrgencyHits(
    withTreatedInjury(playful ? withoutEmergencies(detection.hits) : detection.hits, normalized),
    urgency,
    normalized,
  );
  const answered = applyAnswers(withChildHit(detected, childStatus), input.answers, localeFor(language), t);
  const child = answered.some((hit) => hit.id === "CH-01-under-18");
  const hits = child ? withChildCounterparts(answered) : answered;
  const palermo = derivePalermo(
    hits.map((hit) => hit.id),
    normalized,
  );
  const question = detectQuestion(normalized);
  // Indicators that are only topics (a general question, a what-if, news) describe no one's situation.
  const topicOnly = playful || question === "general" || onlyHypothetical(hits, detection.hypothetical);
  // An alarm without a catalogue phrase: SOS in any language, violence about to happen, stranded
  // after running away, the phone about to be taken, moved on soon in distress.
  const alarm =
    !topicOnly && (urgency.length > 0 || detection.foreignSos || exploitedUnderControl(hits, normalized.text, child));
  const warningSigns = collectWarningSigns(
    detectWarningSigns(normalized),
    detection.scamJobOffer,
    stage === "pre_departure" || stage === "unknown",
  );
  const scored = scoreRisk({
    hits,
    child,
    palermo,
    stage,
    warningSigns,
    domesticViolence: detection.domesticViolence,
    labourDispute: setting.labourDispute && !setting.migration,
    topicOnly,
    forced: FORCED.test(normalized.text),
    alarm,
  });
  const judged = overAndSafe(scored, hits, stage, normalized.text);
  const understanding = measureUnderstanding(normalized, language);
  // A plea with a sign of danger in a language we don't read: our safety question (in Indonesian or
  // English) may not be understood, so the emergency answer comes at once, as for an SOS.
  const unreadDanger =
    !judged.emergency &&
    !topicOnly &&
    !understanding.languageRead &&
    (detection.foreignHelp || PLEA_WORDS.test(normalized.text)) &&
    hits.some((hit) => DANGER_SIGNALS.has(hit.id));
  const outcome = unreadDanger ? { ...judged, emergency: true, risk: "high" as const } : judged;
  const intent = detectIntent({
    normalized,
    hits,
    emergency: outcome.emergency,
    preDeparture: outcome.reason === "pre_departure",
    otherConcern: outcome.reason === "domestic_violence" || outcome.reason === "labour_dispute",
    topicOnly: topicOnly && !outcome.emergency,
    playful,
  });
  const explanation = buildExplanation(
    {
      reason: outcome.reason,
      basis: byImportance(outcome.basis).map((hit) => hit.id),
      warningSigns,
      notes: {
        forcedCriminality: hits.some((hit) => hit.id === "PUR-01-forced-criminality"),
        childSupport: child,
        tracing: intent === "family_tracing",
        report: intent === "report_recruiter",
      },
    },
    t,
  );
  const selfHarm = hits.some((hit) => hit.id === "EM-04-self-harm");
  return {
    language,
    intent,
    emergency: outcome.emergency,
    safetyCheck:
      !outcome.emergency &&
      !topicOnly &&
      (hits.some((hit) => DANGER_SIGNALS.has(hit.id)) || detection.foreignHelp || DANGER_WORDS.test(normalized.text)),
    selfHarm,
    child,
    indicators: hits.map(({ id, category, strength, evidence }) => ({
      id,
      category,
      strength,
      evidence,
      name: { id: t("id", `indicator.${id}`), en: t("en", `indicator.${id}`) },
    })),
    palermo,
    risk: outcome.risk,
    priority: toPriority(outcome.risk, outcome.emergency, intent),
    explanation,
    littleUnderstood: isLittleUnderstood(understanding),
    understanding,
  };
}

/** The person says they are well or safe now: "sekarang sudah sehat", "skrg baik2 aja", "I'm fine now". */
const FINE_NOW =
  /(?<=^| )(?:(?:sekarang|sudah|udah) (?:\S+ ){0,6}(?:baik baik saja|aman|sehat|tenang|selamat)|baik baik saja|(?:i am|we are|she is|he is) (?:fine|ok|okay|safe|well) now|all good now)(?= |$)/;

const TOLD_AS_PAST = /(?<=^| )(?:dulu|dahulu|dulunya|pernah|used to|back then|years ago)(?= |$)/;

/**
 * Exploitation that is over (told as the past) and a person who says they are well now: a medium-risk
 * referral for support, not a high-risk case.
 */
function overAndSafe(
  outcome: ReturnType<typeof scoreRisk>,
  hits: readonly DetectedHit[],
  stage: string,
  text: string,
): ReturnType<typeof scoreRisk> {
  if (outcome.emergency || outcome.risk !== "high") return outcome;
  const past = hits.some((hit) => hit.id === "VUL-04-prior-exploitation") || TOLD_AS_PAST.test(text);
  if (!past || (stage !== "returned" && !FINE_NOW.test(text))) return outcome;
  return { ...outcome, risk: "medium" };
}

/** Indicators that hint at danger without making it a clear emergency: the safety question is asked. */
const DANGER_SIGNALS = new Set([
  "FL-04-movement",
  "FL-05-isolation-phone",
  "FL-06-violence",
  "FL-07-threats",
  "FL-08-threat-of-authorities",
  "FL-10-cannot-quit",
  "EM-08-safe-to-talk",
  "PUR-02-sexual-exploitation",
]);
/** Words of fear or a plea for help: the safety question is asked. */
const DANGER_WORDS =
  /(?<=^| )(?:tolong|tolongin|tulung|bantu saya|bantuin|takut|ketakutan|bahaya|terancam|diancam|nangis|sembunyi|help|help me|please help|scared|afraid|frightened|danger|dangerous|unsafe|threatened|hiding)(?= |$)/;
/** A plea for help (in the words any language borrows, or ours): with a danger sign it is an emergency where we can't ask. */
const PLEA_WORDS = /(?<=^| )(?:tolong|tolongin|tulung|bantu saya|bantuin|help|help me|please help|sos)(?= |$)/;
/** A playful word does not cancel a plea that stands beside it. */
const DISTRESS_NOW = /(?<=^| )(?:tolong|tolongin|help|takut|scared|afraid|sos|darurat|emergency)(?= |$)/;

/** In a joke or a story, frightening phrases are topics: the emergency ones become their non-urgent kin. */
function withoutEmergencies(hits: readonly DetectedHit[]): DetectedHit[] {
  return hits.filter((hit) => hit.category !== "emergency");
}

/**
 * An injury already treated ("untung bos mau bayar operasi") or hospital stays that are over ("sudah 2x
 * masuk RS") is a health hazard to ask about, not an emergency now.
 */
const TREATED =
  /(?<=^| )(?:(?:sudah|untung|akhirnya|baru) (?:\S+ ){0,3}(?:dioperasi|operasi|diobati|berobat|dirawat|dijahit|ke dokter)|(?:sudah|pernah) (?:\d+ ?(?:x|kali)|beberapa kali|berkali kali) (?:\S+ )?(?:masuk|ke|dibawa ke) (?:rs|rumah sakit|klinik)|(?:already|was|got) (?:treated|operated|stitched)|(?:paid|pays) for (?:the |my )?(?:surgery|operation|treatment))(?= |$)/;

function withTreatedInjury(hits: readonly DetectedHit[], normalized: NormalizedText): DetectedHit[] {
  if (!TREATED.test(normalized.text)) return [...hits];
  const hazard = findIndicator("FL-13-health-hazard");
  return hits.flatMap((hit): DetectedHit[] => {
    if (hit.id !== "EM-02-injured" || hazard === undefined) return [hit];
    if (hits.some((other) => other.id === hazard.id)) return [];
    return [{ ...hit, id: "FL-13-health-hazard", category: hazard.category, strength: hazard.strength }];
  });
}

/** The catalogue indicator each alarm cue stands for, when one fits. */
const CUE_INDICATORS: Partial<Record<UrgencyCue["cue"], readonly IndicatorId[]>> = {
  imminent_violence: ["FL-06-violence"],
  imminent_lethal: ["FL-06-violence", "EM-03-death-threat"],
  cut_off: ["EM-08-safe-to-talk", "FL-05-isolation-phone"],
  moved_soon: ["EM-06-about-to-be-sold"],
  moved_plain: ["EM-06-about-to-be-sold"],
  care_refused: ["EM-02-injured", "FL-13-health-hazard"],
  armed: ["FL-06-violence", "EM-03-death-threat"],
  starved: ["FL-12-living-conditions"],
};

const ONLINE_SEXUAL =
  /(?<=^| )(?:foto (?:telanjang|bugil)|video (?:telanjang|bugil|call)|vcs|sexting|nude (?:photos?|pictures?|videos?)|send nudes|nudes)(?= |$)/;

/** Signs that a person is kept in sexual exploitation now: force, confinement, violence or threats. */
const KEPT: ReadonlySet<string> = new Set([
  "FL-04-movement",
  "FL-05-isolation-phone",
  "FL-06-violence",
  "FL-10-cannot-quit",
  "FL-03-debt-bondage",
  "FL-01-documents",
]);

/**
 * Sexual exploitation going on under control is an emergency: kept from leaving, cut off, beaten,
 * threatened, held by a debt or their papers. A lure alone (a child invited to "nemenin tamu") is a
 * high-risk referral, not yet an emergency.
 */
function exploitedUnderControl(hits: readonly DetectedHit[], text: string, child: boolean): boolean {
  // Sexual extortion online (nude photos, video calls) is serious but not a person held now.
  if (ONLINE_SEXUAL.test(text)) return false;
  const sexual = hits.some((hit) => hit.id === "PUR-02-sexual-exploitation" || hit.id === "CH-02-child-commercial-sex");
  // A child taken into sexual exploitation who can no longer be reached is in danger now.
  return sexual && (hits.some((hit) => KEPT.has(hit.id)) || (child && UNREACHABLE.test(text)));
}

/** The person can no longer be reached: phone dead or off, contact lost. */
const UNREACHABLE =
  /(?<=^| )(?:hp (?:\S+ )?(?:mati|tidak aktif|off|dimatikan)|(?:tidak|sudah tidak) bisa (?:di)?hubungi|hilang kontak|putus kontak|lost contact|(?:phone|hp) (?:is |was )?(?:off|dead|switched off)|(?:can not|could not) (?:reach|contact) (?:her|him|them))(?= |$)/;

/** Signs of control that make a planned move ("mau dibawa ke saudi") a danger. */
const CONTROL: ReadonlySet<string> = new Set([
  "EM-01-held-now",
  "FL-01-documents",
  "FL-04-movement",
  "FL-05-isolation-phone",
  "FL-06-violence",
  "FL-07-threats",
  "FL-10-cannot-quit",
  "PUR-01-forced-criminality",
  "PUR-02-sexual-exploitation",
  "PUR-03-forced-marriage",
]);

/** Cues that need context: a plain planned move needs a sign of control; a missing or taken person needs a child. */
/** The story is dated years back: a calendar year, or "N tahun lalu" / "years ago". */
const LONG_AGO =
  /(?<=^| )(?:(?:tahun|sejak|dari|pada|in|since) (?:19[5-9]\d|20[0-2]\d)|\d+ (?:tahun|years?) (?:lalu|yang lalu|ago)|(?:sudah|selama|for) \d+ (?:tahun|years?))(?= |$)/;

function relevantCues(
  cues: readonly UrgencyCue[],
  hits: readonly DetectedHit[],
  child: boolean,
  text: string,
): UrgencyCue[] {
  return cues.filter((cue) => {
    if (cue.cue === "moved_plain") return hits.some((hit) => CONTROL.has(hit.id));
    // A child missing for years ("berangkat tahun 2010", "5 tahun lalu") is a tracing case, not tonight's danger.
    if (cue.cue === "child_taken") return child && !LONG_AGO.test(text);
    return true;
  });
}

function withUrgencyHits(
  hits: readonly DetectedHit[],
  cues: readonly UrgencyCue[],
  normalized: NormalizedText,
): DetectedHit[] {
  const out = [...hits];
  for (const cue of cues) {
    for (const id of CUE_INDICATORS[cue.cue] ?? []) {
      const entry = findIndicator(id);
      if (entry === undefined || out.some((hit) => hit.id === id)) continue;
      out.push({
        id,
        category: entry.category,
        strength: entry.strength,
        evidence: cueEvidence(normalized, cue),
      });
    }
  }
  return out;
}

/** The words of the cue, and of what it needs beside it in their text order ("demam tinggi … gak boleh ke dokter"). */
function cueEvidence(normalized: NormalizedText, cue: UrgencyCue): string {
  const own = extractEvidence(normalized, cue.first, cue.last);
  if (cue.with === undefined) return own;
  const other = extractEvidence(normalized, cue.with.first, cue.with.last);
  if (own.includes(other)) return own;
  if (other.includes(own)) return other;
  return cue.with.first < cue.first ? `${other} … ${own}` : `${own} … ${other}`;
}

/** Every non-weak hit was only a what-if or news item: the message asks, it does not tell. */
function onlyHypothetical(hits: readonly DetectedHit[], hypothetical: ReadonlySet<string>): boolean {
  const serious = hits.filter((hit) => hit.strength !== "weak" && hit.id !== "CH-01-under-18");
  return serious.length > 0 && serious.every((hit) => hypothetical.has(hit.id));
}

function withChildHit(hits: readonly DetectedHit[], status: ChildStatus): DetectedHit[] {
  const entry = findIndicator("CH-01-under-18");
  if (status.status !== "child" || entry === undefined) return [...hits];
  return [
    { id: "CH-01-under-18", category: entry.category, strength: entry.strength, evidence: status.evidence },
    ...hits,
  ];
}

/** For a child, sexual exploitation is also CH-02 (e.g. when both came from the guided answers). */
function withChildCounterparts(hits: readonly DetectedHit[]): DetectedHit[] {
  const sexual = hits.find((hit) => hit.id === "PUR-02-sexual-exploitation");
  const entry = findIndicator("CH-02-child-commercial-sex");
  if (sexual === undefined || entry === undefined || hits.some((hit) => hit.id === entry.id)) return [...hits];
  return [
    ...hits,
    { id: "CH-02-child-commercial-sex", category: entry.category, strength: entry.strength, evidence: sexual.evidence },
  ];
}

function collectWarningSigns(
  found: readonly WarningSign[],
  scamJobOffer: boolean,
  beforeDeparture: boolean,
): WarningSign[] {
  if (!beforeDeparture) return [];
  return scamJobOffer && !found.includes("scam_job") ? [...found, "scam_job"] : [...found];
}

/** Someone is made to do something against their will. */
const FORCED =
  /(?<=^| )(?:dipaksa|terpaksa|memaksa|maksa|dipaksain|paksa|forced|force|forces|forcing|coerced|pressured)(?= |$)/;

const STRENGTH_ORDER = { strong: 0, medium: 1, weak: 2 } as const;

/** Emergencies first, then strong, medium, weak; text order within a level. */
function byImportance(hits: readonly DetectedHit[]): DetectedHit[] {
  return [...hits].sort((a, b) => {
    const emergency = Number(b.category === "emergency") - Number(a.category === "emergency");
    return emergency !== 0 ? emergency : STRENGTH_ORDER[a.strength] - STRENGTH_ORDER[b.strength];
  });
}
