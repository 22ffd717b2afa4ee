import { describe, expect, it } from "vitest";
import { assessText, detectLanguage } from "../../src/domain/screening/index.ts";
import { stemCandidates } from "../../src/domain/screening/stem-word.ts";
import { normalizeText } from "../../src/domain/screening/normalize-text.ts";
import { createTestTranslate } from "../domain/screening/create-test-translate.ts";

const t = createTestTranslate();
const assess = (text: string) => assessText({ text }, t);

describe("rules of the language, not phrases", () => {
  it.each([
    ["dipukuli", "pukul"],
    ["mukul", "pukul"],
    ["memukul", "pukul"],
    ["mukulin", "pukul"],
    ["nyiksa", "siksa"],
    ["disiksa", "siksa"],
    ["nendang", "tendang"],
  ])("%s shares the root %s", (word, root) => {
    expect(stemCandidates(word)).toContain(root);
  });

  it("drops invisible characters and reads 🆘 as sos", () => {
    expect(normalizeText("dar\u200burat").text).toBe("darurat");
    expect(normalizeText("🆘").text).toBe("sos");
  });

  it.each([
    ["Tulungan nyo po ako, kinulong kami dito", "tl"],
    ["Cứu tôi với, họ giữ hộ chiếu", "vi"],
    ["cuu em voi, em bi nhot o campuchia", "vi"],
    ["ช่วยด้วย ฉันถูกขังอยู่ในห้อง", "th"],
    ["ကျွန်တော် ရေလုပ်သား ပါ။ လစာ မပေးဘူး။", "my"],
    ["ខ្ញុំជាអ្នកនេសាទ គេមិនបើកប្រាក់ខែ", "km"],
    ["救命 我被关起来了", "zh"],
    ["Ayúdenme por favor, estoy encerrada", "es"],
    ["Socorro, estou presa num quarto", "pt"],
    ["saya tak boleh keluar rumah, majikan tak bagi duit, nak balik kampung", "ms"],
    ["sy kabur dr rumah majikan skrg di jalan gk punya uang", "id"],
    ["my boss is going to beat me now", "en"],
  ])("%s → %s", (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it.each([
    "majikan lg ngamuk, mau nyiksa aku lg mlm ini",
    "he is coming back tonight and will kill me",
    "aku udh kabur, skrg tidur di terminal gak punya duit",
    "hp ku mau disita besok, ini chat terakhir",
    "Socorro, me trancaram no quarto",
    "他们不让我走，救命",
  ])("an emergency: %s", (text) => {
    expect(assess(text).emergency).toBe(true);
  });

  it.each([
    "wkwk aku disekap tugas kuliah 😂",
    "mantan suami saya sering mukul saya dulu",
    "kalau saya lapor, dia akan mukul saya",
    "nomor darurat polisi berapa ya?",
    "sy mau bunuh diri aja, capek",
  ])("no trafficking emergency block from violence words: %s", (text) => {
    const got = assess(text);
    // self-harm is an emergency of its own, flagged as such; none of the others are emergencies
    if (got.selfHarm) expect(got.indicators.map((hit) => hit.id)).not.toContain("EM-03-death-threat");
    else expect(got.emergency).toBe(false);
  });

  it("a fee to leave a contract early is not a ransom, and asks the safety question", () => {
    const got = assess("agen minta bayar denda 10 juta kalau mau putus kontrak, saya takut");
    expect(got.emergency).toBe(false);
    expect(got.safetyCheck).toBe(true);
  });
});
