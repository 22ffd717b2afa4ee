import { describe, expect, it } from "vitest";
import { assessText, type Assessment, type AssessTextInput } from "../../../src/domain/screening/index.ts";
import { readCases, type ScreeningCase } from "./cases.ts";
import { createTestTranslate } from "./create-test-translate.ts";

const t = createTestTranslate();

/** Factory: assess a message with the real locale files. */
function assess(text: string, options: Omit<AssessTextInput, "text"> = {}): Assessment {
  return assessText({ text, ...options }, t);
}

function ids(assessment: Assessment): string[] {
  return assessment.indicators.map((hit) => hit.id);
}

/** Checks one labelled case against the assessment, field by field, so a failure names what broke. */
function expectCase(item: ScreeningCase): void {
  const got = assess(item.text, item.locale === undefined ? {} : { locale: item.locale });
  const found = ids(got);
  const { expect: want } = item;
  if (want.emergency !== undefined) expect(got.emergency, "emergency").toBe(want.emergency);
  if (want.child !== undefined) expect(got.child, "child").toBe(want.child);
  if (want.risk !== undefined) expect(want.risk, `risk was ${got.risk} [${found.join(" ")}]`).toContain(got.risk);
  if (want.intent !== undefined) expect(want.intent, `intent was ${got.intent}`).toContain(got.intent);
  for (const required of want.indicators ?? []) {
    const options = typeof required === "string" ? [required] : required;
    expect(
      options.some((id) => found.includes(id)),
      `needs ${options.join(" | ")}, found ${found.join(" ") || "none"}`,
    ).toBe(true);
  }
}

describe("labelled cases", () => {
  describe("dev cases (shared/domain/screening-dev-cases.json)", () => {
    it.each(readCases("dev-cases.json").map((item) => [`${item.id}: ${item.text}`, item] as const))("%s", (_, item) =>
      expectCase(item),
    );
  });
  describe("extra cases (our own messages, every indicator in both languages)", () => {
    it.each(readCases("extra-cases.json").map((item) => [`${item.id}: ${item.text}`, item] as const))("%s", (_, item) =>
      expectCase(item),
    );
  });
});

describe("assessText: the contract", () => {
  it("returns the whole assessment for a clear forced-labour message", () => {
    expect(assess("paspor saya dipegang bos dan gaji 5 bulan belum dibayar")).toEqual({
      language: "id",
      intent: "help",
      emergency: false,
      safetyCheck: false,
      selfHarm: false,
      child: false,
      indicators: [
        {
          id: "FL-01-documents",
          category: "forced_labour",
          strength: "strong",
          evidence: "paspor saya dipegang",
          name: { id: "paspor atau dokumen ditahan", en: "passport or documents kept by someone else" },
        },
        {
          id: "FL-02-wages-withheld",
          category: "forced_labour",
          strength: "medium",
          evidence: "gaji 5 bulan belum dibayar",
          name: { id: "gaji tidak dibayar", en: "wages not paid" },
        },
      ],
      palermo: { act: true, means: true, purpose: true },
      risk: "high",
      priority: "high",
      explanation: {
        id: "Ada tanda peringatan yang kuat: paspor atau dokumen ditahan dan gaji tidak dibayar. Petugas kami bisa membantu.",
        en: "There are strong warning signs here: passport or documents kept by someone else and wages not paid. A caseworker can help.",
      },
      littleUnderstood: false,
      understanding: { words: 10, knownWords: 10, languageRead: true },
    });
  });

  it("gives evidence as a span of the original text, spelling and case kept", () => {
    const text = "Tolong!! Sy DI SEKAP di rumah majikan, HPnya disita";
    for (const hit of assess(text).indicators) expect(text).toContain(hit.evidence);
  });

  it("is deterministic", () => {
    const text = "kami dikurung di kompleks, disuruh scam, kalau gak capai target disetrum";
    expect(assess(text)).toEqual(assess(text));
  });

  it.each([
    ["urgent", "tolong saya dikunci di kamar sama agen"],
    ["high", "majikan ambil paspor saya"],
    ["normal", "gaji 3 bulan belum dibayar"],
    ["normal", "kakak saya di saudi gak ada kabar setahun"],
    ["low", "bagaimana cara cek agen resmi?"],
  ])("maps risk and intent to priority %s: %s", (priority, text) => {
    expect(assess(text).priority).toBe(priority);
  });
});

