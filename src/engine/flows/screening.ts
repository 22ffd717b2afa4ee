import { nextQuestions } from "../../domain/screening/index.ts";
import { NAV_MENU } from "../choices.ts";
import type { Flow, Turn } from "../turn.ts";
import type { Choice } from "../types.ts";
import { assessDraft, emptyDraft, openDraft, sealDraft, type CaseDraft } from "./case-draft.ts";
import { startNeeds } from "./needs.ts";
import { ANSWER_CHOICES, parseAnswer } from "./parse-answer.ts";
import { WRITER_IS, detectRelative } from "../free-text/detect-relative.ts";
import { startForm } from "./form.ts";

type ScreeningStep = {
  name: "screening";
  phase: "story" | "question";
  question?: string;
  asked: number;
  draft: string;
};

/** Questions asked in one go before the person is asked whether to go on. */
export const QUESTIONS_PER_ROUND = 3;
const STORY_CHOICES: Choice[] = [{ id: "ans.skip", key: "intake:answer.skip" }, NAV_MENU];
const ROUND_CHOICES: Choice[] = [
  { id: "round.more", key: "intake:round.more" },
  { id: "round.finish", key: "intake:round.finish" },
];
/** Longest story kept per message (the web chat already refuses more than 4,000 characters). */
const MAX_STORY_CHARS = 4000;

/**
 * Get help: the person says in their own words what is happening (or skips), then answers only the
 * questions whose answers are still unknown — a few at a time, each with yes / no / not sure / skip —
 * then needs, safe contact and the ticket. Free text typed at a question is more of the story: it is
 * screened again and the questions it answers are not asked. Nothing here tells anyone they are or are
 * not a victim.
 */
export async function startScreening(turn: Turn, story?: string): Promise<void> {
  const draft = emptyDraft();
  if (!story) {
    turn.setStep({ name: "screening", phase: "story", asked: 0, draft: sealDraft(turn, draft) });
    turn.ask("intake:story.ask", STORY_CHOICES);
    return;
  }
  draft.story.push(story.slice(0, MAX_STORY_CHARS));
  turn.say("intake:story.thanks");
  await askNext(turn, draft, 0);
}

export const screeningFlow: Flow<ScreeningStep> = {
  enter(turn, step) {
    if (step.phase === "story") return turn.ask("intake:story.ask", STORY_CHOICES);
    if (step.question) return turn.ask(`intake:question.${step.question}`, ANSWER_CHOICES);
    turn.ask("intake:round.ask", ROUND_CHOICES);
  },
  async handle(turn, step, input) {
    const draft = openDraft(turn, step.draft);
    const words = input.type === "text" ? input.text : input.type === "choice" ? input.extra : undefined;
    // "no its not me, its my daughter": a relative asking about someone — tracing, never screening them.
    const relative = words ? detectRelative(words) : null;
    if (words && relative && (relative.notMe || relative.missing)) {
      turn.say("conversation:relative.switch");
      const story = [...draft.story, words].join("\n").slice(0, 1000);
      return startForm(turn, "tracing", { circumstances: story, relationship: WRITER_IS[relative.relative] });
    }
    if (step.phase === "story") {
      if (input.type === "text") {
        draft.story.push(input.text.slice(0, MAX_STORY_CHARS));
        turn.say("intake:story.thanks");
        return askNext(turn, draft, 0);
      }
      if (input.type === "choice" && input.id === "ans.skip") return askNext(turn, draft, 0);
      turn.say("common.not_understood");
      return screeningFlow.enter(turn, step);
    }
    if (!step.question) {
      if (input.type === "choice" && input.id === "round.more") return askNext(turn, draft, 0);
      if (input.type === "choice" && input.id === "round.finish") return startNeeds(turn, draft);
      if (input.type === "text") return addToStory(turn, draft, input.text, step.asked);
      turn.ask("conversation:consent_again".replace("conversation:consent_again", "intake:round.ask"), ROUND_CHOICES);
      return;
      turn.say("common.not_understood");
      return screeningFlow.enter(turn, step);
    }
    const parsed = parseAnswer(input);
    if (parsed.status === "answer") draft.answers[step.question] = parsed.answer;
    if (parsed.status === "skip") draft.skipped.push(step.question);
    // An answer with more words is the answer and more of the story ("iya dipegang kapten").
    if (parsed.status !== "none" && input.type === "choice" && input.extra)
      draft.story.push(input.extra.slice(0, MAX_STORY_CHARS));
    if (parsed.status !== "none") return askNext(turn, draft, step.asked + 1);
    if (input.type === "text") {
      // Not an answer: more of the story. The question is not asked again right away.
      draft.skipped.push(step.question);
      return addToStory(turn, draft, input.text, step.asked + 1);
    }
    turn.say("common.not_understood");
    return screeningFlow.enter(turn, step);
  },
};

/** The next unknown question, a pause after every few, or on to needs when nothing is left to ask. */
/** More of the person's own words, between questions: kept with the story, then the questions go on. */
function addToStory(turn: Turn, draft: CaseDraft, text: string, asked: number): Promise<void> {
  draft.story.push(text.slice(0, MAX_STORY_CHARS));
  turn.say("intake:story.noted");
  return askNext(turn, draft, asked);
}

async function askNext(turn: Turn, draft: CaseDraft, asked: number): Promise<void> {
  const known = [...Object.keys(draft.answers), ...draft.skipped];
  const [next] = nextQuestions(assessDraft(turn, draft), known, 1);
  if (!next) return startNeeds(turn, draft);
  if (asked >= QUESTIONS_PER_ROUND) {
    turn.setStep({ name: "screening", phase: "question", asked: 0, draft: sealDraft(turn, draft) });
    turn.ask("intake:round.ask", ROUND_CHOICES);
    return;
  }
  if (asked === 0 && known.length === 0) turn.say("intake:questions.intro");
  turn.setStep({ name: "screening", phase: "question", question: next, asked, draft: sealDraft(turn, draft) });
  turn.ask(`intake:question.${next}`, ANSWER_CHOICES);
}
