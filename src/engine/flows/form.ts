import type { Flow, Turn } from "../turn.ts";
import { respondToEmergency } from "./emergency.ts";
import type { Choice } from "../types.ts";
import { REPORT_FORM } from "./report-form.ts";
import { TRACING_FORM } from "./tracing-form.ts";
import type { FormAnswers, FormSpec } from "./form-spec.ts";

export type { FormAnswers, FormField, FormSpec } from "./form-spec.ts";

export type FormId = "tracing" | "report";
type FormStep = { name: "form"; form: FormId; field: number; draft: string };

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
    promptField(turn, FORMS[step.form], step.field);
  },
  async handle(turn, step, input) {
    const spec = FORMS[step.form];
    const field = spec.fields[step.field];
    const answers = turn.deps.actions.unseal<FormAnswers>(step.draft);
    if (!field || (input.type === "choice" && input.id === SEND.id)) return finish(turn, spec, answers);
    if (input.type === "choice" && input.id === SKIP.id) return askField(turn, step.form, step.field + 1, answers);
    if (input.type === "text" && spec.danger?.test(input.text)) await raiseFormDanger(turn, input.text);
    if (field.kind === "text" && input.type === "text") {
      answers[field.id] = input.text.trim().slice(0, MAX_ANSWER_CHARS);
      return askField(turn, step.form, step.field + 1, answers);
    }
    if (field.kind === "choice" && input.type === "choice") {
      const option = field.options.find((o) => input.id === `form.${field.id}.${o}`);
      if (option) {
        answers[field.id] = option;
        return askField(turn, step.form, step.field + 1, answers);
      }
    }
    if (field.kind === "choice" && input.type === "text") {
      // Their own words where options were offered: kept as they wrote them.
      answers[field.id] = input.text.trim().slice(0, MAX_ANSWER_CHARS);
      return askField(turn, step.form, step.field + 1, answers);
    }
    turn.say("common.not_understood");
    promptField(turn, spec, step.field);
  },
};

/** Danger words of the form: emergency help and the urgent ticket, unless the screening already gave them. */
async function raiseFormDanger(turn: Turn, text: string): Promise<void> {
  const assessment = turn.assess(text);
  if (assessment.emergency) return; // run-turn has already answered it
  await respondToEmergency(turn, assessment);
}

async function askField(turn: Turn, form: FormId, from: number, answers: FormAnswers): Promise<void> {
  const spec = FORMS[form];
  // Questions the person already answered in the message that started the form are not asked again.
  let index = from;
  while (index < spec.fields.length && answers[spec.fields[index]?.id ?? ""] !== undefined) index++;
  if (index >= spec.fields.length) return finish(turn, spec, answers);
  turn.setStep({ name: "form", form, field: index, draft: turn.deps.actions.seal(answers) });
  promptField(turn, spec, index);
}

function promptField(turn: Turn, spec: FormSpec, index: number): void {
  const field = spec.fields[index];
  if (!field) return;
  const options =
    field.kind === "choice"
      ? field.options.map((o) => ({ id: `form.${field.id}.${o}`, key: `${spec.ns}:field.${field.id}.options.${o}` }))
      : [];
  turn.ask(`${spec.ns}:field.${field.id}.ask`, [...options, SKIP, ...(index > 0 ? [SEND] : [])]);
}

async function finish(turn: Turn, spec: FormSpec, answers: FormAnswers): Promise<void> {
  turn.setStep({ name: "menu" });
  await spec.finish(turn, answers);
}
