import type { StatsRule } from "./apply-privacy-rule.ts";
import type { CaseFact } from "./load-case-facts.ts";
import {
  AGE_BANDS,
  GENDERS,
  JOB_AD_PATTERNS,
  PLATFORMS,
  RECRUITMENT_CHANNELS,
  SECTORS,
  UNKNOWN,
} from "./stats-dimensions.ts";
import type { StatsFilter } from "./stats-filter.ts";
import { toCsv } from "./to-csv.ts";

/** Indonesian provinces by region: the origin is published only as its region (a generalised quasi-identifier). */
const REGIONS: Record<string, string[]> = {
  Sumatera: [
    "Aceh",
    "Sumatera Utara",
    "Sumatera Barat",
    "Riau",
    "Kepulauan Riau",
    "Jambi",
    "Sumatera Selatan",
    "Kepulauan Bangka Belitung",
    "Bengkulu",
    "Lampung",
  ],
  Jawa: ["DKI Jakarta", "Banten", "Jawa Barat", "Jawa Tengah", "DI Yogyakarta", "Jawa Timur"],
  "Bali dan Nusa Tenggara": ["Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur"],
  Kalimantan: ["Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur", "Kalimantan Utara"],
  Sulawesi: [
    "Sulawesi Utara",
    "Gorontalo",
    "Sulawesi Tengah",
    "Sulawesi Barat",
    "Sulawesi Selatan",
    "Sulawesi Tenggara",
  ],
  "Maluku dan Papua": [
    "Maluku",
    "Maluku Utara",
    "Papua",
    "Papua Barat",
    "Papua Barat Daya",
    "Papua Tengah",
    "Papua Pegunungan",
    "Papua Selatan",
  ],
};
const REGION_OF = new Map(
  Object.entries(REGIONS).flatMap(([region, list]) => list.map((p) => [p.toLowerCase(), region])),
);

/** Indicator → HTCDS "means of control". */
const CONTROL: Record<string, string> = {
  "FL-03-debt-bondage": "debt_bondage",
  "FL-02-wages-withheld": "takes_earnings",
  "FL-07-threats": "threats",
  "EM-03-death-threat": "threats",
  "FL-06-violence": "physical_abuse",
  "EM-05-recent-sexual-violence": "sexual_abuse",
  "FL-08-threat-of-authorities": "threat_of_law_enforcement",
  "FL-04-movement": "restricts_movement",
  "EM-01-held-now": "restricts_movement",
  "FL-01-documents": "withholds_documents",
  "FL-05-isolation-phone": "restricts_communication",
  "FL-11-excessive-hours": "excessive_working_hours",
  "FL-09-quota-punishment": "quota_punishment",
  "VUL-05-dependency-on-employer": "controls_necessities",
  "DEC-01-job-deception": "false_promises",
  "DEC-02-wage-deception": "false_promises",
};
/** Sector or purpose indicator → HTCDS "type of exploitation". */
const EXPLOITATION_OF_SECTOR: Record<string, string> = {
  sex_work: "sexual_exploitation",
  marriage: "forced_marriage",
  organ_removal: "organ_removal",
  scam_compound: "forced_criminality",
};
const EXPLOITATION_OF_INDICATOR: Record<string, string> = {
  "PUR-01-forced-criminality": "forced_criminality",
  "PUR-02-sexual-exploitation": "sexual_exploitation",
  "CH-02-child-commercial-sex": "sexual_exploitation",
  "PUR-03-forced-marriage": "forced_marriage",
  "CH-04-child-marriage": "forced_marriage",
  "PUR-04-organ-removal": "organ_removal",
};

/** One field of the HTCDS-aligned export, described for its data dictionary. */
export type DictionaryField = {
  name: string;
  type: "integer" | "string" | "boolean" | "array";
  description: string;
  htcds: string;
  quasiIdentifier: boolean;
  values?: readonly string[];
};

