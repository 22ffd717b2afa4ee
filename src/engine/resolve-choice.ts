import type { Translate } from "../i18n/create-i18n.ts";
import { understandReply } from "./understand/understand-reply.ts";
import type { Input, State } from "./types.ts";

/**
 * A typed reply that answers the question on offer becomes that choice, however it is put: its number,
 * its label or another word for it, a yes/no in any form, with typos and extra words (kept as `extra`;
 * see understand/understand-reply.ts). Anything else stays text.
 */
export function resolveChoice(state: State, input: Input, t: Translate): Input {
  if (input.type !== "text" || state.offered.length === 0) return input;
  const understood = understandReply(input.text, state.offered, (c) => t(state.locale, c.key, c.vars), {
    numbers: !expectsNumber(state),
  });
  if (!understood) return input;
  return understood.extra
    ? { type: "choice", id: understood.id, extra: input.text }
    : { type: "choice", id: understood.id };
}

/** Steps where a typed number is the answer itself (an age, a date, a phone number), not a choice's number. */
function expectsNumber(state: State): boolean {
  const step = state.step;
  if (step.name === "safe_contact") return step.phase === "number";
  if (step.name === "form") return !state.offered.some((c) => c.id !== "form.skip" && c.id !== "form.send");
  return step.name === "screening" && step.phase === "story";
}
