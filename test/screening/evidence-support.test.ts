import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assessText } from "../../src/domain/screening/index.ts";
import type { IndicatorId } from "../../src/domain/screening/catalogue.ts";
import { createTestTranslate } from "../domain/screening/create-test-translate.ts";
import { evidenceSupports } from "./evidence-vocabulary.ts";

const t = createTestTranslate();
const FILES = [
  "../domain/screening/dev-cases.json",
  "../domain/screening/extra-cases.json",
  "./real-dev-cases.json",
  "./fresh-cases.json",
  "./fresh-cases-2.json",
  "./fresh-cases-3.json",
];
const Case = z.object({ id: z.string(), text: z.string(), locale: z.enum(["id", "en"]).optional() });

describe("each indicator's evidence is words that say that indicator", () => {
  it.each(FILES)("every case of %s", (file) => {
    const cases = z.array(Case).parse(JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8")));
    const unsupported: string[] = [];
    let spans = 0;
    for (const item of cases) {
      for (const hit of assessText({ text: item.text, locale: item.locale }, t).indicators) {
        spans++;
        if (!evidenceSupports(hit.id as IndicatorId, hit.evidence))
          unsupported.push(`${item.id} ${hit.id}: ${hit.evidence}`);
      }
    }
    expect(spans).toBeGreaterThan(0);
    expect(unsupported).toEqual([]);
  });

  it("the check itself refuses words of another indicator", () => {
    expect(evidenceSupports("EM-03-death-threat", "majikan mau mukul saya")).toBe(false);
    expect(evidenceSupports("FL-01-documents", "gaji 3 bulan belum dibayar")).toBe(false);
    expect(evidenceSupports("FL-06-violence", "majikan mau mukul saya")).toBe(true);
  });
});

describe("rules that stand for an indicator give that indicator's words", () => {
  const hit = (text: string, id: string) => assessText({ text }, t).indicators.find((found) => found.id === id);

  it("violence about to happen is physical violence; a threat to life only when the violence can kill", () => {
    const beating = assessText({ text: "majikan mau mukul sy skrg, tolong" }, t);
    expect(beating.emergency).toBe(true);
    expect(beating.indicators.map((found) => found.id)).toContain("FL-06-violence");
    expect(beating.indicators.map((found) => found.id)).not.toContain("EM-03-death-threat");
    expect(hit("bos lagi ngamuk, dia mau nusuk aku sekarang", "EM-03-death-threat")?.evidence).toMatch(/nusuk/);
  });

  it("care refused shows the illness beside the refusal", () => {
    const evidence = hit(
      "sy muntah muntah sudah 3 hari, majikan bilang gak boleh ke dokter",
      "EM-02-injured",
    )?.evidence;
    expect(evidence).toMatch(/muntah/);
    expect(evidence).toMatch(/gak boleh ke dokter/);
  });

  it("a long match keeps its end, where the deception is told", () => {
    const text =
      "adik saya diajak temannya kerja di thailand katanya gaji besar sekali dan tempatnya enak, berangkat bulan lalu, sampai bangkok malah dibawa ke kamboja disuruh nipu orang";
    for (const found of assessText({ text }, t).indicators) {
      expect(found.evidence.length).toBeLessThanOrEqual(90);
      expect(evidenceSupports(found.id as IndicatorId, found.evidence), `${found.id}: ${found.evidence}`).toBe(true);
    }
  });
});
