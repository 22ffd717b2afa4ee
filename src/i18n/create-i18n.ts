import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import i18next, { type i18n as I18n, type Resource } from "i18next";

export type Locale = "id" | "en";
export const LOCALES: readonly Locale[] = ["id", "en"];
export const LOCALES_DIR = new URL("../../locales/", import.meta.url).pathname;

export type Vars = Record<string, string | number>;
/** Renders one key (`ns:key`, or `key` in the default namespace "chat") in one language. */
export type Translate = (locale: Locale, key: string, vars?: Vars) => string;

export function isLocale(value: unknown): value is Locale {
  return value === "id" || value === "en";
}

/** Reads every `locales/<lng>/<namespace>.json` into one i18next instance (synchronously, at start). */
export function loadResources(dir = LOCALES_DIR): Record<Locale, Record<string, unknown>> {
  const resources = { id: {}, en: {} } as Record<Locale, Record<string, unknown>>;
  for (const locale of LOCALES) {
    for (const file of readdirSync(path.join(dir, locale)).filter((f) => f.endsWith(".json"))) {
      resources[locale][file.slice(0, -5)] = JSON.parse(readFileSync(path.join(dir, locale, file), "utf8"));
    }
  }
  return resources;
}

/**
 * One i18next instance for the process. A missing key is reported through `onMissing` (tests fail on it;
 * the server logs it) and renders as the key, never as an empty message.
 */
export function createI18n(options: { onMissing?: (locale: string, key: string) => void; dir?: string } = {}) {
  const instance: I18n = i18next.createInstance();
  const resources = loadResources(options.dir);
  void instance.init({
    resources: resources as Resource,
    lng: "id",
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    ns: Object.keys(resources.id),
    defaultNS: "chat",
    nsSeparator: ":",
    keySeparator: ".",
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const t: Translate = (locale, key, vars) => {
    if (!instance.exists(key, { lng: locale })) options.onMissing?.(locale, key);
    return instance.t(key, { lng: locale, ...vars }) as string;
  };
  return { instance, t };
}