/** The data dictionary: every column of the record-level export, in order (issue #17, item 3). */
export const HTCDS_DICTIONARY: DictionaryField[] = [
  {
    name: "yearOfRegistration",
    type: "integer",
    description: "Year the case was opened (Asia/Jakarta)",
    htcds: "yearOfRegistration",
    quasiIdentifier: true,
  },
  {
    name: "ageBand",
    type: "string",
    description: "Age band when registered",
    htcds: "ageBroad",
    quasiIdentifier: true,
    values: [...AGE_BANDS, UNKNOWN, "withheld"],
  },
  {
    name: "majorityStatus",
    type: "string",
    description: "Minor (under 18) or adult, from the screening",
    htcds: "majorityStatus",
    quasiIdentifier: true,
    values: ["minor", "adult"],
  },
  {
    name: "gender",
    type: "string",
    description: "Gender, as given",
    htcds: "gender",
    quasiIdentifier: true,
    values: [...GENDERS, UNKNOWN, "withheld"],
  },
  {
    name: "citizenship",
    type: "string",
    description: "Citizenship, ISO 3166-1 alpha-2, unknown or withheld",
    htcds: "citizenship",
    quasiIdentifier: true,
  },
  {
    name: "regionOfOrigin",
    type: "string",
    description: "Region of Indonesia of the province of origin",
    htcds: "regionOfOrigin",
    quasiIdentifier: true,
    values: [...Object.keys(REGIONS), UNKNOWN, "withheld"],
  },
  {
    name: "countryOfExploitation",
    type: "string",
    description: "Country where the person was exploited or taken (English name), unknown or withheld",
    htcds: "countryOfExploitation",
    quasiIdentifier: true,
  },
  {
    name: "caseType",
    type: "string",
    description: "What the person asked for",
    htcds: "victimContext",
    quasiIdentifier: false,
    values: ["victim_assistance", "emergency", "family_tracing", "talk_to_person"],
  },
  {
    name: "typeOfExploitation",
    type: "array",
    description: "Types of exploitation",
    htcds: "typeOfExploitation",
    quasiIdentifier: false,
    values: ["forced_labour", "sexual_exploitation", "forced_criminality", "forced_marriage", "organ_removal"],
  },
  {
    name: "sector",
    type: "string",
    description: "Sector of exploitation",
    htcds: "typeOfLabour",
    quasiIdentifier: false,
    values: [...SECTORS, UNKNOWN],
  },
  {
    name: "meansOfControl",
    type: "array",
    description: "Methods of control reported",
    htcds: "meansOfControl",
    quasiIdentifier: false,
    values: [...new Set(Object.values(CONTROL))],
  },
  {
    name: "recruitmentType",
    type: "string",
    description: "How the person was recruited",
    htcds: "recruitmentType",
    quasiIdentifier: false,
    values: [...RECRUITMENT_CHANNELS, UNKNOWN],
  },
  {
    name: "recruitmentPlatform",
    type: "string",
    description: "Online platform of the recruitment",
    htcds: "recruitmentApp",
    quasiIdentifier: false,
    values: [...PLATFORMS, UNKNOWN],
  },
  {
    name: "jobAdPattern",
    type: "string",
    description: "Pattern of the job offer",
    htcds: "recruiterRelationship",
    quasiIdentifier: false,
    values: [...JOB_AD_PATTERNS, UNKNOWN],
  },
  {
    name: "referred",
    type: "boolean",
    description: "Referred to a partner organisation",
    htcds: "referral",
    quasiIdentifier: false,
  },
  {
    name: "servicesReceived",
    type: "array",
    description: "Direct-assistance services delivered",
    htcds: "servicesReceived",
    quasiIdentifier: false,
  },
  {
    name: "consentToShare",
    type: "boolean",
    description: "The person consented to sharing the case with partners",
    htcds: "consent",
    quasiIdentifier: false,
  },
];

export type HtcdsRecord = {
  yearOfRegistration: number;
  ageBand: string;
  majorityStatus: string;
  gender: string;
  citizenship: string;
  regionOfOrigin: string;
  countryOfExploitation: string;
  caseType: string;
  typeOfExploitation: string[];
  sector: string;
  meansOfControl: string[];
  recruitmentType: string;
  recruitmentPlatform: string;
  jobAdPattern: string;
  referred: boolean;
  servicesReceived: string[];
  consentToShare: boolean;
};

const QUASI_IDENTIFIERS = HTCDS_DICTIONARY.filter((f) => f.quasiIdentifier).map((f) => f.name) as (keyof HtcdsRecord)[];

