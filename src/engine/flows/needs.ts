import { NEEDS, type Need } from "../../domain/tickets/ticket-request.ts";
import type { Flow, Turn } from "../turn.ts";
import type { Choice } from "../types.ts";
import { assessDraft, openDraft, sealDraft, type CaseDraft } from "./case-draft.ts";
import { startSafeContact } from "./safe-contact.ts";

type NeedsStep = { name: "needs"; draft: string };

const needChoice = (need: Need): Choice => ({ id: `need.${need}`, key: `tickets:need.${need}` });
const DONE: Choice = { id: "need.done", key: "intake:needs.done" };

/**
 * After the questions: what happens next, told plainly (the warning signs found, or none; never "you are
 * a victim"), then which kinds of help the person wants — several can be picked, one tap each, then "done".
 */
export async function startNeeds(turn: Turn, draft: CaseDraft): Promise<void> {
  const assessment = assessDraft(turn, draft);
  if (assessment.risk === "none") {
    turn.say("intake:next.no_signs");
  } else {
    // The screening's own explanation: which warning signs, and the right words for forced criminality
    // (not punished, UU 21/2007 Pasal 18), a child (SAPA 129), domestic violence or a pre-departure offer.
    turn.say("intake:next.explanation", { text: assessment.explanation[turn.locale] });
    turn.say("intake:next.caseworker");
  }
  const step: NeedsStep = { name: "needs", draft: sealDraft(turn, draft) };
  turn.setStep(step);
  askNeeds(turn, draft, "intake:needs.ask");
}

function askNeeds(turn: Turn, draft: CaseDraft, key: string): void {
  const open = NEEDS.filter((need) => !draft.needs.includes(need)).map(needChoice);
  const chosen = draft.needs.map((need) => turn.t(`tickets:need.${need}`)).join(", ");
  turn.ask(key, [...open, DONE], { chosen });
}

export const needsFlow: Flow<NeedsStep> = {
  enter(turn, step) {
    askNeeds(turn, openDraft(turn, step.draft), "intake:needs.ask");
  },
  async handle(turn, step, input) {
    const draft = openDraft(turn, step.draft);
    if (input.type === "choice" && input.id === DONE.id) return startSafeContact(turn, draft);
    const need = input.type === "choice" ? NEEDS.find((n) => input.id === `need.${n}`) : undefined;
    if (!need) {
      if (input.type === "text") {
        // Their own words for what they need: kept with the story for the caseworker.
        draft.story.push(input.text.slice(0, 1000));
        turn.setStep({ name: "needs", draft: sealDraft(turn, draft) });
        return askNeeds(turn, draft, "conversation:needs_noted");
      }
      turn.say("intake:needs.not_understood");
      return askNeeds(turn, draft, "intake:needs.ask");
    }
    draft.needs.push(need);
    turn.setStep({ name: "needs", draft: sealDraft(turn, draft) });
    if (draft.needs.length === NEEDS.length) return startSafeContact(turn, draft);
    askNeeds(turn, draft, "intake:needs.more");
  },
};
