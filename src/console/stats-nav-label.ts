import { loadResources, type Locale } from "../i18n/create-i18n.ts";

const resources = loadResources();

/**
 * The menu's "Statistics" link text, from locales/<lang>/stats.json (the layout's own translator reads the
 * console namespace only; the statistics strings live in their own namespace).
 */
export function statsNavLabel(lang: Locale): string {
  return (resources[lang].stats as { nav: string }).nav;
}
