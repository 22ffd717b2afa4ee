import { NAV_LANGUAGE } from "../choices.ts";
import type { Flow } from "../turn.ts";

export const CONSENT_NOTICE_VERSION = "store-2026-11";
/** The version of the question that asks to share a case with partners (get help, tracing). */
export const SHARE_NOTICE_VERSION = "share-2026-11";

const CHOICES = [
  { id: "consent.accept", key: "consent.accept" },
  { id: "consent.decline", key: "consent.decline" },
  NAV_LANGUAGE,
];

/**
 * The notice: what Lentera is, what it stores, that the person can delete it. Agreeing lets Lentera keep
 * what they write; declining still leaves guidance and help contacts open, and nothing they type is kept.
 */
export const consentFlow: Flow<{ name: "consent" }> = {
  enter(turn) {
    turn.ask("consent.notice", CHOICES);
  },
  async handle(turn, _step, input) {
    if (input.type === "choice" && (input.id === "consent.accept" || input.id === "consent.decline")) {
      const granted = input.id === "consent.accept";
      turn.state.consent = granted ? "granted" : "declined";
      await turn.deps.actions.recordConsent("store", granted);
      turn.say(granted ? "consent.thanks" : "consent.declined");
      await turn.go({ name: "menu" });
      return;
    }
    turn.ask("consent.again", CHOICES);
  },
};
