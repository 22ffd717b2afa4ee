import type { Assessment, Language } from "../../domain/screening/index.ts";
import { normalizeReply } from "../keywords.ts";
import { resolveChoice } from "../resolve-choice.ts";
import type { Turn } from "../turn.ts";
import type { Choice, Input, Step } from "../types.ts";
import { formatContacts } from "./contacts.ts";
import { respondToEmergency } from "./emergency.ts";
import { afterEmergency } from "./place.ts";
import { holdWords } from "./hold-words.ts";
import { respondToSelfHarm } from "./self-harm.ts";

/** The safety question's choices (stable ids the channels send back). */
export const SAFETY_DANGER: Choice = { id: "safety.danger", key: "screening_safety:choice.danger" };
export const SAFETY_SAFE: Choice = { id: "safety.safe", key: "screening_safety:choice.safe" };
export const SAFETY_LATER: Choice = { id: "safety.later", key: "screening_safety:choice.later" };
const SAFETY_CHOICES = [SAFETY_DANGER, SAFETY_SAFE, SAFETY_LATER];

/** Steps whose flow takes the person's words as an answer: after emergency help they carry on with the message. */
const CONSENT_AFTER_EMERGENCY: Choice[] = [
  { id: "consent.accept", key: "consent.accept" },
  { id: "consent.decline", key: "consent.decline" },
];

const CONTINUES_AFTER_EMERGENCY = new Set<Step["name"]>(["screening", "form", "talk"]);
/** Steps whose flow reads a free-text story and routes it (the menu): the story is not interrupted. */
const TAKES_STORY = new Set<Step["name"]>(["menu", "language"]);
/** Languages we do not read: the person gets a short notice in their language. */
const NOTICE_LANGUAGES = new Set<Language>(["tl", "vi", "th", "my", "km", "zh", "es", "pt"]);

/**
 * Screens every free-text message for danger before any flow sees it, at any step (the consent notice
 * too): an emergency gets the emergency answer and an urgent ticket (thoughts of self-harm their own
 * answer); a danger signal that is not a clear emergency gets the safety question at once, except in
 * steps that take the person's story (their own flow screens it). `safety.danger` — or a typed "ya",
 * "yes", "bahaya" — goes straight to the emergency answer. A message in a language we do not read
 * gets a short notice in it, with the emergency numbers. Returns whether the message was answered here.
 */
export async function screenForDanger(turn: Turn, input: Input): Promise<boolean> {
  if (input.type === "choice") return answerSafety(turn, input.id);
  if (input.type !== "text") return false;
  if (safetyOffered(turn)) {
    const typed = readTypedAnswer(input.text);
    if (typed !== undefined) return answerSafety(turn, typed);
  }
  const assessment = turn.assess(input.text);
  const continues = CONTINUES_AFTER_EMERGENCY.has(turn.state.step.name);
  if (assessment.emergency) {
    noticeLanguage(turn, assessment);
    if (assessment.selfHarm) {
      await respondToSelfHarm(turn, assessment);
      askSafety(turn);
      return true;
    }
    await respondToEmergency(turn, assessment);
    if (turn.state.consent === null) {
      afterEmergency(turn, true);
      // Before the notice: the words are held for after it, and the notice's choices stay on offer.
      holdWords(turn, input.text);
      turn.setStep({ name: "consent" });
      turn.ask("conversation:consent_again", CONSENT_AFTER_EMERGENCY);
      return true;
    }
    // A flow that collects the person's words carries on with this message too; elsewhere the person
    // gets the way back to the menu.
    afterEmergency(turn, continues);
    if (continues) await turn.handle(input);
    return true;
  }
  // The safety question is for words that are not an answer to what is on offer ("visa kerja" picks a topic),
  // Before the notice the words are also held, to be the story once the person agrees.
  if (
    assessment.safetyCheck &&
    !continues &&
    !TAKES_STORY.has(turn.state.step.name) &&
    resolveChoice(turn.state, input, turn.deps.t).type !== "choice"
  ) {
    noticeLanguage(turn, assessment);
    if (turn.state.step.name === "consent") {
      holdWords(turn, input.text);
      turn.say("conversation:held_intro");
    }
    askSafety(turn);
    return true;
  }
  noticeLanguage(turn, assessment);
  return false;
}

function askSafety(turn: Turn): void {
  turn.ask("screening_safety:question", SAFETY_CHOICES);
}

async function answerSafety(turn: Turn, id: string): Promise<boolean> {
  if (!SAFETY_CHOICES.some((choice) => choice.id === id) || !safetyOffered(turn)) return false;
  if (id === SAFETY_DANGER.id) {
    await respondToEmergency(turn, null);
    afterEmergency(turn, false);
    return true;
  }
  turn.say(id === SAFETY_SAFE.id ? "screening_safety:answer.safe" : "screening_safety:answer.later");
  // Back to where the conversation was: its question is asked again.
  await turn.go(turn.state.step);
  return true;
}

function safetyOffered(turn: Turn): boolean {
  return turn.state.offered.some((choice) => choice.id === SAFETY_DANGER.id);
}

/** Typed answers to the safety question, in Indonesian or English. */
function readTypedAnswer(text: string): string | undefined {
  const reply = normalizeReply(text);
  if (DANGER_REPLY.test(reply)) return SAFETY_DANGER.id;
  if (SAFE_REPLY.test(reply)) return SAFETY_SAFE.id;
  if (LATER_REPLY.test(reply)) return SAFETY_LATER.id;
  return undefined;
}

const DANGER_REPLY =
  /^(?:ya|iya|iy|y|yes|yess|yep|yeah|bahaya|dalam bahaya|sy dalam bahaya|saya dalam bahaya|aku dalam bahaya|danger|in danger|i am in danger|i'm in danger|tolong|help|darurat|tidak aman|gak aman|ga aman|nggak aman|not safe|unsafe)$/;
const SAFE_REPLY =
  /^(?:aman|sudah aman|saya aman|aku aman|safe|i am safe|i'm safe|ok aman|tidak|nggak|gak|ga|no|nope)$/;
const LATER_REPLY =
  /^(?:nanti|nanti saja|nanti aja|later|not now|tidak bisa bicara|gak bisa ngomong|ga bisa ngomong|can't talk|cannot talk)$/;

function noticeLanguage(turn: Turn, assessment: Assessment): void {
  if (!NOTICE_LANGUAGES.has(assessment.language)) return;
  turn.say(`screening_safety:other_language.${assessment.language}`, {
    list: formatContacts(turn, turn.deps.contacts.forCountry(turn.state.country)),
  });
}