function toRecord(fact: CaseFact): HtcdsRecord {
  const exploitation = new Set<string>();
  if (fact.sector && EXPLOITATION_OF_SECTOR[fact.sector]) exploitation.add(EXPLOITATION_OF_SECTOR[fact.sector]!);
  for (const id of fact.indicators) if (EXPLOITATION_OF_INDICATOR[id]) exploitation.add(EXPLOITATION_OF_INDICATOR[id]!);
  if (fact.indicators.some((id) => id.startsWith("FL-")) && !exploitation.size) exploitation.add("forced_labour");
  return {
    yearOfRegistration: Number(fact.year),
    ageBand: fact.ageBand ?? UNKNOWN,
    majorityStatus: fact.child ? "minor" : "adult",
    gender: fact.gender ?? UNKNOWN,
    citizenship: fact.citizenship ?? UNKNOWN,
    regionOfOrigin: (fact.origin && REGION_OF.get(fact.origin.toLowerCase())) ?? UNKNOWN,
    countryOfExploitation: fact.destination ?? UNKNOWN,
    caseType: fact.type,
    typeOfExploitation: [...exploitation].sort(),
    sector: fact.sector ?? UNKNOWN,
    meansOfControl: [...new Set(fact.indicators.flatMap((id) => (CONTROL[id] ? [CONTROL[id]] : [])))].sort(),
    recruitmentType: fact.recruitmentChannel ?? UNKNOWN,
    recruitmentPlatform: fact.platform ?? UNKNOWN,
    jobAdPattern: fact.jobAdPattern ?? UNKNOWN,
    referred: fact.referrals.length > 0,
    servicesReceived: [...new Set(fact.services.map((s) => s.service))].sort(),
    consentToShare: fact.consentShare || fact.referrals.some((r) => r.consent),
  };
}

/** The value of a quasi-identifier generalised away for a record that would otherwise stand out. */
export const WITHHELD = "withheld";
/** The order in which quasi-identifiers are withheld for records in groups that are still too small. */
const GENERALISE = ["citizenship", "ageBand", "gender", "regionOfOrigin", "countryOfExploitation"] as const;

/**
 * The record-level export, k-anonymised: one record per victim case (recruiter reports are not victim
 * cases), quasi-identifiers generalised (age band, gender, citizenship, region, country, year). A record
 * whose combination of quasi-identifiers is shared by fewer than `minGroup` people has them withheld one by
 * one (citizenship, age band, gender, region, country) until its group is large enough; a record still
 * alone after that is left out. Every combination in the file is then shared by `minGroup` people or more.
 *
 * The records are made from every victim case, whatever the filter, and the filter then picks records by
 * what they publish: the year of registration (a period counts as its whole years) and the country of
 * exploitation. A filtered file is thus a part of the whole file anyone can cut from it, and two files
 * subtracted reveal nothing the whole file does not (a filter by month, channel or province would: those are
 * not in the records, so the record file ignores them; `htcdsFilter` says what it applied).
 */
export function buildHtcdsRecords(
  facts: readonly CaseFact[],
  filter: StatsFilter,
  rule: StatsRule,
): { records: HtcdsRecord[]; suppressed: number } {
  let pending = facts
    .filter((fact) => fact.type !== "recruiter_report")
    .map((fact) => ({ person: fact.person, record: toRecord(fact) }));
  const records: HtcdsRecord[] = [];
  for (let level = 0; level <= GENERALISE.length && pending.length; level++) {
    for (const entry of pending)
      if (level > 0) (entry.record as Record<string, unknown>)[GENERALISE[level - 1]!] = WITHHELD;
    const groups = new Map<string, { people: Set<string>; entries: typeof pending }>();
    for (const entry of pending) {
      const key = QUASI_IDENTIFIERS.map((name) => String(entry.record[name])).join("\u0000");
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { people: new Set(), entries: [] }));
      group.people.add(entry.person);
      group.entries.push(entry);
    }
    pending = [];
    for (const group of groups.values()) {
      if (group.people.size >= rule.minGroup) records.push(...group.entries.map((e) => e.record));
      else pending.push(...group.entries);
    }
  }
  const applied = htcdsFilter(filter);
  const country = applied.country?.trim().toLowerCase();
  const picked = records.filter(
    (r) =>
      (!applied.from || r.yearOfRegistration >= Number(applied.from.slice(0, 4))) &&
      (!applied.to || r.yearOfRegistration <= Number(applied.to.slice(0, 4))) &&
      (!country || r.countryOfExploitation.toLowerCase() === country),
  );
  // No order that could be matched back to the case list (creation order): sorted by content.
  picked.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { records: picked, suppressed: pending.length };
}

/** The part of a filter the record file applies: whole years of the period, and the destination country. */
export function htcdsFilter(filter: StatsFilter): StatsFilter {
  return {
    ...(filter.from ? { from: `${filter.from.slice(0, 4)}-01` } : {}),
    ...(filter.to ? { to: `${filter.to.slice(0, 4)}-12` } : {}),
    ...(filter.country ? { country: filter.country } : {}),
  };
}

export function htcdsToCsv(records: readonly HtcdsRecord[]): string {
  const names = HTCDS_DICTIONARY.map((field) => field.name) as (keyof HtcdsRecord)[];
  return toCsv(
    names,
    records.map((record) =>
      names.map((name) => {
        const value = record[name];
        return Array.isArray(value) ? value.join(";") : String(value);
      }),
    ),
  );
}
