import { describe, expect, it } from "vitest";
import { normalizeText } from "../../../src/domain/screening/normalize-text.ts";

describe("normalizeText", () => {
  it.each([
    ["Paspor sy di tahan majikan, gak boleh kluar!!", "paspor saya ditahan majikan , tidak boleh keluar ."],
    ["Tolonggg aku di-sekap dirumah majikan", "tolong saya disekap di rumah majikan"],
    ["gajiku 5bln blm dibyr", "gaji saya 5 bulan belum dibayar"],
    ["I can't leave, they won't let me go", "i can not leave , they will not let me go"],
    ["anak2 umur14", "anak anak umur 14"],
    ["hpnya disita, gajinya ditahan", "hp disita , gaji ditahan"],
    ["buku pelaut", "buku pelaut"],
    ["gw ga di pukul", "saya tidak dipukul"],
  ])("%s → %s", (written, canonical) => {
    expect(normalizeText(written).text).toBe(canonical);
  });

  it("keeps each token's span in the original text", () => {
    const original = "Sy DI SEKAP, tolong";
    const normalized = normalizeText(original);
    expect(normalized.tokens.map((token) => original.slice(token.start, token.end))).toEqual([
      "Sy",
      "DI SEKAP",
      ",",
      "tolong",
    ]);
  });

  it("keeps numbers with separators as one token", () => {
    expect(normalizeText("bayar Rp 20.000.000 ke calo").text).toBe("bayar rp 20.000.000 ke calo");
  });
});
