import { NAV_MENU } from "../choices.ts";
import type { Flow } from "../turn.ts";
import { openCase } from "./open-case.ts";

/**
 * Talk to a person: a talk_to_person ticket at once, with what is known (the conversation it links to,
 * language, channel), and its reference. A caseworker answers in this same chat; what the person writes
 * while waiting stays in the conversation for them.
 */
export const talkFlow: Flow<{ name: "talk" }> = {
  async enter(turn) {
    // One person, one open case per need: an urgent case already brings a caseworker.
    const urgent = await turn.deps.actions.findOpenTicket(["emergency"]);
    if (urgent) {
      turn.say("conversation:talk.with_urgent", { reference: urgent.reference });
      turn.ask("talk:while_waiting", [NAV_MENU]);
      return;
    }
    const ticket = await openCase(turn, { type: "talk_to_person", priority: "normal" });
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
