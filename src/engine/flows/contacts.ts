import { NAV_MENU } from "../choices.ts";
import type { Flow } from "../turn.ts";
import { routeOrMenu } from "./route-or-menu.ts";
import { formatContacts } from "./format-contacts.ts";

export { emergencyContacts, formatContact, formatContacts } from "./format-contacts.ts";

/** Every verified help and emergency contact. */
export const contactsFlow: Flow<{ name: "contacts" }> = {
  enter(turn) {
    turn.say("contacts.intro", { list: formatContacts(turn, turn.deps.contacts) });
    turn.ask("contacts.after", [NAV_MENU]);
  },
  async handle(turn, _step, input) {
    if (input.type === "text") return routeOrMenu(turn, input.text);
    await turn.go({ name: "menu" });
  },
};
