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
  // The texts do not change while the process runs: a turn asks for the same few texts again and again (its
  // replies, the screening's explanations of every assessment), so each rendering is kept, up to a bound.
  const rendered = new Map<string, string>();
  const t: Translate = (locale, key, vars) => {
    const id = vars ? `${locale}\u0000${key}\u0000${JSON.stringify(vars)}` : `${locale}\u0000${key}`;
    const known = rendered.get(id);
    if (known !== undefined) return known;
    if (!instance.exists(key, { lng: locale })) {
      // told every time, not kept
      options.onMissing?.(locale, key);
      return instance.t(key, { lng: locale, ...vars }) as string;
    }
    const text = instance.t(key, { lng: locale, ...vars }) as string;
    if (rendered.size >= MAX_RENDERED_TEXTS) rendered.clear();
    rendered.set(id, text);
    return text;
  };
  return { instance, t };
}

/** How many rendered texts are kept (a few hundred keys, some with a few values each). */
const MAX_RENDERED_TEXTS = 10_000;
