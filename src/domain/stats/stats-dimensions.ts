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

type Dimension = {
  /** the values a fact has: one for a single-valued attribute, any number for a multi-valued one */
  of: (fact: CaseFact) => string[];
  multi: boolean;
};

const one = (value: string | null) => [value ?? UNKNOWN];

/** Every attribute a statistic may be broken down by. Quasi-identifiers are generalised (bands, years). */
export const DIMENSIONS = {
  month: { of: (f) => [f.month], multi: false },
  year: { of: (f) => [f.year], multi: false },
  type: { of: (f) => [f.type], multi: false },
  priority: { of: (f) => [f.priority], multi: false },
  channel: { of: (f) => [f.channel], multi: false },
  language: { of: (f) => [f.locale], multi: false },
  child: { of: (f) => [f.child ? "yes" : "no"], multi: false },
  indicator: { of: (f) => f.indicators, multi: true },
  palermo: { of: (f) => derivePalermoOf(f.indicators), multi: true },
  sector: { of: (f) => one(f.sector), multi: false },
  destination: { of: (f) => one(f.destination), multi: false },
  origin: { of: (f) => one(f.origin), multi: false },
  recruitment_channel: { of: (f) => one(f.recruitmentChannel), multi: false },
  platform: { of: (f) => one(f.platform), multi: false },
  job_ad: { of: (f) => one(f.jobAdPattern), multi: false },
  age_band: { of: (f) => one(f.ageBand), multi: false },
  gender: { of: (f) => one(f.gender), multi: false },
  need: { of: (f) => f.needs, multi: true },
  first_reply: { of: (f) => [replyBand(f.firstReplyMinutes)], multi: false },
  time_to_close: { of: (f) => [closeBand(f.closeDays)], multi: false },
  status: { of: (f) => [f.status], multi: false },
  /** a referral's partner and outcome, as one value "partner␀status" (published as two attributes) */
  referral: { of: (f) => f.referrals.map((r) => `${r.partner}\u0000${r.status}`), multi: true },
  /** the normalised names of the recruiters a ticket names (counted on the recruitment page, never exported) */
  recruiter: { of: (f) => f.recruiters, multi: true },
  /** a delivered service and its status, as one value "service␀status" */
  service: { of: (f) => f.services.map((s) => `${s.service}\u0000${s.status}`), multi: true },
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
