import type { HelpContact } from "./help-contacts.ts";

export type HelpLineAudience = "in_indonesia" | "from_abroad" | "local";
export type HelpLineReview = "public_sources" | "verified" | "hidden";

/**
 * One help line as the HelpLine table keeps it (the fields the bot and the console use): seeded from the
 * researched lists, then kept by admins.
 */
export type HelpLine = {
  id: string;
  /** ISO 3166-1 alpha-2; `ID` for Indonesia's own services */
  country: string;
  audience: HelpLineAudience;
  kind: string;
  nameId: string;
  nameEn: string;
  phone: string | null;
  phoneFromAbroad: string | null;
  whatsapp: string | null;
  hours: string | null;
  caveatId: string | null;
  caveatEn: string | null;
  source: string | null;
  confidence: string;
  freshness: string;
  review: HelpLineReview;
  verifiedOn: Date | null;
  position: number;
};

/**
 * Kinds of line, in the order a person in danger abroad needs a country's own: local emergency first, then
 * the Indonesian mission (the first six), then the services of the national list.
 */
export const HELP_LINE_KINDS = [
  "emergency",
  "police",
  "embassy_hotline",
  "consulate_hotline",
  "anti_trafficking_hotline",
  "labour_hotline",
  "national_service",
  "women_children",
  "migrant_workers",
  "citizens_abroad",
  "victim_protection",
  "mental_health",
] as const;

/** Ratings of research that may be shown before an admin confirms a line. */
const TRUSTED = new Set(["official", "reputable-secondary"]);

export const hasNumber = (line: Pick<HelpLine, "phone" | "phoneFromAbroad" | "whatsapp">) =>
  Boolean(line.phone || line.phoneFromAbroad || line.whatsapp);

/**
 * Whether people are given the line: an admin confirmed it; or nobody looked yet and public sources rate it
 * well (seen on an official channel or by a reputable outlet) and it is not stale. Unconfirmed and stale
 * numbers wait for an admin; a line without a number (an app) cannot go stale. Hidden lines never show.
 */
export function isShown(
  line: Pick<HelpLine, "review" | "confidence" | "freshness" | "phone" | "phoneFromAbroad" | "whatsapp">,
): boolean {
  if (line.review === "verified") return true;
  if (line.review === "hidden") return false;
  return TRUSTED.has(line.confidence) && (line.freshness !== "stale" || !hasNumber(line));
}

/** Why a line is or is not shown, for the console: the state an admin sees next to it. */
export type HelpLineVisibility = "verified" | "public_sources" | "waiting" | "hidden";

export function visibilityOf(line: HelpLine): HelpLineVisibility {
  if (line.review === "verified") return "verified";
  if (line.review === "hidden") return "hidden";
  return isShown(line) ? "public_sources" : "waiting";
}

/**
 * The line as people are given it. An Indonesian line given to someone abroad keeps only what can be
 * dialled from there: the full international number and WhatsApp (a short code such as 129 cannot).
 */
export function toHelpContact(line: HelpLine, abroad = false): HelpContact {
  const contact: HelpContact = { id: line.id, name: { id: line.nameId, en: line.nameEn }, scope: line.kind };
  if (line.audience === "local") contact.country = line.country;
  const indonesianAbroad = abroad && line.country === "ID";
  if (line.phone && !indonesianAbroad) contact.phone = line.phone;
  if (line.phoneFromAbroad) contact.phoneFromAbroad = line.phoneFromAbroad;
  if (line.whatsapp) contact.whatsapp = line.whatsapp;
  if (line.hours) contact.hours = line.hours;
  if (line.caveatId && line.caveatEn) contact.caveat = { id: line.caveatId, en: line.caveatEn };
  return contact;
}
