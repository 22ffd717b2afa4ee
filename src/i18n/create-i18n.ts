import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import i18next, { type i18n as I18n, type Resource } from "i18next";

export type Locale = "id" | "en";
export const LOCALES: readonly Locale[] = ["id", "en"];
export const LOCALES_DIR = new URL("../../locales/", import.meta.url).pathname;

/** renderings kept by `t` (labels, counts, durations): far more than a page uses, far less than memory allows */
const RENDERED_LIMIT = 20_000;
/** a variable value safe to keep: a number, or a word that is a code (starts with a letter; no spaces, no "+") */
const CODE_LIKE = /^[A-Za-z][\w.-]{0,63}$/;

/** The cache key of one rendering, or undefined when a variable may be personal (anything but a code or number). */
function memoKey(locale: string, key: string, vars: Vars | undefined): string | undefined {
  let memo = `${locale}\u0000${key}`;
  if (!vars) return memo;
  for (const name in vars) {
    const value = vars[name];
    if (typeof value === "number" ? !Number.isFinite(value) : !CODE_LIKE.test(value!)) return undefined;
    memo += `\u0000${name}=${value}`;
  }
  return memo;
}

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
  // The resources never change after start, so a key with the same variables always renders the same text:
  // the console's queue alone asks for thousands of labels per page, and i18next's lookup was most of its CPU.
  // Only renderings whose variables are numbers or code-like words (ids, statuses, counts) are kept, so no
  // name, phone number or words of a person stay in memory; the map starts afresh when it is full.
  const rendered = new Map<string, string>();
  const t: Translate = (locale, key, vars) => {
    const memo = memoKey(locale, key, vars);
    const known = memo === undefined ? undefined : rendered.get(memo);
    if (known !== undefined) return known;
    const exists = instance.exists(key, { lng: locale });
    if (!exists) options.onMissing?.(locale, key);
    const text = instance.t(key, { lng: locale, ...vars }) as string;
    if (memo !== undefined && exists) {
      if (rendered.size >= RENDERED_LIMIT) rendered.clear();
      rendered.set(memo, text);
    }
    return text;
  };
  return { instance, t };
}
