import source from "./contacts.json" with { type: "json" };
import type { Locale } from "../../i18n/create-i18n.ts";

/** A help or emergency contact, from ../shared/domain/contacts.json (copied as `contacts.json`). */
export type HelpContact = {
  id: string;
  name: Record<Locale, string>;
  phone?: string;
  phoneFromAbroad?: string;
  whatsapp?: string;
  hours?: string;
  scope: string;
  caveat?: Record<Locale, string>;
  /** where the line works (ISO 3166 code) when it is a country's own line */
  country?: string;
};

type Raw = (typeof source.contacts)[number] & { phone_from_abroad?: string; caveat?: Record<Locale, string> };

/** Only verified entries are ever shown to people; unverified ones wait for the operator to confirm them. */
export const HELP_CONTACTS: readonly HelpContact[] = (source.contacts as Raw[])
  .filter((c) => c.verified)
  .map((c) => ({
    id: c.id,
    name: c.name,
    scope: c.scope,
    ...(c.phone ? { phone: c.phone } : {}),
    ...(c.phone_from_abroad ? { phoneFromAbroad: c.phone_from_abroad } : {}),
    ...(c.whatsapp ? { whatsapp: c.whatsapp } : {}),
    ...(c.hours ? { hours: c.hours } : {}),
    ...(c.caveat ? { caveat: c.caveat } : {}),
  }));

/** The contacts to give at once when someone is in danger. */
export const EMERGENCY_SCOPES = ["emergency", "women_children", "citizens_abroad", "migrant_workers"] as const;
