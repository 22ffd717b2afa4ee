import { findIndicator, isIndicatorId, type IndicatorId } from "./catalogue.ts";
import type { ChildStatus } from "./detect-child.ts";
import type { Setting } from "./detect-setting.ts";
import type { Stage } from "./detect-stage.ts";
import { detectTimeFrame, type TimeFrame } from "./detect-time-frame.ts";
import { extractEvidence } from "./extract-evidence.ts";
import { compilePatternTable, matchPatterns, type PatternMatch } from "./match-patterns.ts";
import type { NormalizedText } from "./normalize-text.ts";
import { CHILD_PATTERNS } from "./patterns/child-patterns.ts";
import { COERCION_PATTERNS } from "./patterns/coercion-patterns.ts";
import { VIOLENCE_PATTERNS } from "./patterns/violence-patterns.ts";
import { CONDITIONS_PATTERNS } from "./patterns/conditions-patterns.ts";
import { COUNTER_PATTERNS } from "./patterns/counter-patterns.ts";
import { EMERGENCY_PATTERNS } from "./patterns/emergency-patterns.ts";
import type { PatternTable } from "./patterns/pattern-spec.ts";
import { PURPOSE_PATTERNS } from "./patterns/purpose-patterns.ts";
import { RECRUITMENT_PATTERNS } from "./patterns/recruitment-patterns.ts";
import { VULNERABILITY_PATTERNS } from "./patterns/vulnerability-patterns.ts";
import type { IndicatorHit } from "./types.ts";
import { detectForeignIndicators } from "./foreign/detect-foreign-indicators.ts";

/** An indicator hit whose id is a known catalogue id (named when the assessment is put together). */
export type DetectedHit = Omit<IndicatorHit, "name"> & { id: IndicatorId };

export type Detection = {
  hits: DetectedHit[];
  /** PUR-01 phrases in a job offer that has not started yet: a scam-job warning sign, not a hit. */
  scamJobOffer: boolean;
  /** Violence or control by a partner or relative at home, with no work or migration setting. */
  domesticViolence: boolean;
  /** Indicators only mentioned as a what-if or as news ("kalau disekap harus ke mana?"). */
  hypothetical: Set<IndicatorId>;
  /** An SOS word in another language ("socorro", "救命"): the person calls for help now. */
  foreignSos: boolean;
  /** A plea for help in another language ("ayuda", "tulong"): a danger signal. */
  foreignHelp: boolean;
};

export type DetectionContext = { child: ChildStatus; setting: Setting; stage: Stage; language?: string };

const MAIN_TABLE = compilePatternTable(
  mergeTables([
    EMERGENCY_PATTERNS,
    RECRUITMENT_PATTERNS,
    COERCION_PATTERNS,
    VIOLENCE_PATTERNS,
    CONDITIONS_PATTERNS,
    PURPOSE_PATTERNS,
    VULNERABILITY_PATTERNS,
  ]),
);
const COUNTER_TABLE = compilePatternTable(COUNTER_PATTERNS);
const CHILD_TABLE = compilePatternTable(CHILD_PATTERNS);

/** What an emergency phrase means when it is about the past or a what-if rather than now. */
const NOT_NOW: Partial<Record<IndicatorId, IndicatorId>> = {
  "EM-01-held-now": "FL-04-movement",
  "EM-02-injured": "FL-13-health-hazard",
  "EM-03-death-threat": "FL-07-threats",
  "EM-05-recent-sexual-violence": "FL-06-violence",
  "EM-06-about-to-be-sold": "FL-07-threats",
  "EM-07-ransom": "FL-10-cannot-quit",
};
/** Emergencies that are over once the person is home (injury and threats may not be). */
const OVER_WHEN_RETURNED: ReadonlySet<IndicatorId> = new Set([
  "EM-01-held-now",
  "EM-05-recent-sexual-violence",
  "EM-06-about-to-be-sold",
  "EM-07-ransom",
]);
/** Controlling behaviour that, from a partner at home and with no work or migration setting, is domestic violence. */
const DOMESTIC_ONLY: ReadonlySet<IndicatorId> = new Set([
  "FL-04-movement",
  "FL-05-isolation-phone",
  "FL-06-violence",
  "FL-07-threats",
  "FL-08-threat-of-authorities",
  "FL-10-cannot-quit",
  "FL-11-excessive-hours",
  "FL-12-living-conditions",
  "VUL-05-dependency-on-employer",
  "EM-08-safe-to-talk",
]);

