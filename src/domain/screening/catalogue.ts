import { z } from "zod";
import indicatorsJson from "./indicators.json" with { type: "json" };

/**
 * The indicator catalogue the product ships (a copy of the shared `indicators.json`), parsed once at
 * module load so a broken file fails at start-up with zod's message instead of misbehaving later.
 */
export const INDICATOR_IDS = [
  "EM-01-held-now",
  "EM-02-injured",
  "EM-03-death-threat",
  "EM-04-self-harm",
  "EM-05-recent-sexual-violence",
  "EM-06-about-to-be-sold",
  "EM-07-ransom",
  "EM-08-safe-to-talk",
  "CH-01-under-18",
  "CH-02-child-commercial-sex",
  "CH-03-school-deception",
  "CH-04-child-marriage",
  "ACT-01-recruitment-channel",
  "ACT-02-travel-arranged",
  "ACT-03-held-before-departure",
  "DEC-01-job-deception",
  "DEC-02-wage-deception",
  "DEC-03-contract",
  "DEC-04-fees-and-loans",
  "DEC-05-romance-marriage-lure",
  "FL-01-documents",
  "FL-02-wages-withheld",
  "FL-03-debt-bondage",
  "FL-04-movement",
  "FL-05-isolation-phone",
  "FL-06-violence",
  "FL-07-threats",
  "FL-08-threat-of-authorities",
  "FL-09-quota-punishment",
  "FL-10-cannot-quit",
  "FL-11-excessive-hours",
  "FL-12-living-conditions",
  "FL-13-health-hazard",
  "FL-14-fishing-vessel",
  "PUR-01-forced-criminality",
  "PUR-02-sexual-exploitation",
  "PUR-03-forced-marriage",
  "PUR-04-organ-removal",
  "VUL-01-visa-status",
  "VUL-02-unknown-place",
  "VUL-03-economic-pressure",
  "VUL-04-prior-exploitation",
  "VUL-05-dependency-on-employer",
] as const;

export const IndicatorId = z.enum(INDICATOR_IDS);
export type IndicatorId = z.infer<typeof IndicatorId>;

export const Indicator = z.object({
  id: IndicatorId,
  category: z.enum(["emergency", "child", "act", "means", "forced_labour", "purpose", "vulnerability"]),
  strength: z.enum(["strong", "medium", "weak"]),
  ilo: z.number().int().min(1).max(11).nullable(),
  dimension: z.string().min(1),
  /** The question in English. */
  en: z.string().min(1),
  /** The question in Indonesian (ISO 639-2 "ind"). */
  ind: z.string().min(1),
  keywords_id: z.array(z.string()),
  keywords_en: z.array(z.string()),
  source: z.string(),
});
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorCatalogue = z
  .array(Indicator)
  .refine((list) => new Set(list.map((item) => item.id)).size === INDICATOR_IDS.length, {
    message: `indicators.json must hold each of the ${INDICATOR_IDS.length} known ids exactly once`,
  });

/** All indicators, in catalogue order. */
export const INDICATORS: readonly Indicator[] = IndicatorCatalogue.parse(indicatorsJson);

const BY_ID = new Map<string, Indicator>(INDICATORS.map((item) => [item.id, item]));

/** The catalogue entry for an id, or undefined for an unknown id (e.g. a stale answer key). */
export function findIndicator(id: string): Indicator | undefined {
  return BY_ID.get(id);
}

/** Narrows a string to a known indicator id. */
export function isIndicatorId(id: string): id is IndicatorId {
  return BY_ID.has(id);
}
