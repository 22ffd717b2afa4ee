import { describe, expect, test } from "vitest";
import { assessText } from "../../../src/domain/screening/index.ts";
import { createTestTranslate } from "./create-test-translate.ts";

const t = createTestTranslate();
const assess = (text: string) => assessText({ text }, t);

/**
 * In a language the rules don't read, the safety question (asked in Indonesian or English) may not be
 * understood: a plea beside a sign of danger gets the emergency answer at once. Where we read the language,
 * the same words get the safety question, and a plea alone (a question about work) stays harmless.
 */
describe("a plea with danger, in a language we don't read", () => {
  test.each([
    ["tl", "tulungan nyo po ako, sinasaktan ako ng amo ko gabi-gabi"],
    ["tl", "help po, binubugbog ako ng asawa ng employer ko"],
  ])("%s: %s → the emergency answer", (language, text) => {
    const assessment = assess(text);
    expect(assessment.language).toBe(language);
    expect(assessment.understanding.languageRead).toBe(false);
    expect(assessment.emergency).toBe(true);
    expect(assessment.priority).toBe("urgent");
    expect(assessment.safetyCheck).toBe(false);
  });

  test.each([
    "help po, saan po ba makakakuha ng trabaho sa Jakarta?",
    "ayuda, ¿cómo consigo una visa de trabajo para Indonesia?",
  ])("no danger sign: %s stays harmless", (text) => {
    const assessment = assess(text);
    expect(assessment.emergency).toBe(false);
    expect(assessment.risk).toBe("none");
  });

  test("the same words where we read the language get the safety question instead", () => {
    const assessment = assess("tolong, majikan saya mukul saya tiap malam");
    expect(assessment.understanding.languageRead).toBe(true);
    expect(assessment.emergency).toBe(false);
    expect(assessment.safetyCheck).toBe(true);
  });
});