describe("negation", () => {
  it.each([
    "majikan saya baik, paspor saya pegang sendiri",
    "gak disekap kok, cuma capek aja",
    "I am not locked in and I have my passport",
    "tidak pernah dipukul, gaji juga lancar",
    "saya ga di kurung sih",
    "nobody hits me here",
  ])("finds nothing where the text denies it: %s", (text) => {
    const assessment = assess(text);
    expect(assessment.emergency).toBe(false);
    expect(ids(assessment).filter((id) => id.startsWith("FL-") || id.startsWith("EM-"))).toEqual([]);
  });

  it("keeps an indicator the text affirms next to one it denies", () => {
    const assessment = assess("paspor saya tidak ditahan, tapi hp diambil bos");
    expect(ids(assessment)).toEqual(["FL-05-isolation-phone"]);
    expect(assessment.risk).toBe("high");
  });

  it("does not read a spelled-out negation as denial", () => {
    expect(ids(assess("gaji gak dibayar 4 bulan"))).toContain("FL-02-wages-withheld");
    expect(ids(assess("they will not let me leave"))).toContain("EM-01-held-now");
  });
});

describe("misspellings, abbreviations, spaced passives, mixed language", () => {
  it.each([
    ["pasport sy di tahan majikan", "FL-01-documents"],
    ["gaji blm dibyr 3 bln", "FL-02-wages-withheld"],
    ["aku di pukul in terus sama bos", "FL-06-violence"],
    ["tlg sy di kurung", "EM-01-held-now"],
    ["my madam ambil hp saya", "FL-05-isolation-phone"],
    ["gajiku ora dibayar wis 6 wulan", "FL-02-wages-withheld"],
    ["boss ambil passport saya, no salary 3 months", "FL-01-documents"],
  ])("%s → %s", (text, id) => {
    expect(ids(assess(text))).toContain(id);
  });
});

describe("third-person stories", () => {
  it("detects indicators about a sister and keeps the emergency", () => {
    const assessment = assess("adik saya disekap di kamboja, perusahaannya minta tebusan ke keluarga");
    expect(assessment.emergency).toBe(true);
    expect(ids(assessment)).toEqual(expect.arrayContaining(["EM-01-held-now", "EM-07-ransom"]));
  });

  it("treats a missing relative as family tracing, with normal priority", () => {
    const assessment = assess("my brother went to cambodia in march and we have not heard from him since");
    expect(assessment).toMatchObject({
      intent: "family_tracing",
      emergency: false,
      priority: "normal",
      language: "en",
    });
  });
});

describe("false alarms", () => {
  it.each([
    "saya mau mati ketawa baca ini",
    "ngakak sampe mau mati bacanya",
    "hp saya dikunci, lupa password",
    "mati lampu dari tadi pagi",
    "the movie was so funny I almost died laughing",
  ])("is not an emergency: %s", (text) => {
    expect(assess(text)).toMatchObject({ emergency: false, risk: "none" });
  });

  it("does not raise news or what-if questions to an emergency", () => {
    const news = assess("saya baca berita ada wni disekap di kamboja, gimana biar gak ketipu?");
    expect(news).toMatchObject({ emergency: false, intent: "information" });
    expect(["none", "low"]).toContain(news.risk);
    const whatIf = assess("apa yang harus saya lakukan kalau nanti disekap majikan?");
    expect(whatIf).toMatchObject({ emergency: false, intent: "information", risk: "low" });
  });

  it("turns an emergency that is over into its non-urgent indicator", () => {
    const assessment = assess("dulu saya pernah disekap di malaysia, sekarang sudah pulang dan aman");
    expect(assessment.emergency).toBe(false);
    expect(ids(assessment)).toContain("FL-04-movement");
  });
});

describe("domestic violence and labour disputes alone are not trafficking", () => {
  it("keeps domestic violence low and points to SAPA 129", () => {
    const assessment = assess("suami saya sering mukul saya kalau mabuk, saya harus gimana");
    expect(assessment).toMatchObject({ emergency: false, risk: "low", intent: "help", priority: "low" });
    expect(assessment.explanation.id).toContain("SAPA 129");
  });

  it("keeps a wage complaint at home low and points to the labour office", () => {
    const assessment = assess("saya kerja di pabrik di bekasi, lembur gak dibayar dan THR belum keluar");
    expect(assessment).toMatchObject({ emergency: false, risk: "low" });
    expect(assessment.explanation.en).toContain("labour office");
  });

  it("still calls domestic violence with injuries an emergency", () => {
    expect(assess("suami saya mukul saya sampai berdarah, tolong").emergency).toBe(true);
  });
});

describe("pre-departure warning signs", () => {
  it("is low for one or two signs, with advice to check the agency", () => {
    const assessment = assess("sponsor minta saya bayar 30 juta buat berangkat ke polandia");
    expect(assessment).toMatchObject({ emergency: false, risk: "low", priority: "low" });
    expect(assessment.explanation.id).toContain("KP2MI");
  });

  it("is medium for several signs and never urgent", () => {
    const assessment = assess(
      "ada yang nawarin kerja di thailand jadi customer service, gaji 20 juta, gak perlu pengalaman, visa nanti diurus. itu beneran gak?",
    );
    expect(assessment).toMatchObject({ emergency: false, risk: "medium", intent: "information" });
  });
});

