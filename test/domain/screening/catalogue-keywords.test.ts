import { describe, expect, it } from "vitest";
import { assessText, INDICATORS } from "../../../src/domain/screening/index.ts";
import { createTestTranslate } from "./create-test-translate.ts";

const t = createTestTranslate();

/**
 * Keyword hints from indicators.json that do NOT fire on their own, and why. Each needs context a
 * carrier sentence cannot give; the detector handles them in context (see the labelled cases).
 */
const NEEDS_CONTEXT: Readonly<Record<string, string>> = {
  "EM-02-injured/luka": "also 'luka hati' (heartbreak); fires with a body part or severity",
  "EM-02-injured/tidak diobati": "untreated illness alone is FL-13; an untreated injury is EM-02",
  "ACT-03-held-before-departure/mess": "a mess abroad is housing; ACT-03 needs 'before departure'",
  "ACT-03-held-before-departure/asrama": "same as mess",
  "ACT-03-held-before-departure/BLK": "a training centre is normal; ACT-03 needs 'before departure' or confinement",
  "ACT-03-held-before-departure/shelter": "same as BLK",
  "ACT-03-held-before-departure/dormitory": "same as mess",
  "ACT-03-held-before-departure/training centre": "same as BLK",
  "DEC-01-job-deception/dijanjikan": "a promise alone; needs the reality that differs ('ternyata…')",
  "DEC-01-job-deception/ternyata": "'it turned out' alone (also 'ternyata majikan baik')",
  "DEC-01-job-deception/katanya kerja di Thailand": "needs the contrast ('ternyata di Myanmar')",
  "DEC-01-job-deception/katanya jadi CS": "needs the contrast",
  "DEC-01-job-deception/katanya jaga anak": "needs the contrast",
  "DEC-01-job-deception/they said Thailand": "needs the contrast",
  "DEC-01-job-deception/turned out": "needs what it turned out to be",
  "DEC-02-wage-deception/gaji cuma": "needs the amount ('gaji cuma 2 juta')",
  "DEC-05-romance-marriage-lure/pacar": "a partner alone is not a lure (and is common in domestic violence)",
  "FL-01-documents/no passport": "also 'I have no passport yet' before departure",
  "FL-05-isolation-phone/tidak ada sinyal": "needs a place: at sea, plantation, compound",
  "FL-06-violence/hit": "needs who was hit ('hit me', 'hits the crew')",
  "FL-07-threats/jangan cerita": "also a person asking the bot for discretion",
  "FL-08-threat-of-authorities/dipenjara": "needs the threat ('bilang… akan dipenjara')",
  "FL-08-threat-of-authorities/dideportasi": "past deportation is VUL-04; needs the threat",
  "FL-08-threat-of-authorities/deported": "same as dideportasi",
  "FL-08-threat-of-authorities/jailed": "needs the threat",
  "FL-09-quota-punishment/kena denda": "fines alone are FL-03; FL-09 needs a target",
  "FL-09-quota-punishment/dipotong gaji": "same as kena denda",
  "FL-09-quota-punishment/disetrum": "FL-06; FL-09 needs a target",
  "FL-09-quota-punishment/dikurung": "EM-01; FL-09 needs a target",
  "FL-09-quota-punishment/quota": "needs the punishment or a missed quota",
  "FL-09-quota-punishment/target": "same as quota",
  "FL-10-cannot-quit/kontrak belum habis": "needs the refusal or the fee to leave",
  "FL-11-excessive-hours/kerja terus": "also 'mau kerja terus' (keep working); needs hours, rest or an employer",
  "FL-14-fishing-vessel/crew": "needs a boat",
  "PUR-02-sexual-exploitation/mami": "also 'mother'; needs the pimp context",
  "PUR-02-sexual-exploitation/clients": "needs a sexual context",
  "PUR-02-sexual-exploitation/customers": "needs a sexual context",
  "PUR-03-forced-marriage/mertua": "in-laws alone",
  "PUR-03-forced-marriage/bride": "needs force, purchase or a foreign husband",
  "PUR-04-organ-removal/transplantasi": "a transplant alone is medical; needs payment or pressure",
};

/** A plain sentence that puts the keyword in the setting of its category. */
function carrier(category: string, language: "id" | "en", keyword: string): string {
  if (category === "child") return language === "id" ? `adik saya umur 15, ${keyword}` : `my sister is 15, ${keyword}`;
  return language === "id" ? `saya kerja di malaysia, ${keyword}` : `I work in Malaysia, ${keyword}`;
}

const rows = INDICATORS.flatMap((indicator) =>
  (["id", "en"] as const).flatMap((language) =>
    (language === "id" ? indicator.keywords_id : indicator.keywords_en).map((keyword) => ({
      indicator,
      language,
      keyword,
    })),
  ),
);

describe("every keyword hint of indicators.json is detected in a plain sentence", () => {
  it.each(
    rows
      .filter(({ indicator, keyword }) => NEEDS_CONTEXT[`${indicator.id}/${keyword}`] === undefined)
      .map((row) => [`${row.indicator.id} ${row.language} "${row.keyword}"`, row] as const),
  )("%s", (_, { indicator, language, keyword }) => {
    const found = assessText({ text: carrier(indicator.category, language, keyword) }, t).indicators.map(
      (hit) => hit.id,
    );
    expect(found).toContain(indicator.id);
  });

  it("lists only real keywords as needing context", () => {
    const known = new Set(rows.map(({ indicator, keyword }) => `${indicator.id}/${keyword}`));
    expect(Object.keys(NEEDS_CONTEXT).filter((key) => !known.has(key))).toEqual([]);
  });
});
