import { describe, expect, it } from "vitest";
import { assessText, INDICATORS, nextQuestions, QUESTION_ORDER } from "../../../src/domain/screening/index.ts";
import { createTestTranslate } from "./create-test-translate.ts";

const t = createTestTranslate();

describe("QUESTION_ORDER", () => {
  it("asks age first and only catalogue ids, each once, each with a question in both languages", () => {
    expect(QUESTION_ORDER[0]).toBe("CH-01-under-18");
    expect(new Set(QUESTION_ORDER).size).toBe(QUESTION_ORDER.length);
    for (const id of QUESTION_ORDER) {
      const entry = INDICATORS.find((indicator) => indicator.id === id);
      expect(entry?.en.length).toBeGreaterThan(10);
      expect(entry?.ind.length).toBeGreaterThan(10);
    }
  });
});

describe("nextQuestions", () => {
  it("skips what the text already told and what was answered, a few at a time", () => {
    const assessment = assessText({ text: "paspor saya ditahan majikan, hp juga disita" }, t);
    expect(nextQuestions(assessment, [], 3)).toEqual(["CH-01-under-18", "FL-04-movement", "FL-06-violence"]);
    expect(nextQuestions(assessment, ["CH-01-under-18", "FL-04-movement"], 2)).toEqual([
      "FL-06-violence",
      "FL-07-threats",
    ]);
  });

  it("counts a related indicator as answered (held now → freedom to leave) and a stated child age as the age", () => {
    const assessment = assessText({ text: "aku dikurung, umurku 15" }, t);
    expect(nextQuestions(assessment, [], 2)).toEqual(["FL-01-documents", "FL-05-isolation-phone"]);
  });

  it("returns nothing when all are known or n is zero", () => {
    const assessment = assessText({ text: "halo" }, t);
    expect(nextQuestions(assessment, [...QUESTION_ORDER], 3)).toEqual([]);
    expect(nextQuestions(assessment, [], 0)).toEqual([]);
  });
});
