import { countryName } from "../../domain/contacts/country-name.ts";
import type { HelpContact } from "../../domain/contacts/help-contacts.ts";
import type { Assessment } from "../../domain/screening/index.ts";
import type { Turn } from "../turn.ts";
import { formatContacts } from "./format-contacts.ts";
import { openCase } from "./open-case.ts";

/** The lines for where the person is: that country's own and the Indonesian mission's, or the national list. */
export function contactsHere(turn: Turn): readonly HelpContact[] {
  return turn.deps.contacts.forCountry(turn.state.country);
}

/** The name of the person's country in their language, for "Nomor untuk Arab Saudi". */
export function placeName(turn: Turn, code: string): string {
  const local = COUNTRY_NAMES_ID[code];
  return turn.locale === "id" && local ? local : (countryName(code) ?? code);
}

const COUNTRY_NAMES_ID: Record<string, string> = {
  ID: "Indonesia",
  SA: "Arab Saudi",
  MY: "Malaysia",
  AE: "Uni Emirat Arab",
  QA: "Qatar",
  KW: "Kuwait",
  OM: "Oman",
  BH: "Bahrain",
  JO: "Yordania",
  TR: "Turki",
  KH: "Kamboja",
  MM: "Myanmar",
  LA: "Laos",
  TH: "Thailand",
  PH: "Filipina",
  SG: "Singapura",
  BN: "Brunei",
  TW: "Taiwan",
  HK: "Hong Kong",
  CN: "Tiongkok",
  KR: "Korea Selatan",
  JP: "Jepang",
  AU: "Australia",
  VN: "Vietnam",
  TL: "Timor-Leste",
  LB: "Lebanon",
  EG: "Mesir",
  IR: "Iran",
  IQ: "Irak",
  SY: "Suriah",
  DE: "Jerman",
  PL: "Polandia",
  LK: "Sri Lanka",
  MO: "Makau",
};

/**
 * Danger now (a message that signals it, or the "darurat"/"emergency" keyword): the emergency numbers for
 * where the person is — abroad, that country's emergency number and the Indonesian mission first — and a
 * short safety message, then an urgent ticket (with the country) so caseworkers are alerted, and its
 * reference. The full block is sent once per conversation; later ones are short, with the numbers still
 * there. The conversation stays where it was, so the person can carry on after (place.ts
 * `afterEmergency` says what comes next: where the person is, when that is still unknown).
 *
 * Without consent to store, the ticket is still opened, on vital interests (UU PDP Pasal 20(2)(d)): it
 * keeps which warning signs fired, the language, the channel, the country and the link to this chat —
 * enough for a caseworker to act — and none of the person's words. A second emergency refreshes the same
 * open ticket.
 */
export async function respondToEmergency(turn: Turn, assessment: Assessment | null): Promise<void> {
  const list = formatContacts(turn, contactsHere(turn));
  if (turn.state.emergencyShown) turn.say("conversation:emergency.again", { list });
  else turn.say("emergency.now", { list });
  turn.state.emergencyShown = true;
  const ticket = await openCase(turn, {
    type: "emergency",
    priority: "urgent",
    ...(assessment ? { assessment } : {}),
    minimal: !turn.consented,
  });
  turn.say(turn.consented ? "intake:emergency.ticket" : "intake:emergency.ticket_minimal", {
    reference: ticket.reference,
  });
}
