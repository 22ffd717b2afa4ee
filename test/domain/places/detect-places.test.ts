import { expect, test } from "vitest";
import { detectPlaces } from "../../../src/domain/places/detect-places.ts";

test.each([
  ["Saya kerja di pabrik di Malaysia. Paspor saya ditahan bos", { country: "MY" }],
  ["aku dari NTT, sekarang di Kuala Lumpur", { country: "MY", province: "Nusa Tenggara Timur" }],
  ["adik saya dari Indramayu berangkat ke arab saudi pakai visa umrah", { country: "SA", province: "Jawa Barat" }],
  ["I was taken to a compound in Sihanoukville and forced to scam people", { country: "KH" }],
  ["kerja di kapal ikan, terakhir di perairan Somalia", { country: "SO" }],
  ["saya di Batam sekarang", { country: "ID", province: "Kepulauan Riau" }],
  ["keluarga saya di Sorong, Papua Barat Daya", { country: "ID", province: "Papua Barat Daya" }],
  ["dijanjikan kerja di Papua Nugini", { country: "PG" }],
  ["my passport was taken and I cannot leave", {}],
  ["nasib saya malang sekali, bos suka menyerang kami", {}],
  ["saya dari Surabaya, sekarang di Taiwan", { country: "TW", province: "Jawa Timur" }],
])("%s", (text, expected) => {
  expect(detectPlaces(text)).toEqual(expected);
});

test("a word that only contains a place name is not that place", () => {
  expect(detectPlaces("saya sudah berbalikan dengan teman")).toEqual({});
  expect(detectPlaces("the omani employer")).toEqual({});
});
