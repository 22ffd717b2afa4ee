import type { Turn } from "../turn.ts";
import type { SmallTalk } from "./classify-free-text.ts";
import { CONSENT_CHOICES } from "../choices.ts";

/**
 * A short, warm answer to an everyday message, with the choices that were on offer still there, so the
 * person carries on where they were. Asking for a person opens the talk flow (after consent); asking
 * whether we know someone gets the never-tell answer from the tracing helpers.
 */
const CASE_TYPES = ["emergency", "talk_to_person", "victim_assistance", "family_tracing", "recruiter_report"];

export async function answerSmallTalk(turn: Turn, kind: SmallTalk): Promise<void> {
  if (kind === "want_person") {
    if (turn.consented) return turn.go({ name: "talk" });
    turn.setStep({ name: "consent" });
    turn.say("conversation:small.want_person_consent", undefined, CONSENT_CHOICES);
    return;
  }
  if (kind === "caseworker_when") {
    const open = turn.consented ? await turn.deps.actions.findOpenTicket(CASE_TYPES) : null;
    turn.say(
      open ? "conversation:small.caseworker_when" : "conversation:small.caseworker_none",
      undefined,
      turn.state.offered,
    );
    return;
  }
  turn.say(`conversation:small.${kind}`, undefined, turn.state.offered);
  // Nothing on offer (a conversation that starts with these words): the step's own question follows.
  if (turn.state.offered.length === 0 && turn.state.step.name !== "talk") await turn.go(turn.state.step);
}
