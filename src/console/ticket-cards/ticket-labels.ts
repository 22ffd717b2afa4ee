import { OUTCOMES } from "../../casework/change-status.ts";
import { CONTACT_METHODS, CONTACT_TIMES } from "../../domain/tickets/ticket-request.ts";
import type { Tr } from "../layout.tsx";

export const SAFE_VALUES: readonly string[] = [...CONTACT_METHODS, ...CONTACT_TIMES];
const NEEDS = [
  "shelter",
  "health",
  "legal",
  "going_home",
  "counselling",
  "livelihood",
  "education",
  "family_counselling",
  "escort",
];

/** A need or service in the console's language; one the console does not know is shown as written. */
export function needLabel(tr: Tr, need: string): string {
  return NEEDS.includes(need) ? tr(`needs.${need}`) : need;
}

export const SAFE_KEYS = { method: 1, time: 1, number: 1, timeZone: 1 } as const;
export const EVENT_KEYS = {
  service_recorded: 1,
  service_updated: 1,
  follow_up_set: 1,
  follow_up_done: 1,
  tags_set: 1,
  ticket_linked: 1,
  created: 1,
  updated: 1,
  claimed: 1,
  released: 1,
  reassigned: 1,
  status_changed: 1,
  note_added: 1,
  referred: 1,
  referral_updated: 1,
  message_sent: 1,
  handed_back: 1,
  erased: 1,
  reopened: 1,
  erasure_requested: 1,
  share_consent_requested: 1,
  share_consent_answered: 1,
  share_consent_replaced: 1,
} as const;

export function outcomeLabel(tr: Tr, outcome: string): string {
  const [code, ...rest] = outcome.split(": ");
  const known = (OUTCOMES as readonly string[]).includes(code ?? "");
  return known ? [tr(`outcomes.${code}`), rest.join(": ")].filter(Boolean).join(": ") : outcome;
}

/** The form behind a ticket type's details, for their labels (`<form>:field.<id>.label` and its options). */
const FORM_OF_TYPE: Record<string, "tracing" | "report"> = { family_tracing: "tracing", recruiter_report: "report" };
/** Each form's fields, and the option ids a choice field stores. */
const FORM_FIELDS: Record<"tracing" | "report", Record<string, readonly string[]>> = {
  tracing: {
    name: [],
    other_names: [],
    sex: ["female", "male"],
    age: [],
    hometown: [],
    parents: [],
    last_date: [],
    last_channel: ["whatsapp", "facebook", "tiktok", "phone", "other"],
    last_place: [],
    employer: [],
    circumstances: [],
    relationship: ["parent", "child", "sibling", "spouse", "relative", "friend"],
    safe_contact: [],
    share: ["yes", "no"],
  },
  report: {
    recruiter: [],
    source: ["whatsapp", "facebook", "tiktok", "calo", "other"],
    destination: [],
    job: [],
    fee: [],
    visa: ["work", "tourist", "umrah", "none", "unknown"],
    story: [],
  },
};

/** A detail's name for people ("Last heard from", not `last_date`); one the console does not know, as written. */
export function detailLabel(tr: Tr, ticketType: string, key: string): string {
  const form = FORM_OF_TYPE[ticketType];
  if (form && key in FORM_FIELDS[form]) return tr(`details.${form}.${key}`);
  return key === "story" ? tr("details.story") : key.replace(/_/g, " ");
}

/** A detail's value: an option by its label ("Brother/sister", not `sibling`), anything else as written. */
export function detailValue(tr: Tr, ticketType: string, key: string, value: unknown): string {
  if (typeof value !== "string") return JSON.stringify(value);
  const form = FORM_OF_TYPE[ticketType];
  const options = form ? FORM_FIELDS[form][key] : undefined;
  return form && options?.includes(value) ? tr("details.option", { ns: form, field: key, value }) : value;
}

/** A consent's scope in words ("Storing what they tell us", "Sharing their case with Yayasan X"). */
export function consentScopeLabel(tr: Tr, scope: string, partners: readonly { id: string; name: string }[]): string {
  if (scope === "store") return tr("consent_scopes.store");
  if (scope === "share:any") return tr("consent_scopes.share_any");
  if (scope.startsWith("share:")) {
    const partner = partners.find((p) => p.id === scope.slice("share:".length));
    return partner ? tr("consent_scopes.share_partner", { partner: partner.name }) : tr("consent_scopes.share_one");
  }
  return scope.replace(/[_:]/g, " ");
}
