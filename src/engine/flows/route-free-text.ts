import { WRITER_IS, detectRelative } from "../free-text/detect-relative.ts";
import type { Turn } from "../turn.ts";
import { holdAndAsk } from "./hold-words.ts";
import { startForm } from "./form.ts";
import { startScreening } from "./screening.ts";

/** Fewest words for a message to be taken as a story even when no warning sign is in it. */
const STORY_WORDS = 4;

/**
 * A message typed at the menu (or held from before consent) instead of a choice: what the person wants,
 * read from their own words. A relative asking about someone starts tracing (the writer is never screened
 * as the victim); asking for help, or any message that reads as a story, starts get-help with it as the
 * story; a recruiter report starts the report; a question opens the guidance. A message within 30 days of
 * a closed case reopens it for the caseworker who held it. Without consent it is held for after the notice.
 * Returns false when the words say nothing to act on.
 */
export async function routeFreeText(turn: Turn, text: string, options: { fromHeld?: boolean } = {}): Promise<boolean> {
  if (!turn.consented) {
    holdAndAsk(turn, text);
    return true;
  }
  if (!options.fromHeld) {
    const reopened = await turn.deps.actions.reopenRecentTicket();
    if (reopened) {
      turn.say("conversation:reopened", { reference: reopened.reference }, turn.state.offered);
      return true;
    }
  }
  const relative = detectRelative(text);
  if (relative) {
    turn.say("conversation:relative.switch");
    // "my daughter…": the writer is her parent, so that question is not asked (the review can correct it).
    await startForm(turn, "tracing", {
      circumstances: text.slice(0, 1000),
      relationship: WRITER_IS[relative.relative],
    });
    return true;
  }
  const assessment = turn.assess(text);
  const words = text.trim().split(/\s+/).length;
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
      if (assessment.risk !== "none" || words >= STORY_WORDS * 3) {
        await startScreening(turn, text);
        return true;
      }
      await turn.go({ name: "guidance" });
      return true;
    case "other":
      if (assessment.risk !== "none" || words >= STORY_WORDS) {
        await startScreening(turn, text);
        return true;
      }
      return false;
  }
}
