import { matchKeyword } from "./keywords.ts";
import type { Turn } from "./turn.ts";
import type { Choice, Input, ShareConsentAsked } from "./types.ts";
import { understandReply } from "./understand/understand-reply.ts";

/** The version of the question a caseworker sends to ask for sharing with one named partner (kept with the answer). */
export const SHARE_ASK_NOTICE_VERSION = "share-ask-2026-12";

/** The answers to a caseworker's share question (stable ids the channels send back; yes/no in any form). */
export const SHARE_ASK_YES: Choice = { id: "share_ask.yes", key: "handoff:share_ask.yes" };
export const SHARE_ASK_NO: Choice = { id: "share_ask.no", key: "handoff:share_ask.no" };
const SHARE_ASK_CHOICES = [SHARE_ASK_YES, SHARE_ASK_NO];

/**
 * A caseworker asks, from the person's ticket, whether their case may go to one named partner: the question
 * names the caseworker, the partner and what it does, with a yes and a no. Whoever has the conversation (a
 * caseworker, or the flows at any step), the step stays where it was; what was on offer comes back after.
 * A second question replaces one not answered yet.
 */
export function askShareConsent(turn: Turn, input: ShareConsentAsked): void {
  const resume = turn.state.shareAsk?.resume ?? turn.state.offered;
  const what = input.partner.services.map((service) => turn.t(`tickets:need.${service}`)).join(", ");
  turn.say(
    what ? "handoff:share_ask.question" : "handoff:share_ask.question_plain",
    { name: input.name, partner: input.partner.name, ...(what ? { what } : {}) },
    SHARE_ASK_CHOICES,
  );
  turn.state.shareAsk = { partnerId: input.partner.id, partner: input.partner.name, ticketId: input.ticketId, resume };
}

/**
 * The person's message while a share question waits: its answer, once — a tap on yes or no (whenever it
 * comes), or a typed yes/no ("ya", "boleh", "iya boleh kak", "tidak", "jangan", "no") as the very next
 * message. The answer is recorded and thanked for; true means the message was that answer and nothing else
 * reads it. Anything else (a keyword, danger — "boleh tapi tolong saya dipukul" too —, other words) is not an answer: the question's buttons stay
 * tappable, typed words go where they would have gone, and what was on offer before is on offer again.
 */
export async function answerShareAsk(turn: Turn, raw: Input): Promise<boolean> {
  const ask = turn.state.shareAsk;
  if (!ask) return false;
  const asking = turn.state.offered.some((choice) => choice.id === SHARE_ASK_YES.id);
  let answer: string | undefined;
  if (raw.type === "choice" && (raw.id === SHARE_ASK_YES.id || raw.id === SHARE_ASK_NO.id)) answer = raw.id;
  else if (raw.type === "text" && asking && matchKeyword(raw.text) === null && !inDanger(turn, raw.text)) {
    answer = understandReply(raw.text, SHARE_ASK_CHOICES, (c) => turn.t(c.key, c.vars))?.id;
  }
  if (!answer) {
    if (asking) turn.state.offered = ask.resume;
    return false;
  }
  const granted = answer === SHARE_ASK_YES.id;
  await turn.deps.actions.answerShareAsk({ partnerId: ask.partnerId, ticketId: ask.ticketId }, granted);
  delete turn.state.shareAsk;
  turn.say(granted ? "handoff:share_ask.thanks_yes" : "handoff:share_ask.thanks_no", { partner: ask.partner });
  turn.state.offered = ask.resume;
  const last = turn.outputs.at(-1);
  if (last && ask.resume.length) last.choices = ask.resume;
  return true;
}

/** Words that need the flows' own answer (the emergency numbers, the safety question, the mental-health line). */
function inDanger(turn: Turn, text: string): boolean {
  const assessment = turn.assess(text);
  return assessment.emergency || assessment.safetyCheck || assessment.selfHarm;
}
