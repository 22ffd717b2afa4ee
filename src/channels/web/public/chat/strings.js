// The page's own words (locales/<lng>/web.json), loaded from the server and applied to data-i18n elements.

import { request } from "./api-client.js";
import { delay } from "./dom.js";
import { isExiting } from "./quick-exit.js";

export const LOCALES = ["id", "en"];
const STRINGS_RETRY_MS = 2000;

const stringsByLocale = new Map();
let strings = {};
let wantedLocale = "";
const refreshers = [];

/** Runs `refresh` each time a language is applied (parts of the page drawn from code, not data-i18n). */
export function whenLocaleApplied(refresh) {
  refreshers.push(refresh);
}

export function preferredLocale() {
  const tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  for (const tag of tags) {
    const lower = String(tag).toLowerCase();
    // "in" is the old code for Indonesian that some Android phones still report.
    if (/^(id|in)(-|$)/.test(lower)) return "id";
    if (/^en(-|$)/.test(lower)) return "en";
  }
  return tags.some((tag) => /-id$/i.test(String(tag))) ? "id" : "en";
}

async function loadStrings(lng) {
  for (;;) {
    if (stringsByLocale.has(lng)) return stringsByLocale.get(lng);
    try {
      const loaded = await request(`/static/locales/${lng}/web.json`);
      stringsByLocale.set(lng, loaded);
      return loaded;
    } catch {
      if (isExiting()) return {};
      await delay(STRINGS_RETRY_MS);
    }
  }
}

export async function applyLocale(lng) {
  wantedLocale = lng;
  const loaded = await loadStrings(lng);
  // A later choice wins if the person taps both languages quickly.
  if (isExiting() || wantedLocale !== lng) return;
  strings = loaded;
  document.documentElement.lang = lng;
  document.title = t("title");
  for (const element of document.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of document.querySelectorAll("[data-i18n-placeholder]")) {
    element.placeholder = t(element.dataset.i18nPlaceholder);
  }
  for (const element of document.querySelectorAll("[data-i18n-label]")) {
    element.setAttribute("aria-label", t(element.dataset.i18nLabel));
  }
  for (const refresh of refreshers) refresh();
}

/** Looks up "a.b" in the loaded strings; a missing key renders as nothing rather than as the key. */
export function t(key) {
  const value = key
    .split(".")
    .reduce((node, part) => (node && typeof node === "object" ? node[part] : undefined), strings);
  return typeof value === "string" ? value : "";
}
