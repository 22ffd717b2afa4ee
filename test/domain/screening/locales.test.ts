import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { assessText, INDICATOR_IDS, type Locale, type Translate } from "../../../src/domain/screening/index.ts";
import { createTestTranslate, readScreeningLocale } from "./create-test-translate.ts";

function keysOf(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => keysOf(value, prefix === "" ? key : `${prefix}.${key}`));
}

describe("locales/<lng>/screening.json", () => {
  const id = readScreeningLocale("id");
  const en = readScreeningLocale("en");

  it("has the same keys in Indonesian and English", () => {
    expect(keysOf(id).sort()).toEqual(keysOf(en).sort());
  });

  it("names every catalogue indicator for caseworkers", () => {
    const keys = new Set(keysOf(id));
    expect(INDICATOR_IDS.filter((indicatorId) => !keys.has(`indicator.${indicatorId}`))).toEqual([]);
  });

  it("renders the same explanation through a real i18next instance", async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: "id",
      fallbackLng: false,
      ns: ["screening"],
      defaultNS: "screening",
      resources: { id: { screening: id }, en: { screening: en } },
      interpolation: { escapeValue: false },
    });
    const viaI18next: Translate = (lng: Locale, key, vars) => i18n.getFixedT(lng, "screening")(key, vars);
    for (const text of [
      "saya disuruh nipu orang di kamboja, paspor ditahan",
      "ada lowongan di thailand gaji 20 juta, gak perlu pengalaman",
    ]) {
      expect(assessText({ text }, viaI18next).explanation).toEqual(
        assessText({ text }, createTestTranslate()).explanation,
      );
    }
  });
});
