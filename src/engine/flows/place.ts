import type { Flow, Turn } from "../turn.ts";
import { formatContacts } from "./format-contacts.ts";
import { contactsHere, placeName } from "./emergency.ts";
import { noteCountry } from "./note-country.ts";
import { openCase } from "./open-case.ts";

type PlaceStep = { name: "place"; resume: "menu" | "screening" | "talk" };
const INDONESIA = { id: "place.ID", key: "conversation:place.indonesia" };

/** Asks where the person is, once; the answer goes on the urgent ticket and brings that country's lines. */
export async function askPlace(turn: Turn, resume: PlaceStep["resume"] = "menu"): Promise<void> {
  turn.setStep({ name: "place", resume });
  turn.ask("conversation:place.ask", [INDONESIA]);
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
    turn.ask("conversation:place.ask", [INDONESIA]);
  },
  async handle(turn, _step, input) {
    if (input.type === "choice" && input.id === INDONESIA.id) turn.state.country = "ID";
    else if (input.type === "text") noteCountry(turn, input.text);
    if (turn.state.country) await tellCountryLines(turn);
    else turn.say("conversation:place.unknown");
    await turn.go({ name: "menu" });
  },
};
