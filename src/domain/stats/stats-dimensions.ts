import { derivePalermoOf } from "./palermo-of.ts";
import type { CaseFact } from "./load-case-facts.ts";

/** The value a fact has when nobody recorded it: counted, so a row or column adds up to its total. */
export const UNKNOWN = "unknown";

/** The programme's sectors of exploitation (issue #17), as stored in a case profile. */
export const SECTORS = [
  "domestic_work",
  "fishing",
  "scam_compound",
  "sex_work",
  "plantation",
  "construction",
  "marriage",
  "organ_removal",
  "other",
] as const;
export const RECRUITMENT_CHANNELS = ["calo_sponsor", "agency", "social_media", "family_acquaintance", "other"] as const;
export const PLATFORMS = ["facebook", "tiktok", "instagram", "whatsapp", "telegram", "other"] as const;
export const JOB_AD_PATTERNS = ["admin_online", "tourist_visa", "lpk_internship", "other"] as const;
export const AGE_BANDS = ["0-11", "12-17", "18-24", "25-34", "35-44", "45+"] as const;
export const GENDERS = ["female", "male", "other"] as const;
export const REPLY_BANDS = ["15m", "1h", "4h", "24h", "more", "none"] as const;
export const CLOSE_BANDS = ["7d", "30d", "90d", "more", "open"] as const;

/**
 * An attribute a statistic may be broken down by: a single-valued one reads one value per fact (`one`), a
 * multi-valued one any number (`of`). The index (index-facts.ts) reads `one` without a list per fact.
 */
type Dimension =
  | { multi: false; one: (fact: CaseFact) => string }
  | { multi: true; of: (fact: CaseFact) => readonly string[] };

const known = (value: string | null) => value ?? UNKNOWN;

/** Palermo elements per set of indicators: 50,000 tickets share a few hundred sets. */
const palermoBySet = new Map<string, string[]>();
function palermoOf(indicators: readonly string[]): string[] {
  const key = indicators.join("\u0000");
  let found = palermoBySet.get(key);
  if (!found) {
    if (palermoBySet.size > 10_000) palermoBySet.clear();
    palermoBySet.set(key, (found = derivePalermoOf(indicators)));
  }
  return found;
}

/** Every attribute a statistic may be broken down by. Quasi-identifiers are generalised (bands, years). */
export const DIMENSIONS = {
  month: { multi: false, one: (f) => f.month },
  year: { multi: false, one: (f) => f.year },
  type: { multi: false, one: (f) => f.type },
  priority: { multi: false, one: (f) => f.priority },
  channel: { multi: false, one: (f) => f.channel },
  language: { multi: false, one: (f) => f.locale },
  child: { multi: false, one: (f) => (f.child ? "yes" : "no") },
  indicator: { multi: true, of: (f) => f.indicators },
  palermo: { multi: true, of: (f) => f.palermo ?? palermoOf(f.indicators) },
  sector: { multi: false, one: (f) => known(f.sector) },
  destination: { multi: false, one: (f) => known(f.destination) },
  origin: { multi: false, one: (f) => known(f.origin) },
  recruitment_channel: { multi: false, one: (f) => known(f.recruitmentChannel) },
  platform: { multi: false, one: (f) => known(f.platform) },
  job_ad: { multi: false, one: (f) => known(f.jobAdPattern) },
  age_band: { multi: false, one: (f) => known(f.ageBand) },
  gender: { multi: false, one: (f) => known(f.gender) },
  need: { multi: true, of: (f) => f.needs },
  first_reply: { multi: false, one: (f) => replyBand(f.firstReplyMinutes) },
  time_to_close: { multi: false, one: (f) => closeBand(f.closeDays) },
  status: { multi: false, one: (f) => f.status },
  /** a referral's partner and outcome, as one value "partner␀status" (published as two attributes) */
  referral: { multi: true, of: (f) => f.referrals.map((r) => `${r.partner}\u0000${r.status}`) },
  /** the normalised names of the recruiters a ticket names (counted on the recruitment page, never exported) */
  recruiter: { multi: true, of: (f) => f.recruiters },
  /** a delivered service and its status, as one value "service␀status" */
  service: { multi: true, of: (f) => f.services.map((s) => `${s.service}\u0000${s.status}`) },
} satisfies Record<string, Dimension>;
export type DimensionId = keyof typeof DIMENSIONS;

/**
 * A published table: up to REPORTING_LENGTH attributes. `dims` are the dimensions counted (a pair such as
 * a referral's partner and outcome is one dimension whose value holds both), `dimensions` the attributes
 * published (one per position of a cell's key).
 */
export type TableSpec = {
  id: string;
  dims: DimensionId[];
  dimensions: string[];
  /** single-valued attributes: the positions along which a slice adds up (complementary suppression) */
  partitions: number[];
};

function product(ids: DimensionId[]): TableSpec {
  return {
    id: ids.join("_by_"),
    dims: ids,
    dimensions: ids,
    partitions: ids.flatMap((id, i) => (DIMENSIONS[id].multi ? [] : [i])),
  };
}

/** The tables of the statistics page, the API and the aggregate export (issue #17, item 1). */
export const TABLES: TableSpec[] = [
  product(["month", "type"]),
  product(["month", "priority"]),
  product(["month", "channel"]),
  product(["indicator"]),
  product(["palermo"]),
  product(["sector"]),
  product(["sector", "indicator"]),
  product(["destination"]),
  product(["year", "destination"]),
  product(["origin"]),
  product(["origin", "destination"]),
  product(["recruitment_channel"]),
  product(["recruitment_channel", "platform"]),
  product(["job_ad"]),
  product(["year", "recruitment_channel"]),
  product(["year", "platform"]),
  product(["year", "job_ad"]),
  product(["job_ad", "destination"]),
  product(["child"]),
  product(["child", "sector"]),
  product(["age_band", "gender"]),
  product(["language"]),
  product(["need"]),
  {
    id: "referral_partner_by_referral_status",
    dims: ["referral"],
    dimensions: ["referral_partner", "referral_status"],
    partitions: [],
  },
  { id: "service_by_service_status", dims: ["service"], dimensions: ["service", "service_status"], partitions: [] },
  product(["priority", "first_reply"]),
  product(["time_to_close"]),
];

/** The recruiters named in reports: the recruitment page's figures for non-admins, under the same guard. */
export const RECRUITER_TABLE: TableSpec = product(["recruiter"]);

export function findTable(id: string): TableSpec | undefined {
  return TABLES.find((table) => table.id === id);
}

function replyBand(minutes: number | null): string {
  if (minutes === null) return "none";
  if (minutes <= 15) return "15m";
  if (minutes <= 60) return "1h";
  if (minutes <= 240) return "4h";
  if (minutes <= 1440) return "24h";
  return "more";
}

function closeBand(days: number | null): string {
  if (days === null) return "open";
  if (days <= 7) return "7d";
  if (days <= 30) return "30d";
  if (days <= 90) return "90d";
  return "more";
}
