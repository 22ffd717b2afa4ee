import { countryName } from "../domain/contacts/country-name.ts";
import type { Locale } from "../i18n/create-i18n.ts";

const NAMES = new Map<Locale, Intl.DisplayNames>();

/**
 * A country's name in the console's language, from the ISO code (`SA` → "Arab Saudi" / "Saudi Arabia"):
 * the runtime's region names, else the researched list's English name, else the code itself.
 */
export function countryLabel(code: string, lang: Locale): string {
  const key = `${lang}:${code}`;
  let label = LABELS.get(key);
  if (label === undefined) {
    label = lookUp(code, lang);
    // codes come from a fixed list of countries; the bound only guards against odd input
    if (LABELS.size < 2_000) LABELS.set(key, label);
  }
  return label;
}

/** the runtime's region names are slow to ask (a queue page asks for hundreds): each label is kept */
const LABELS = new Map<string, string>();

function lookUp(code: string, lang: Locale): string {
  let names = NAMES.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: "region" });
    NAMES.set(lang, names);
  }
  try {
    return names.of(code) ?? countryName(code) ?? code;
  } catch {
    return countryName(code) ?? code;
  }
}
