import { NAV_MENU } from "../choices.ts";
import type { Turn } from "../turn.ts";
import { emergencyContacts, formatContacts } from "./contacts.ts";

/**
 * Emergency help, given at once from any step: a short safety message and the emergency numbers. The
 * conversation stays where it was, so the person can carry on after.
 */
export function giveEmergencyHelp(turn: Turn): void {
  turn.say("emergency.now", { list: formatContacts(turn, emergencyContacts(turn.deps.contacts)) });
  turn.ask("emergency.after", [NAV_MENU]);
}
