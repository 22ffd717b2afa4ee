import { describe, expect, it } from "vitest";
import { assessText } from "../../src/domain/screening/index.ts";
import { normalizeText } from "../../src/domain/screening/normalize-text.ts";
import { createTestTranslate } from "../domain/screening/create-test-translate.ts";

/**
 * One rule of the language per block (a word class, a spelling rule, a construction), each checked on
 * phrasings written for this test, never taken from a scored set, and on a harmless look-alike.
 */
const t = createTestTranslate();
const assess = (text: string) => assessText({ text }, t);
const ids = (text: string): string[] => assess(text).indicators.map((hit) => hit.id);

describe("colloquial vowels are read as the standard word the rules know", () => {
  it.each([
    ["sy dikunci di kamer belakang", "kamar"],
    ["disuruh tidur di lantai dalem gudang", "dalam"],
    ["gk boleh jalen sendiri", "jalan"],
  ])("%s has %s", (text, word) => {
    expect(normalizeText(text).text.split(" ")).toContain(word);
  });

  it("leaves words alone when the standard form is unknown", () => {
    expect(normalizeText("peter").text).toBe("peter");
  });
});

describe("wanting to jump into water or from a height is self-harm", () => {
  it.each([
    "aku ra kuat maneh, pengen njegur segoro wae",
    "rasanya mau terjun jurang aja biar selesai semua",
    "sy udh capek, mending lompat dari jembatan",
    "i just want to jump off the bridge tonight",
  ])("%s", (text) => {
    const got = assess(text);
    expect(got.selfHarm).toBe(true);
    expect(got.emergency).toBe(true);
  });

  it.each(["besok mau nyebur ke sungai sama temen2, mandi bareng", "pengen nyemplung kali, mancing ikan sore ini"])(
    "%s is a day out",
    (text) => {
      expect(assess(text).selfHarm).toBe(false);
      expect(assess(text).emergency).toBe(false);
    },
  );
});

describe("Tagalog: a pronoun with its linker before the verb", () => {
  it("refusing to let someone out is being held", () => {
    expect(ids("ayaw kaming palabasin ng amo namin sa bahay")).toContain("EM-01-held-now");
  });
  it("refusing a doctor, in the English words Filipinos mix in, is an injury emergency", () => {
    const got = assess("may lagnat siya, ayaw siyang dalhin sa hospital ng boss");
    expect(got.indicators.map((hit) => hit.id)).toContain("EM-02-injured");
    expect(got.emergency).toBe(true);
  });
  it("not let go home is cannot quit", () => {
    expect(ids("hindi kami pinapauwi ng amo kahit tapos na ang kontrata")).toContain("FL-10-cannot-quit");
  });
});

describe("object-first passive: the document, then who holds it", () => {
  it.each(["ktp sama paspor kami masih majikan pegang", "paspor sy udah agen simpan dari awal"])("%s", (text) => {
    expect(ids(text)).toContain("FL-01-documents");
  });
});

describe("money demanded, and harm if it does not come, is ransom", () => {
  it("names the harm after a condition", () => {
    const got = assess("mereka minta 20 juta, kalo minggu ini tidak ditransfer adik sy mau dipukuli lagi");
    expect(got.indicators.map((hit) => hit.id)).toContain("EM-07-ransom");
    expect(got.emergency).toBe(true);
  });
  it("an instalment reminder is not", () => {
    expect(ids("leasing minta uang cicilan, kalau tidak bayar motornya ditarik")).not.toContain("EM-07-ransom");
  });
});

describe("only able to get in touch secretly", () => {
  it.each(["aku cuma bisa wa kamu diem2 pas bos tidur", "i can only text you at night when they sleep"])(
    "%s",
    (text) => {
      expect(ids(text)).toContain("EM-08-safe-to-talk");
    },
  );
});

describe("forced to 'do that': a euphemism of a sexual act with force", () => {
  it("is recent sexual violence", () => {
    const got = assess("semalem sopir majikan maksa begituin aku di gudang");
    expect(got.indicators.map((hit) => hit.id)).toContain("EM-05-recent-sexual-violence");
  });
  it("the euphemism alone, asked about, is not", () => {
    expect(ids("film itu ceritanya diapa apain sih?")).not.toContain("EM-05-recent-sexual-violence");
  });
});

describe("a long working day in hours, in any of our languages", () => {
  it.each([
    "16 jam sehari kami disuruh ngepak barang",
    "we work 19 hours every day no rest",
    "20 oras kami nagtatrabaho",
  ])("%s", (text) => {
    expect(ids(text)).toContain("FL-11-excessive-hours");
  });
  it("a long journey is not", () => {
    expect(ids("perjalanan 15 jam naik bus ke medan, capek kerja besoknya")).not.toContain("FL-11-excessive-hours");
  });
});

