import type { Translate as ScreeningTranslate } from "../domain/screening/index.ts";
import type { Translate, Vars } from "../i18n/create-i18n.ts";

/** The screening engine's translate function over the app's i18n: keys of the "screening" namespace. */
export function toScreeningTranslate(t: Translate): ScreeningTranslate {
  return (lng, key, vars) => t(lng, `screening:${key}`, vars ? toVars(vars) : undefined);
}

function toVars(vars: Record<string, unknown>): Vars {
  return Object.fromEntries(
    Object.entries(vars).map(([name, value]) => [name, typeof value === "number" ? value : String(value)]),
  );
}
