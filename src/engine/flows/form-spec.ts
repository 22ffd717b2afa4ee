import type { Turn } from "../turn.ts";
import type { FieldCheck } from "./field-checks.ts";

/**
 * One short question: typed text (with what it must look like, if anything: `<ns>:check.<problem>` asks
 * again kindly), or one of a few options (stored as the option id).
 */
export type FormField =
  | { id: string; kind: "text"; check?: FieldCheck }
  | { id: string; kind: "choice"; options: readonly string[] };

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
  /**
   * A last step before `finish`: the answers shown back (`<ns>:review.summary`, each field under
   * `<ns>:field.<id>.label`), with `<ns>.confirm` to send and `<ns>.edit` to pick a field and correct it.
   */
  review?: true;
};
