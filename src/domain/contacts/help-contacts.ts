import type { Locale } from "../../i18n/create-i18n.ts";

/** A help or emergency line as people are given it (see help-line.ts for how the HelpLine table holds it). */
export type HelpContact = {
  id: string;
  name: Record<Locale, string>;
  phone?: string;
  phoneFromAbroad?: string;
  whatsapp?: string;
  /** `24h`, or the opening hours as an admin wrote them */
  hours?: string;
  scope: string;
  caveat?: Record<Locale, string>;
  /** where the line works (ISO 3166 code) when it is a country's own line */
  country?: string;
};
