import type { Choice } from "../types.ts";
import type { Flow, Turn } from "../turn.ts";
import { startForm } from "./form.ts";
import { routeFreeText } from "./route-free-text.ts";
import { startScreening } from "./screening.ts";

type MenuEntry = {
  choice: Choice;
  /** entries that keep what the person tells us are offered only after they agreed to that */
  needsConsent: boolean;
  open(turn: Turn): Promise<void>;
};

/** The main menu: only what works. Order is the order shown (and the numbers people type). */
export const MENU_ENTRIES: MenuEntry[] = [
  { choice: { id: "menu.help", key: "intake:menu.help" }, needsConsent: true, open: (turn) => startScreening(turn) },
  {
    choice: { id: "menu.contacts", key: "menu.contacts" },
    needsConsent: false,
    open: (turn) => turn.go({ name: "contacts" }),
  },
  { choice: { id: "menu.talk", key: "talk:menu" }, needsConsent: true, open: (turn) => turn.go({ name: "talk" }) },
  {
    choice: { id: "menu.tracing", key: "tracing:menu" },
    needsConsent: true,
    open: (turn) => startForm(turn, "tracing"),
  },
  { choice: { id: "menu.report", key: "report:menu" }, needsConsent: true, open: (turn) => startForm(turn, "report") },
  {
    choice: { id: "menu.guidance", key: "menu.guidance" },
    needsConsent: false,
    open: (turn) => turn.go({ name: "guidance" }),
  },
  {
    choice: { id: "menu.mydata", key: "privacy:menu" },
    needsConsent: false,
    open: (turn) => turn.go({ name: "my_data" }),
  },
  {
    choice: { id: "menu.language", key: "menu.language" },
    needsConsent: false,
    open: (turn) => turn.go({ name: "language" }),
  },
];

function entriesFor(turn: Turn): MenuEntry[] {
  return MENU_ENTRIES.filter((entry) => !entry.needsConsent || turn.consented);
}

function menuChoices(turn: Turn): Choice[] {
  const choices = entriesFor(turn).map((entry) => entry.choice);
  if (turn.state.consent === "declined") choices.push({ id: "menu.consent", key: "menu.consent" });
  return choices;
}

export const menuFlow: Flow<{ name: "menu" }> = {
  enter(turn) {
    turn.ask("menu.ask", menuChoices(turn));
  },
  async handle(turn, step, input) {
    if (input.type === "choice") {
      if (input.id === "menu.consent") return turn.go({ name: "consent" });
      const entry = entriesFor(turn).find((e) => e.choice.id === input.id);
      if (entry) return entry.open(turn);
    }
    if (input.type === "text" && (await routeFreeText(turn, input.text))) return;
    if (input.type === "text") {
      turn.say("conversation:menu_unclear", undefined, menuChoices(turn));
      return;
    }
    await menuFlow.enter(turn, step);
  },
};