/**
 * Finds the catalogue indicators in a normalised message, after negation, counter-statements,
 * time frame (past or what-if emergencies become their non-emergency counterpart), domestic
 * violence and the child rule's extra indicators.
 */
export function detectIndicators(normalized: NormalizedText, context: DetectionContext): Detection {
  const matches = matchPatterns(normalized, MAIN_TABLE);
  // "paspor saya pegang sendiri", "gaji lancar": the text says the indicator is absent.
  const countered = new Set(matchPatterns(normalized, COUNTER_TABLE).map((match) => match.id));
  const domesticOnly = context.setting.domesticPartner && !context.setting.migration && !context.setting.work;
  const hits = new Map<IndicatorId, DetectedHit>();
  let scamJobOffer = false;
  let domesticViolence = false;
  const hypothetical = new Set<IndicatorId>();

  const add = (id: IndicatorId, match: PatternMatch): void => {
    if (hits.has(id) || countered.has(id)) return;
    const entry = findIndicator(id);
    if (entry === undefined) return;
    hits.set(id, {
      id,
      category: entry.category,
      strength: entry.strength,
      evidence: extractEvidence(normalized, match.first, match.last),
    });
  };

  if (context.child.status === "child") {
    for (const match of matchPatterns(normalized, CHILD_TABLE)) add(match.id, match);
  }
  for (const match of matches) {
    const frame = timeFrameOf(match, normalized, context.stage);
    const id = frame === "now" ? match.id : (NOT_NOW[match.id] ?? match.id);
    if (frame === "hypothetical") hypothetical.add(id);
    if (countered.has(match.id)) continue;
    if (domesticOnly && DOMESTIC_ONLY.has(id)) {
      domesticViolence = true;
      continue;
    }
    if (id === "PUR-01-forced-criminality" && context.stage === "pre_departure") {
      scamJobOffer = true;
      continue;
    }
    add(id, match);
    if (id === "CH-03-school-deception") add("DEC-01-job-deception", match);
    if (id === "PUR-02-sexual-exploitation" && context.child.status === "child")
      add("CH-02-child-commercial-sex", match);
    if (id === "CH-02-child-commercial-sex") add("PUR-02-sexual-exploitation", match);
  }
  // Other languages: their own small lexicon, found concepts added like any other hit.
  let foreignSos = false;
  let foreignHelp = false;
  for (const hit of detectForeignIndicators(normalized.original, context.language)) {
    if (hit.id === "SOS") foreignSos = true;
    else if (hit.id === "HELP") foreignHelp = true;
    else if (!hits.has(hit.id) && !countered.has(hit.id)) {
      const entry = findIndicator(hit.id);
      if (entry !== undefined)
        hits.set(hit.id, { id: hit.id, category: entry.category, strength: entry.strength, evidence: hit.evidence });
    }
  }
  return { hits: [...hits.values()], scamJobOffer, domesticViolence, hypothetical, foreignSos, foreignHelp };
}

/** An emergency that is over once the person is home counts as past; otherwise read the sentence. */
function timeFrameOf(match: PatternMatch, normalized: NormalizedText, stage: Stage): TimeFrame {
  if (stage === "returned" && OVER_WHEN_RETURNED.has(match.id)) return "past";
  return detectTimeFrame(normalized, match.first, match.last);
}

function mergeTables(tables: readonly PatternTable[]): PatternTable {
  const merged: PatternTable = {};
  for (const table of tables) {
    for (const [id, specs] of Object.entries(table)) {
      if (specs === undefined || !isIndicatorId(id)) continue;
      merged[id] = [...(merged[id] ?? []), ...specs];
    }
  }
  return merged;
}
