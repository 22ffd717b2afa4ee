import { assessText, type Answer, type Assessment } from "../../domain/screening/index.ts";
import type { Need, SafeContact } from "../../domain/tickets/ticket-request.ts";
import { toScreeningTranslate } from "../screening-translate.ts";
import type { Turn } from "../turn.ts";

/**
 * What the get-help flow has collected so far. It lives in the conversation state only sealed
 * (encrypted with the data key), never in clear.
 */
export type CaseDraft = {
  story: string[];
  answers: Record<string, Answer>;
  skipped: string[];
  needs: Need[];
  safeContact: SafeContact;
  share?: boolean;
  /** the partners the sharing question named: a "yes" is consent to share with exactly these */
  sharePartners?: { id: string; name: string }[];
};

export const emptyDraft = (): CaseDraft => ({ story: [], answers: {}, skipped: [], needs: [], safeContact: {} });

export function openDraft(turn: Turn, sealed: string): CaseDraft {
  return sealed ? turn.deps.actions.unseal<CaseDraft>(sealed) : emptyDraft();
}

export function sealDraft(turn: Turn, draft: CaseDraft): string {
  return turn.deps.actions.seal(draft);
}

/** The assessment of everything the person wrote and answered so far. */
export function assessDraft(turn: Turn, draft: CaseDraft): Assessment {
  return assessText(
    { text: draft.story.join("\n"), locale: turn.locale, answers: draft.answers },
    toScreeningTranslate(turn.deps.t),
  );
}
