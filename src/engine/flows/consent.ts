import { CONSENT_CHOICES } from "../choices.ts";
import { understandReply } from "../understand/understand-reply.ts";
import type { Flow } from "../turn.ts";
import { holdAndAsk, takeHeld } from "./hold-words.ts";
import { routeFreeText } from "./route-free-text.ts";

export const CONSENT_NOTICE_VERSION = "store-2026-11";
/** The version of the question that asks to share a case with partners (get help, tracing). */
export const SHARE_NOTICE_VERSION = "share-2026-11";

/**
 * The notice: what Lentera is, what it stores, that the person can delete it. Agreeing lets Lentera keep
 * what they write, and anything they wrote before agreeing (held in the state only) becomes their story;
 * declining forgets it and still leaves guidance and help contacts open, and nothing they type is kept.
 * Words that are not an answer are held and the person is told so, not asked to "pick one".
 */
export const consentFlow: Flow<{ name: "consent" }> = {
  enter(turn) {
    turn.ask("consent.notice", CONSENT_CHOICES);
  },
  async handle(turn, _step, input) {
    if (input.type === "choice" && (input.id === "consent.accept" || input.id === "consent.decline")) {
      const granted = input.id === "consent.accept";
      turn.state.consent = granted ? "granted" : "declined";
      await turn.deps.actions.recordConsent("store", granted);
      const held = takeHeld(turn);
      turn.say(granted ? "consent.thanks" : "consent.declined");
      if (granted && held) {
        turn.say("conversation:held_used");
        turn.setStep({ name: "menu" });
        if (await routeFreeText(turn, held, { fromHeld: true })) return;
      }
      if (!granted && held) turn.say("conversation:held_dropped");
      await turn.go({ name: "menu" });
      return;
    }
    if (input.type === "text") {
      // Another question may be on offer at the notice (the safety question): "iya, setuju" still answers
      // the notice. Numbers belong to what is on offer, so only words count here.
      const offersConsent = turn.state.offered.some((choice) => choice.id === "consent.accept");
      const understood = offersConsent
        ? undefined
        : understandReply(input.text, CONSENT_CHOICES, (c) => turn.deps.t(turn.state.locale, c.key, c.vars), {
            numbers: false,
          });
      if (understood) return consentFlow.handle(turn, _step, { type: "choice", id: understood.id });
      return holdAndAsk(turn, input.text);
    }
    turn.ask("conversation:consent_again", CONSENT_CHOICES);
  },
};
