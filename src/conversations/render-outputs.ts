import type { Output } from "../engine/types.ts";
import type { Locale, Translate } from "../i18n/create-i18n.ts";
import type { Rendered } from "./types.ts";

/** Turns engine outputs into the text a person reads, in their language. */
export function renderOutputs(outputs: Output[], locale: Locale, t: Translate): Rendered[] {
  return outputs.map((output) => {
    const rendered: Rendered = { text: t(locale, output.key, output.vars) };
    if (output.choices?.length) {
      rendered.choices = output.choices.map((choice) => ({ id: choice.id, label: t(locale, choice.key, choice.vars) }));
    }
    return rendered;
  });
}
