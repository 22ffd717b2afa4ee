import type { Assessment } from "../../domain/screening/index.ts";
import type { Turn } from "../turn.ts";

/**
 * Thoughts of suicide or self-harm get their own answer, not the trafficking block: a warm, short
 * message with the mental-health line (119 ext. 8), an urgent ticket so a caseworker reaches out, and
 * the safety question (asked by the caller). Without consent to store, the ticket is opened on vital
 * interests (UU PDP Pasal 20(2)(d)) without the person's words, as for every emergency.
 */
export async function respondToSelfHarm(turn: Turn, assessment: Assessment): Promise<void> {
  turn.say("screening_safety:self_harm.text");
  const ticket = await turn.deps.actions.openTicket(
    { type: "emergency", priority: "urgent", assessment, minimal: !turn.consented },
    turn.locale,
  );
  turn.say(turn.consented ? "intake:emergency.ticket" : "intake:emergency.ticket_minimal", {
    reference: ticket.reference,
  });
}
