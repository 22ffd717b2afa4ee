import type { Turn } from "../turn.ts";
import type { Choice } from "../types.ts";
import type { FormAnswers, FormSpec } from "./form-spec.ts";

/** The review's two answers: send as shown, or correct something first. Ids are `<ns>.confirm`, `<ns>.edit`. */
export function reviewChoices(spec: FormSpec): Choice[] {
  return [
    { id: `${spec.ns}.confirm`, key: `${spec.ns}:review.confirm` },
    { id: `${spec.ns}.edit`, key: `${spec.ns}:review.edit` },
  ];
}

/** One choice per question, by its plain label, for "which one do you want to correct?". */
export function fieldChoices(spec: FormSpec): Choice[] {
  return spec.fields.map((field) => ({ id: `${spec.ns}.edit.${field.id}`, key: `${spec.ns}:field.${field.id}.label` }));
}

/** The index of the question a picked choice stands for, or -1. */
export function pickedField(spec: FormSpec, id: string): number {
  return spec.fields.findIndex((field) => id === `${spec.ns}.edit.${field.id}`);
}

/**
 * What will be sent, as the person will read it: "• Name: Siti Aminah", an option by its label, and
 * nothing for the questions they skipped.
 */
export function summarize(turn: Turn, spec: FormSpec, answers: FormAnswers): string {
  const lines = spec.fields.flatMap((field) => {
    const answer = answers[field.id];
    if (answer === undefined) return [];
    const shown =
      field.kind === "choice" && field.options.includes(answer)
        ? turn.t(`${spec.ns}:field.${field.id}.options.${answer}`)
        : answer;
    return [`• ${turn.t(`${spec.ns}:field.${field.id}.label`)}: ${shown}`];
  });
  return lines.length ? lines.join("\n") : turn.t(`${spec.ns}:review.nothing`);
}
