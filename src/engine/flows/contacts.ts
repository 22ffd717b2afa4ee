import { NAV_MENU } from "../choices.ts";
import type { Flow } from "../turn.ts";
import { routeOrMenu } from "./route-or-menu.ts";
import { formatContacts } from "./format-contacts.ts";

export { formatContact, formatContacts } from "./format-contacts.ts";

/** The help and emergency lines for where the person is: the national list in Indonesia or when unknown. */
export const contactsFlow: Flow<{ name: "contacts" }> = {
  enter(turn) {
    const abroad = turn.state.country && turn.state.country !== "ID";
    const contacts = abroad ? turn.deps.contacts.forCountry(turn.state.country) : turn.deps.contacts.national();
    turn.say("contacts.intro", { list: formatContacts(turn, contacts) });
    turn.ask("contacts.after", [NAV_MENU]);
  },
  async handle(turn, _step, input) {
    if (input.type === "text") return routeOrMenu(turn, input.text);
    await turn.go({ name: "menu" });
  },
};
