import type { Assessment } from "../../domain/screening/index.ts";
import type { Turn } from "../turn.ts";
import { emergencyContacts, formatContacts } from "./contacts.ts";

/**
 * Danger now (a message that signals it, or the "darurat"/"emergency" keyword): the emergency numbers and
 * a short safety message first, then an urgent ticket so caseworkers are alerted, and its reference. The
 * conversation stays where it was, so the person can carry on after.
 *
 * Without consent to store, the ticket is still opened, on vital interests (UU PDP Pasal 20(2)(d)): it
 * keeps which warning signs fired, the language, the channel and the link to this chat — enough for a
 * caseworker to act — and none of the person's words. A second emergency refreshes the same open ticket.
 */
export async function respondToEmergency(turn: Turn, assessment: Assessment | null): Promise<void> {
  turn.say("emergency.now", { list: formatContacts(turn, emergencyContacts(turn.deps.contacts)) });
  const ticket = await turn.deps.actions.openTicket(
    { type: "emergency", priority: "urgent", ...(assessment ? { assessment } : {}), minimal: !turn.consented },
    turn.locale,
  );
  turn.say(turn.consented ? "intake:emergency.ticket" : "intake:emergency.ticket_minimal", {
    reference: ticket.reference,
  });
}
