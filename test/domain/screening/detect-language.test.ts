import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../src/domain/screening/index.ts";

describe("detectLanguage", () => {
  it.each([
    ["tolong saya dikunci di kamar sama agen", "id"],
    ["gw gak dibayar 3 bulan", "id"],
    ["Please help, my employer locked me inside the house", "en"],
    ["my daughter is 14 and a man took her to Surabaya", "en"],
    ["boss ambil paspor saya, gaji gak dibayar", "id"],
  ])("%s → %s", (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it("falls back when the text has no telling words", () => {
    expect(detectLanguage("👍")).toBe("id");
    expect(detectLanguage("👍", "en")).toBe("en");
  });
});
