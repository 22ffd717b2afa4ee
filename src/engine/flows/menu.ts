import type { Choice } from "../types.ts";
import type { Flow, Turn } from "../turn.ts";

type MenuEntry = {
  choice: Choice;
  /** entries that keep what the person tells us are offered only after they agreed to that */
  needsConsent: boolean;
  open(turn: Turn): Promise<void>;
};

/** The main menu: only what works. Order is the order shown (and the numbers people type). */
export const MENU_ENTRIES: MenuEntry[] = [
  { choice: { id: "menu.guidance", key: "menu.guidance" }, needsConsent: false, open: (turn) => turn.go({ name: "guidance" }) },
  { choice: { id: "menu.contacts", key: "menu.contacts" }, needsConsent: false, open: (turn) => turn.go({ name: "contacts" }) },
  { choice: { id: "menu.language", key: "menu.language" }, needsConsent: false, open: (turn) => turn.go({ name: "language" }) },
];

function entriesFor(turn: Turn): MenuEntry[] {
  return MENU_ENTRIES.filter((entry) => !entry.needsConsent || turn.consented);
}

export const menuFlow: Flow<{ name: "menu" }> = {
  enter(turn) {
    const choices = entriesFor(turn).map((entry) => entry.choice);
    if (turn.state.consent === "declined") choices.push({ id: "menu.consent", key: "menu.consent" });
    turn.ask("menu.ask", choices);
  },
  async handle(turn, step, input) {
    if (input.type === "choice") {
      if (input.id === "menu.consent") return turn.go({ name: "consent" });
      const entry = entriesFor(turn).find((e) => e.choice.id === input.id);
      if (entry) return entry.open(turn);
    }
    turn.say("common.not_understood");
    await menuFlow.enter(turn, step);
  },
};
