import { NAV_MENU } from "../choices.ts";
import type { Flow, Turn } from "../turn.ts";
import { inHandoff, type Choice, type Step } from "../types.ts";
import { formatContacts } from "./format-contacts.ts";
import { contactsHere, placeName } from "./emergency.ts";
import { noteCountry } from "./note-country.ts";
import { openCase } from "./open-case.ts";

type PlaceStep = { name: "place"; resume: Step };
const INDONESIA: Choice = { id: "place.ID", key: "conversation:place.indonesia" };
const PLACE_CHOICES = [INDONESIA, NAV_MENU];

/**
 * What follows the emergency answer. Where the person is still unknown, they are asked once (a place
 * question of its own, whose answer brings that country's lines and goes on the urgent ticket), unless the
 * conversation carries on with their message (`continues`: a story, a form), a caseworker has it, or the
 * notice is not yet answered: then a line says they can write the country any time. Where the flow does
 * not carry on, the way back to the menu is offered.
 */
export function afterEmergency(turn: Turn, continues: boolean): void {
  const known = Boolean(turn.state.country);
  if (!known && !continues && !turn.state.placeAsked && !inHandoff(turn.state) && turn.state.consent !== null)
    return askPlace(turn);
  if (!known) turn.say("conversation:emergency.abroad_hint");
  if (!continues) turn.ask("emergency.after", [NAV_MENU]);
}

/** Asks where the person is, once; the conversation then goes back to where it was. */
export function askPlace(turn: Turn): void {
  turn.state.placeAsked = true;
  const step = turn.state.step;
  turn.setStep({ name: "place", resume: step.name === "place" ? step.resume : step });
  turn.ask("conversation:place.ask", PLACE_CHOICES);
}

/** A country just learnt: said back with its lines, and kept on the person's open urgent ticket. */
export async function tellCountryLines(turn: Turn): Promise<void> {
  const code = turn.state.country;
  if (!code) return;
  const country = placeName(turn, code);
  if (code === "ID") turn.say("conversation:place.noted", { country });
  else turn.say("conversation:place.contacts", { country, list: formatContacts(turn, contactsHere(turn)) });
  if (await turn.deps.actions.findOpenTicket(["emergency"]))
    await openCase(turn, { type: "emergency", priority: "urgent", minimal: !turn.consented });
}

export const placeFlow: Flow<PlaceStep> = {
  enter(turn) {
    turn.ask("conversation:place.ask_again", PLACE_CHOICES);
  },
  async handle(turn, step, input) {
    if (input.type === "choice" && input.id === INDONESIA.id) turn.state.country = "ID";
    else if (input.type === "text") noteCountry(turn, input.text);
    if (turn.state.country) await tellCountryLines(turn);
    else turn.say("conversation:place.unknown");
    // Back where the conversation was, with the way to the menu, as after any emergency answer.
    turn.setStep(step.resume);
    turn.ask("emergency.after", [NAV_MENU]);
  },
};
