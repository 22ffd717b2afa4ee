import { initialState, type State } from "../engine/types.ts";
import { isLocale, type Locale } from "../i18n/create-i18n.ts";

/** The stored JSON state, or a fresh one when it is missing or from an older shape. */
export function readState(value: unknown, fallbackLocale: Locale): State {
  if (value && typeof value === "object" && (value as State).version === 1 && isLocale((value as State).locale)) {
    return value as State;
  }
  return initialState(fallbackLocale);
}
