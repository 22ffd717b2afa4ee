import type { Flow } from "../turn.ts";

const CHOICES = [
  { id: "withdraw.store", key: "privacy:withdraw.store" },
  { id: "withdraw.share", key: "privacy:withdraw.share" },
  { id: "withdraw.cancel", key: "privacy:withdraw.cancel" },
];

/**
 * "cabut izin" / "withdraw consent": which permission to take back — keeping what they write, or sharing
 * their case with a partner. Each withdrawal is recorded with its time (granted = false); what is
 * already kept stays until the person deletes it, and they are told how.
 */
export const withdrawConsentFlow: Flow<{ name: "withdraw_consent" }> = {
  enter(turn) {
    turn.ask("privacy:withdraw.ask", CHOICES);
  },
  async handle(turn, _step, input) {
    if (input.type === "choice" && input.id === "withdraw.store") {
      await turn.deps.actions.recordConsent("store", false);
      turn.state.consent = "declined";
      turn.say("privacy:withdraw.store_done");
    } else if (input.type === "choice" && input.id === "withdraw.share") {
      await turn.deps.actions.recordConsent("share:any", false);
      turn.say("privacy:withdraw.share_done");
    } else if (!(input.type === "choice" && input.id === "withdraw.cancel")) {
      turn.ask("conversation:menu_unclear", CHOICES);
      return;
    }
    await turn.go({ name: "menu" });
  },
};
