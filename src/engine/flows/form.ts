import type { Flow, Turn } from "../turn.ts";
import { respondToEmergency } from "./emergency.ts";
import { afterEmergency } from "./place.ts";
import type { Choice, Input, Step } from "../types.ts";
import { checkAnswer } from "./field-checks.ts";
import { fieldChoices, pickedField, reviewChoices, summarize } from "./form-review.ts";
import { REPORT_FORM } from "./report-form.ts";
import { TRACING_FORM } from "./tracing-form.ts";
import type { FormAnswers, FormField, FormSpec } from "./form-spec.ts";

export type { FormAnswers, FormField, FormSpec } from "./form-spec.ts";

export type FormId = "tracing" | "report";
type FormStep = Extract<Step, { name: "form" }>;

const FORMS: Record<FormId, FormSpec> = { tracing: TRACING_FORM, report: REPORT_FORM };
const SKIP: Choice = { id: "form.skip", key: "intake:answer.skip" };
const SEND: Choice = { id: "form.send", key: "intake:form.send" };
/** Longest answer kept for one field. */
const MAX_ANSWER_CHARS = 1000;

/**
 * Starts a form. Every question can be skipped, "send now" ends it early with what was given, and
 * "menu" leaves it. `answers` carries what is already known (the message that started it).
 */
export async function startForm(turn: Turn, form: FormId, answers: FormAnswers = {}): Promise<void> {
  turn.say(`${FORMS[form].ns}:intro`);
  await askField(turn, form, 0, answers);
}

export const formFlow: Flow<FormStep> = {
  enter(turn, step) {
    const spec = FORMS[step.form];
    if (step.phase === "review") return askReview(turn, spec, turn.deps.actions.unseal<FormAnswers>(step.draft));
    if (step.phase === "pick") return turn.ask(`${spec.ns}:review.pick`, fieldChoices(spec));
    promptField(turn, spec, step.field, step.phase === "fix");
  },
  async handle(turn, step, input) {
    const spec = FORMS[step.form];
    const answers = turn.deps.actions.unseal<FormAnswers>(step.draft);
    if (input.type === "text" && spec.danger?.test(input.text)) await raiseFormDanger(turn, input.text);
    if (step.phase === "review") return handleReview(turn, step, spec, answers, input);
    if (step.phase === "pick") return handlePick(turn, step, spec, input);
    const field = spec.fields[step.field];
    const fixing = step.phase === "fix";
    const next = (): Promise<void> =>
      fixing ? review(turn, step.form, answers) : askField(turn, step.form, step.field + 1, answers);
    if (!field || (input.type === "choice" && input.id === SEND.id)) return finish(turn, step.form, answers);
    if (input.type === "choice" && input.id === SKIP.id) return next();
    if (field.kind === "choice" && input.type === "choice") {
      const option = field.options.find((o) => input.id === `form.${field.id}.${o}`);
      if (option) {
        answers[field.id] = option;
        return next();
      }
    }
    if (input.type === "text") {
      // Their own words, also where options were offered: kept as they wrote them, once they fit the question.
      const checked = checkField(turn, field, input.text);
      // The same problem twice in a row: kept as they wrote it, rather than the same ask again.
      if (!checked.ok && checked.problem !== step.recheck) return askAgain(turn, step, spec, answers, checked.problem);
      if (!checked.ok) turn.say("conversation:form_kept_as_written");
      answers[field.id] = input.text.trim().slice(0, MAX_ANSWER_CHARS);
      return next();
    }
    turn.say("common.not_understood");
    promptField(turn, spec, step.field, fixing);
  },
};

function checkField(turn: Turn, field: FormField, text: string): ReturnType<typeof checkAnswer> {
  if (field.kind !== "text" || !field.check) return { ok: true };
  return checkAnswer(field.check, text, turn.deps.now());
}

/** The answer does not fit the question: said kindly, in other words, with the same way out (skip). */
function askAgain(turn: Turn, step: FormStep, spec: FormSpec, answers: FormAnswers, problem: string): void {
  turn.setStep({ ...step, draft: turn.deps.actions.seal(answers), recheck: problem });
  turn.ask(`${spec.ns}:check.${problem}`, fieldReplies(step.field, step.phase === "fix"));
}

/** Danger words of the form: emergency help and the urgent ticket, unless the screening already gave them. */
async function raiseFormDanger(turn: Turn, text: string): Promise<void> {
  const assessment = turn.assess(text);
  if (assessment.emergency) return; // run-turn has already answered it
  await respondToEmergency(turn, assessment);
  afterEmergency(turn, true);
}

async function askField(turn: Turn, form: FormId, from: number, answers: FormAnswers): Promise<void> {
  const spec = FORMS[form];
  // Questions the person already answered in the message that started the form are not asked again.
  let index = from;
  while (index < spec.fields.length && answers[spec.fields[index]?.id ?? ""] !== undefined) index++;
  if (index >= spec.fields.length) return finish(turn, form, answers);
  turn.setStep({ name: "form", form, field: index, draft: turn.deps.actions.seal(answers) });
  promptField(turn, spec, index);
}

function fieldReplies(index: number, fixing: boolean): Choice[] {
  return fixing ? [SKIP] : [SKIP, ...(index > 0 ? [SEND] : [])];
}

function promptField(turn: Turn, spec: FormSpec, index: number, fixing = false): void {
  const field = spec.fields[index];
  if (!field) return;
  const options =
    field.kind === "choice"
      ? field.options.map((o) => ({ id: `form.${field.id}.${o}`, key: `${spec.ns}:field.${field.id}.options.${o}` }))
      : [];
  turn.ask(`${spec.ns}:field.${field.id}.ask`, [...options, ...fieldReplies(index, fixing)]);
}

/** The end of the questions: the review first where the form has one, else sent at once. */
async function finish(turn: Turn, form: FormId, answers: FormAnswers): Promise<void> {
  if (FORMS[form].review) return review(turn, form, answers);
  return send(turn, FORMS[form], answers);
}

async function send(turn: Turn, spec: FormSpec, answers: FormAnswers): Promise<void> {
  turn.setStep({ name: "menu" });
  await spec.finish(turn, answers);
}

async function review(turn: Turn, form: FormId, answers: FormAnswers): Promise<void> {
  turn.setStep({ name: "form", form, field: -1, draft: turn.deps.actions.seal(answers), phase: "review" });
  askReview(turn, FORMS[form], answers);
}

function askReview(turn: Turn, spec: FormSpec, answers: FormAnswers, again = false): void {
  turn.ask(again ? `${spec.ns}:review.again` : `${spec.ns}:review.summary`, reviewChoices(spec), {
    list: summarize(turn, spec, answers),
  });
}

async function handleReview(
  turn: Turn,
  step: FormStep,
  spec: FormSpec,
  answers: FormAnswers,
  input: Input,
): Promise<void> {
  const [confirm, edit] = reviewChoices(spec);
  if (input.type === "choice" && input.id === confirm!.id) return send(turn, spec, answers);
  if (input.type === "choice" && input.id === edit!.id) {
    turn.setStep({ ...step, phase: "pick" });
    return turn.ask(`${spec.ns}:review.pick`, fieldChoices(spec));
  }
  askReview(turn, spec, answers, true);
}

function handlePick(turn: Turn, step: FormStep, spec: FormSpec, input: Input): void {
  const index = input.type === "choice" ? pickedField(spec, input.id) : -1;
  if (index < 0) return turn.ask(`${spec.ns}:review.pick_again`, fieldChoices(spec));
  turn.setStep({ ...step, field: index, phase: "fix" });
  promptField(turn, spec, index, true);
}
