import type { Turn } from "../turn.ts";

/** One short question: typed text, or one of a few options (stored as the option id). */
export type FormField = { id: string; kind: "text" } | { id: string; kind: "choice"; options: readonly string[] };

/** The person's answers so far: field id → their words or the option id. */
export type FormAnswers = Record<string, string>;

/**
 * A form: its i18n namespace (`<ns>:intro`, `<ns>:field.<id>.ask`, `<ns>:field.<id>.options.<option>`),
 * its fields in order, and what happens with the answers at the end.
 */
export type FormSpec = {
  ns: string;
  fields: readonly FormField[];
  finish(turn: Turn, answers: FormAnswers): Promise<void>;
  /**
   * Words that signal danger in this form's context even where the screening alone would not call it an
   * emergency (in a tracing request, a relative "dijual"): they take the emergency path too.
   */
  danger?: RegExp;
};
