import { NAV_MENU } from "../choices.ts";
import type { Flow } from "../turn.ts";

/**
 * Talk to a person: a talk_to_person ticket at once, with what is known (the conversation it links to,
 * language, channel), and its reference. A caseworker answers in this same chat; what the person writes
 * while waiting stays in the conversation for them.
 */
export const talkFlow: Flow<{ name: "talk" }> = {
  async enter(turn) {
    const ticket = await turn.deps.actions.openTicket({ type: "talk_to_person", priority: "normal" }, turn.locale);
    turn.say(ticket.status === "created" ? "talk:opened" : "talk:already_open", { reference: ticket.reference });
    turn.ask("talk:while_waiting", [NAV_MENU]);
  },
  async handle(turn, _step, input) {
    if (input.type === "text") {
      turn.ask("talk:noted", [NAV_MENU]);
      return;
    }
    await turn.go({ name: "menu" });
  },
};