describe("an employer who will not send the worker home", () => {
  it("is cannot quit", () => {
    expect(ids("kontrak udh habis tp majikan belum mau pulangkan saya")).toContain("FL-10-cannot-quit");
  });
});

describe("introducing oneself with a bare age", () => {
  it.each(["halo kak, aku 15 dari garut, disuruh kerja di cafe malam", "hi im 16 from davao, they keep me here"])(
    "%s is a child",
    (text) => {
      expect(assess(text).child).toBe(true);
    },
  );
  it("a count of people is not an age", () => {
    expect(assess("kami 12 dari desa yang sama, mau tanya lowongan").child).toBe(false);
  });
});

describe("Spanish: coordinated infinitives after 'ir a'", () => {
  it("a threat to sell and kill names both", () => {
    const found = ids("dicen que nos van a vender y a matar si hablamos");
    expect(found).toContain("EM-03-death-threat");
  });
});

describe("a time said after the event makes it past", () => {
  it("fainting on the first day is a health hazard, not an emergency now", () => {
    const got = assess("kerja di pabrik roti, aku sempat pingsan minggu pertama karena panas");
    expect(got.emergency).toBe(false);
    expect(got.indicators.map((hit) => hit.id)).toContain("FL-13-health-hazard");
  });
  it("since the first day it goes on", () => {
    expect(assess("sy dikurung dari hari pertama sampai skrg").emergency).toBe(true);
  });
});

describe("a body given to the sea is a death to report, not a threat", () => {
  it("is no emergency", () => {
    expect(assess("abk teman suami meninggal sakit, mayatnya dibuang ke laut sama kapten").emergency).toBe(false);
  });
  it("a living person thrown overboard is", () => {
    expect(assess("kapten bilang kalau protes kami dibuang ke laut").emergency).toBe(true);
  });
});

describe("Jakarta -in for -kan", () => {
  it("reads the standard passive", () => {
    expect(normalizeText("nanti malam kami mau dipindahin").text).toContain("dipindahkan");
  });
  it("a move tonight, said in distress, is an alarm even without a destination", () => {
    expect(assess("nanti malam aku mau dijemputin, takut bgt").emergency).toBe(true);
  });
});

describe("a child in sexual exploitation who can no longer be reached", () => {
  it("is an emergency", () => {
    const got = assess("keponakan sy 15 thn disuruh nemenin tamu di kafe remang2, dari kemarin hp nya tidak aktif");
    expect(got.child).toBe(true);
    expect(got.emergency).toBe(true);
  });
});

describe("a child missing for years is a tracing case", () => {
  it("is no emergency", () => {
    const got = assess("adik sy berangkat ke malaysia umur 15 tahun 2009, sampai skrg tidak ada kabar, mau cari");
    expect(got.emergency).toBe(false);
    expect(got.intent).toBe("family_tracing");
  });
});

describe("harm unless paid is ransom, in either order", () => {
  it.each([
    "agen bilang kami mau dioper ke bos lain kalo keluarga tidak bayar 25 juta",
    "kalau tidak transfer besok, kakak sy mau dibunuh katanya",
  ])("%s", (text) => {
    const got = assess(text);
    expect(got.emergency).toBe(true);
  });
  it("a repossessed motorbike is not", () => {
    expect(assess("kalo telat bayar cicilan 3 bulan motornya dijual leasing").emergency).toBe(false);
  });
});

describe("Malay 'nak' is 'mau'", () => {
  it("a threat to kill said in Malay", () => {
    expect(ids("tekong cakap nak bunuh saya malam ni")).toContain("EM-03-death-threat");
  });
});

describe("exploitation that is over, and a person well now", () => {
  it("is a medium-risk referral", () => {
    const got = assess("dulu pernah disiksa majikan di hongkong, skrg udah pulang dan baik2 aja");
    expect(got.emergency).toBe(false);
    expect(got.risk).toBe("medium");
  });
});

describe("a place named before the refusal is still a refusal to go out", () => {
  it.each([
    "ke pasar aja tidak boleh sama majikan",
    "pergi ke gereja pun tidak dikasih",
    "keluar ke warung tidak bisa, pintu dikunci",
  ])("%s", (text) => {
    expect(ids(text)).toContain("FL-04-movement");
  });
  it("going to the market when one can is not a restriction", () => {
    expect(ids("besok ke pasar sama ibu, tidak jauh kok")).not.toContain("FL-04-movement");
  });
});

describe("refusing someone a doctor is denied care", () => {
  it.each(["the agent refuses to let her see a doctor", "they refused to bring us to the clinic after the fall"])(
    "%s",
    (text) => {
      expect(ids(text)).toContain("FL-13-health-hazard");
    },
  );
  it("a doctor who refuses a patient is not the employer denying care", () => {
    expect(ids("the doctor refused to see me without an appointment")).not.toContain("FL-13-health-hazard");
  });
});
