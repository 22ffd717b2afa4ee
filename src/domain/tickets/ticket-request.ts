import type { Channel } from "../../db/generated/client.ts";
import { Priority, TicketType } from "../../db/generated/enums.ts";
import type { Assessment } from "../screening/index.ts";

export type { Priority, TicketType };

/** Every ticket type, from the schema's enum (one list, not a copy). */
export const TICKET_TYPES: readonly TicketType[] = Object.values(TicketType);
/** Every priority, most urgent first (the schema's order). */
export const PRIORITIES: readonly Priority[] = Object.values(Priority);

/** Kinds of help a person can ask for (IOM direct-assistance categories), as stored on the ticket. */
export const NEEDS = [
  "shelter",
  "health",
  "legal",
  "going_home",
  "counselling",
  "livelihood",
  "education",
  "family_counselling",
  "escort",
] as const;
export type Need = (typeof NEEDS)[number];

export const CONTACT_METHODS = ["this_chat", "call", "message", "wait_for_me"] as const;
/** Times of day in the person's own time zone (SafeContact.timeZone); "night" is late night, when others sleep. */
export const CONTACT_TIMES = ["morning", "afternoon", "evening", "night", "any"] as const;

/** When and how a caseworker may safely reach the person; the number only when they gave one. */
export type SafeContact = {
  method?: (typeof CONTACT_METHODS)[number];
  time?: (typeof CONTACT_TIMES)[number];
  number?: string;
  /** the IANA time zone the times are in (the person's, from their country), e.g. "Asia/Riyadh" */
  timeZone?: string;
};

/** What a flow knows when it asks for a ticket. Everything is optional except the type. */
export type TicketRequest = {
  type: TicketType;
  /** the screening assessment of what the person wrote and answered */
  assessment?: Assessment;
  /** a floor for the priority (the assessment's priority counts too; the higher wins) */
  priority?: Priority;
  needs?: readonly Need[];
  safeContact?: SafeContact;
  /** a form's answers (tracing, recruiter report): field id → the person's words */
  details?: Readonly<Record<string, string>>;
  /** a recruiter or agency named in a report: counted across reports under a normalised key */
  recruiterName?: string;
  /** consent to share the case with a partner organisation, when the flow asked */
  consentShare?: boolean;
  /** where the person is (ISO 3166-1 alpha-2), when they said or it was read from their words */
  country?: string;
  /**
   * No consent to store what the person writes: an urgent ticket on vital interests (UU PDP Pasal
   * 20(2)(d)) keeps only what a caseworker needs to act (indicator ids, language, channel, a link to the
   * conversation) and none of the person's words.
   */
  minimal?: boolean;
};

/** Who the ticket is for: set by the conversation service, never by a flow. */
export type TicketScope = { contactId: string; conversationId: string; channel: Channel; locale: string };

export type OpenedTicket = {
  status: "created" | "updated";
  id: string;
  reference: string;
  type: TicketType;
  priority: Priority;
  indicatorIds: string[];
};

const PRIORITY_RANK: Record<Priority, number> = { urgent: 3, high: 2, normal: 1, low: 0 };
const RISK_RANK: Record<string, number> = { high: 3, medium: 2, low: 1, none: 0 };

/** The most pressing of the priorities given (low when none is). */
export function maxPriority(...priorities: (Priority | undefined | null)[]): Priority {
  return priorities.reduce<Priority>((best, p) => (p && PRIORITY_RANK[p] > PRIORITY_RANK[best] ? p : best), "low");
}

export function maxRisk<R extends string>(a: R, b: R): R {
  return (RISK_RANK[b] ?? 0) > (RISK_RANK[a] ?? 0) ? b : a;
}