describe("child rule", () => {
  it("refers a child with any purpose and any act, without means", () => {
    const assessment = assess("aku dipaksa layani tamu di wisma, umurku 16");
    expect(assessment).toMatchObject({
      child: true,
      risk: "high",
      priority: "high",
      palermo: { act: true, purpose: true },
    });
    expect(ids(assessment)).toEqual(
      expect.arrayContaining(["CH-01-under-18", "CH-02-child-commercial-sex", "PUR-02-sexual-exploitation"]),
    );
  });

  it.each(["anak saya masih SMP", "my daughter is 14", "adik kelas 2 SMA", "umur 15 thn"])(
    "recognises a minor: %s",
    (text) => {
      expect(assess(text).child).toBe(true);
    },
  );

  it("does not read a duration as an age", () => {
    expect(assess("gaji saya 2 tahun tidak dibayar").child).toBe(false);
    expect(assess("kakak saya sudah 15 tahun di malaysia").child).toBe(false);
  });
});

describe("forced criminality", () => {
  it("says the person may be a victim and will not be punished (UU 21/2007 Pasal 18)", () => {
    const assessment = assess("saya kerja di perusahaan online di myawaddy, disuruh scam orang");
    expect(ids(assessment)).toContain("PUR-01-forced-criminality");
    expect(assessment.explanation.id).toContain("Pasal 18");
    expect(assessment.explanation.id).toContain("tidak dihukum");
    expect(assessment.explanation.en).toContain("Article 18");
    expect(assessment.explanation.en).toContain("may be victims");
  });
});

describe("guided-flow answers", () => {
  it("adds an indicator answered yes, with the question's name as evidence", () => {
    const assessment = assess("saya kerja di malaysia", { answers: { "FL-01-documents": "yes" } });
    expect(assessment.indicators).toEqual([
      {
        id: "FL-01-documents",
        category: "forced_labour",
        strength: "strong",
        evidence: 'Menjawab "ya": paspor atau dokumen ditahan',
        name: { id: "paspor atau dokumen ditahan", en: "passport or documents kept by someone else" },
      },
    ]);
    expect(assessment.risk).toBe("high");
  });

  it("removes an indicator answered no even when the text suggested it", () => {
    const assessment = assess("is it legal for the agency to keep my passport?", {
      answers: { "FL-01-documents": "no" },
    });
    expect(ids(assessment)).not.toContain("FL-01-documents");
  });

  it("ignores unsure answers and unknown ids", () => {
    const assessment = assess("halo", { answers: { "FL-06-violence": "unsure", "XX-99-unknown": "yes" } });
    expect(assessment).toMatchObject({ indicators: [], risk: "none" });
  });

  it("sets child from the age question", () => {
    const assessment = assess("saya dipaksa melayani tamu", { answers: { "CH-01-under-18": "yes" } });
    expect(assessment).toMatchObject({ child: true, risk: "high" });
  });
});

describe("language and intent", () => {
  it.each([
    ["selamat pagi", "id", "other"],
    ["menu", "id", "other"],
    ["bagaimana cara cek agen penyalur resmi atau bukan?", "id", "information"],
    ["saya mau lapor calo yang ngirim orang lewat jalur tikus", "id", "report_recruiter"],
    ["I want to report a facebook page that posts fake jobs in cambodia", "en", "report_recruiter"],
    ["Please help, my employer locked me inside", "en", "help"],
  ])("%s → %s / %s", (text, language, intent) => {
    expect(assess(text)).toMatchObject({ language, intent });
  });

  it("falls back to the conversation locale when the text does not tell", () => {
    expect(assess("ok", { locale: "en" }).language).toBe("en");
  });
});

describe("explanations", () => {
  const samples = [
    "tolong saya dikunci di kamar",
    "paspor saya ditahan agen",
    "saya disuruh nipu orang",
    "aku dipaksa layani tamu, umurku 15",
    "selamat pagi",
    "suami saya suka nampar",
    "ada lowongan di kamboja gaji 20 juta",
  ];

  it.each(samples)("are bilingual, filled in, and never say who is or is not a victim: %s", (text) => {
    const { explanation } = assess(text);
    for (const sentence of [explanation.id, explanation.en]) {
      expect(sentence.length).toBeGreaterThan(10);
      expect(sentence).not.toMatch(/\{\{|\}\}/);
      expect(sentence).not.toMatch(/you are (not )?a victim|anda (adalah )?(bukan )?korban|kamu (bukan )?korban/i);
    }
  });
});
