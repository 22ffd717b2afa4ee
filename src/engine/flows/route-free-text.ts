import { assessText } from "../../domain/screening/index.ts";
import { toScreeningTranslate } from "../screening-translate.ts";
import type { Turn } from "../turn.ts";
import { startForm } from "./form.ts";
import { startScreening } from "./screening.ts";

/**
 * A message typed at the menu instead of a choice: what the person wants, read from their own words.
 * Asking for help starts the get-help flow with that message as the story; a missing relative starts
 * tracing, a recruiter report starts the report, a question opens the guidance. Without consent to store
 * nothing they write is used; they are told why and shown the menu, where they can give it.
 */
export async function routeFreeText(turn: Turn, text: string): Promise<boolean> {
  if (!turn.consented) {
    turn.say("intake:free_text.needs_consent");
    return false;
  }
  const assessment = assessText({ text, locale: turn.locale }, toScreeningTranslate(turn.deps.t));
  switch (assessment.intent) {
    case "help":
      await startScreening(turn, text);
      return true;
    case "family_tracing":
      await startForm(turn, "tracing", { circumstances: text.slice(0, 1000) });
      return true;
    case "report_recruiter":
      await startForm(turn, "report", { story: text.slice(0, 1000) });
      return true;
    case "information":
      await turn.go({ name: "guidance" });
      return true;
    case "other":
      if (assessment.risk !== "none") {
        await startScreening(turn, text);
        return true;
      }
      return false;
  }
}
