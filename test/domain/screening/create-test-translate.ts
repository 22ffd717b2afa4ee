import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Locale, Translate } from "../../../src/domain/screening/types.ts";

const LOCALES_DIR = fileURLToPath(new URL("../../../locales/", import.meta.url));

/** Reads locales/<lng>/screening.json as a plain object. */
export function readScreeningLocale(lng: Locale): Record<string, unknown> {
  const parsed: unknown = JSON.parse(readFileSync(`${LOCALES_DIR}${lng}/screening.json`, "utf8"));
  if (typeof parsed !== "object" || parsed === null)
    throw new Error(`locales/${lng}/screening.json must hold an object`);
  return { ...parsed };
}

/**
 * A tiny stand-in for i18next's t() over the real locale files: dotted keys, `{{var}}`
 * interpolation (no escaping, as the app configures i18next for chat text). A missing key or
 * variable throws, so tests catch typos that i18next would silently render as the key.
 */
export function createTestTranslate(): Translate {
  const resources = { id: readScreeningLocale("id"), en: readScreeningLocale("en") };
  return (lng, key, vars = {}) => {
    const template = lookup(resources[lng], key);
    if (typeof template !== "string") throw new Error(`missing key screening:${key} in locales/${lng}`);
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
      if (!(name in vars)) throw new Error(`missing variable {{${name}}} for screening:${key}`);
      return String(vars[name]);
    });
  };
}

function lookup(tree: unknown, key: string): unknown {
  let node = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return undefined;
    node = Object.getOwnPropertyDescriptor(node, part)?.value;
  }
  return node;
}
