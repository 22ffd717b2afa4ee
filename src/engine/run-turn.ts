import { NAV_LANGUAGE, NAV_MENU } from "./choices.ts";
import { answerSmallTalk } from "./free-text/answer-small-talk.ts";
import { classifyFreeText, type SmallTalk } from "./free-text/classify-free-text.ts";
import { asksWhetherKnown } from "./free-text/detect-relative.ts";
import { FLOWS } from "./flows/index.ts";
import { eraseNow } from "./flows/erase.ts";
import { screenForDanger } from "./flows/safety-check.ts";
import { noteCountry } from "./flows/note-country.ts";
import { tellCountryLines } from "./flows/place.ts";
import { isWipeRequest } from "./is-wipe-request.ts";
import { answerDuringHandoff, caseworkerJoined, caseworkerLeft } from "./handoff.ts";
import { KEYWORD_ACTIONS } from "./keyword-actions.ts";
import { matchKeyword } from "./keywords.ts";
import { resolveChoice } from "./resolve-choice.ts";
import { answerShareAsk, askShareConsent } from "./share-request.ts";
import { Turn } from "./turn.ts";
import { inHandoff, type EngineDeps, type Input, type State, type TurnInput, type TurnResult } from "./types.ts";

/**
 * One turn of a conversation, on any channel: the state and the input (the person's message, or a caseworker
 * joining or leaving) in, the next state and what to say out (i18n keys and stable choice ids). Pure apart
 * from `deps.actions`.
 */
export async function runTurn(state: State, input: TurnInput, deps: EngineDeps): Promise<TurnResult> {
  const turn = new Turn(structuredClone(state), deps, FLOWS);
  if (input.type === "caseworker_joined") caseworkerJoined(turn, input.name);
  else if (input.type === "caseworker_left") caseworkerLeft(turn);
  else if (input.type === "share_consent_asked") askShareConsent(turn, input);
  else await dispatch(turn, input);
  return { state: turn.state, outputs: turn.outputs };
}

async function dispatch(turn: Turn, raw: Input): Promise<void> {
  // The safe word wipes at once, whoever has the conversation.
  if (isWipeRequest(raw, turn.deps.safeWord)) return eraseNow(turn, "wipe");
  // A caseworker's share question is answered here, once, whoever has the conversation.
  if (await answerShareAsk(turn, raw)) return;
  // A caseworker has the conversation: the person's words are for them, not for the flows.
  if (inHandoff(turn.state)) return answerDuringHandoff(turn, raw);
  if (raw.type === "start") return start(turn);
  let country: string | undefined;
  if (raw.type === "text") {
    const keyword = matchKeyword(raw.text);
    // "hapus" typed again at "are you sure?" is a yes.
    if (keyword === "erase" && turn.state.step.name === "erase_confirm") return eraseNow(turn, "confirmed");
    if (keyword) return KEYWORD_ACTIONS[keyword](turn);
    const hadCountry = turn.state.country;
    country = noteCountry(turn, raw.text);
    if (country === hadCountry) country = undefined;
  }
  // Emergencies first: every free-text message, at any step, is screened for danger now.
  if (await screenForDanger(turn, raw)) return;
  if (raw.type === "text") {
    // A country named after the emergency numbers were sent: that country's lines, and on the ticket.
    // (At the place question its own flow answers.)
    if (country && turn.state.emergencyShown && turn.state.step.name !== "place") {
      await tellCountryLines(turn);
      if (raw.text.trim().split(/\s+/).length <= 4) {
        turn.say("conversation:small.after", undefined, turn.state.offered);
        return;
      }
    } else if (country && country !== "ID" && turn.state.step.name === "screening") {
      // Abroad, said while telling what happened: that country's lines at once; the story goes on.
      await tellCountryLines(turn);
    }
  }
  // "Is she with you?": never said, kindly, wherever it is asked (a tracing form's question included).
  if (raw.type === "text" && turn.state.step.name !== "safe_contact" && asksWhetherKnown(raw.text)) {
    turn.say("conversation:relative.never_tell");
    if (turn.state.step.name === "form") return turn.go(turn.state.step);
    turn.say("conversation:small.after", undefined, turn.state.offered);
    return;
  }
  if (raw.type === "text" && !takesWords(turn.state)) {
    // Asking for a person or for the caseworker is that, whatever choice a word of it resembles.
    const asked = classifyFreeText(raw.text);
    if (asked && ASKS_FIRST.has(asked) && answersSmallTalk(turn.state, asked)) return answerSmallTalk(turn, asked);
  }
  const input = resolveChoice(turn.state, raw, turn.deps.t);
  if (input.type === "choice") {
    if (input.id === NAV_MENU.id) return KEYWORD_ACTIONS.menu(turn);
    if (input.id === NAV_LANGUAGE.id) return KEYWORD_ACTIONS.language(turn);
    if (!turn.state.offered.some((choice) => choice.id === input.id)) {
      turn.say("common.stale");
      return turn.go(turn.state.step);
    }
  }
  if (input.type === "media") {
    turn.say(input.refused ? `media.refused_${input.refused}` : "media.received");
    return;
  }
  if (input.type === "text") {
    const small = classifyFreeText(input.text);
    if (small && answersSmallTalk(turn.state, small)) return answerSmallTalk(turn, small);
  }
  await turn.handle(input);
}

/** Small talk looked for before the choices on offer: a request that must not read as a menu entry. */
const ASKS_FIRST = new Set<SmallTalk>(["want_person", "caseworker_when", "is_bot"]);

/** Where the person's words are the answer (a form's free field, a phone number), small talk is not looked for. */
function takesWords(state: State): boolean {
  const step = state.step;
  if (step.name === "safe_contact") return step.phase === "number";
  return step.name === "form" && state.offered.every((c) => c.id === "form.skip" || c.id === "form.send");
}

function answersSmallTalk(state: State, kind: SmallTalk): boolean {
  const step = state.step;
  // The very first words, before a language is chosen: the language flow reads them.
  if (step.name === "language") return false;
  if (takesWords(state)) return false;
  // In the story or a form, fear and questions are part of what the person tells: the flow keeps them.
  if ((step.name === "screening" || step.name === "form") && kind === "question") return false;
  // Waiting for a caseworker, what the person writes is for the caseworker; only "when?" gets an answer.
  if (step.name === "talk") return kind === "caseworker_when";
  return true;
}

/** The first turn (or a channel's /start): language, then the notice, then the menu. */
async function start(turn: Turn): Promise<void> {
  if (!turn.state.languageChosen) return turn.go({ name: "language" });
  if (turn.state.consent === null) {
    turn.say("welcome");
    return turn.go({ name: "consent" });
  }
  return turn.go({ name: "menu" });
}
