/**
 * The casework domain's error vocabulary: what a caseworker asked for cannot be done. `http/` and the
 * console map the codes to a status or a friendly page; the message says what to do instead.
 */
export type CaseworkErrorCode = "not_found" | "forbidden" | "conflict" | "invalid";

export class CaseworkError extends Error {
  override readonly name = "CaseworkError";
  constructor(
    readonly code: CaseworkErrorCode,
    message: string,
    /** i18n key (namespace "console") of the same message, for the console */
    readonly messageKey: string = `errors.${code}`,
  ) {
    super(message);
  }
}
