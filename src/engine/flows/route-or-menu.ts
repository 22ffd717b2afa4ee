import type { Turn } from "../turn.ts";
import { routeFreeText } from "./route-free-text.ts";

/** Words typed where only choices fit: acted on when they say something (a story, a relative), else the menu. */
export async function routeOrMenu(turn: Turn, text: string): Promise<void> {
  turn.setStep({ name: "menu" });
  if (await routeFreeText(turn, text)) return;
  turn.say("conversation:menu_unclear");
  await turn.go({ name: "menu" });
}
