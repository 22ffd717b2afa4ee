import { franc } from "franc";
import type { Language, Locale } from "./types.ts";

export const INDONESIAN: ReadonlySet<string> = new Set([
  "saya",
  "aku",
  "sy",
  "gw",
  "gue",
  "kamu",
  "dia",
  "kami",
  "kita",
  "mereka",
  "yang",
  "dan",
  "di",
  "ke",
  "dari",
  "tidak",
  "gak",
  "ga",
  "nggak",
  "enggak",
  "tdk",
  "belum",
  "blm",
  "sudah",
  "udah",
  "ada",
  "ini",
  "itu",
  "mau",
  "bisa",
  "kerja",
  "gaji",
  "tolong",
  "kakak",
  "adik",
  "sama",
  "dengan",
  "untuk",
  "buat",
  "karena",
  "kalau",
  "kalo",
  "apa",
  "bagaimana",
  "gimana",
  "selamat",
  "terima",
  "kasih",
  "makasih",
  "pagi",
  "siang",
  "sore",
  "malam",
  "dong",
  "sih",
  "kok",
  "ya",
  "juga",
  "lagi",
  "banget",
  "bgt",
  "majikan",
  "disekap",
  "dipukul",
  "dibayar",
  "paspor",
  "anak",
  "suami",
  "istri",
  "keluarga",
  "orang",
  "tahun",
  "bulan",
  "hari",
  "jam",
  "juta",
  "minta",
  "bantu",
  "bantuan",
  "cara",
  "cek",
  "resmi",
  "atau",
  "bukan",
  "sekarang",
  "kabar",
  "hilang",
  "pulang",
  "berangkat",
  "lewat",
  "katanya",
  "ternyata",
  "disuruh",
  "dipaksa",
  "boleh",
  "harus",
  "akan",
  "bakal",
  "pengen",
  "ingin",
  "aja",
  "saja",
  "dulu",
  "masih",
  "sini",
  "sana",
  "mana",
  "punya",
  "pegang",
  "hp",
  "kapal",
  "lapor",
  "mohon",
  "bapak",
  "ibu",
  "beneran",
  "nawarin",
  "perlu",
  "pengalaman",
  "nanti",
  "diurus",
  "umur",
  "umurku",
  "bos",
  "agen",
  "calo",
  "sponsor",
  "rumah",
  "kamar",
  "dikunci",
  "dikasih",
  "makan",
  "kemarin",
  "dipukuli",
  "penyalur",
  "layani",
  "tamu",
  "ngancam",
  "bunuh",
  "keluar",
  "kerjaan",
  "bilang",
  "ditangkap",
  "kerja",
  "baru",
  "hukum",
  "banyak",
  "sponsor",
  "cuma",
  "telpon",
  "sebulan",
  "sekali",
  "didepan",
  "luar",
  "negeri",
  "menu",
]);
export const ENGLISH: ReadonlySet<string> = new Set([
  "i",
  "me",
  "my",
  "you",
  "your",
  "he",
  "she",
  "her",
  "him",
  "his",
  "we",
  "us",
  "our",
  "they",
  "them",
  "their",
  "the",
  "a",
  "an",
  "and",
  "or",
  "is",
  "are",
  "was",
  "were",
  "am",
  "be",
  "been",
  "to",
  "of",
  "in",
  "on",
  "at",
  "for",
  "with",
  "from",
  "not",
  "no",
  "please",
  "help",
  "have",
  "has",
  "had",
  "do",
  "does",
  "did",
  "what",
  "how",
  "where",
  "when",
  "can",
  "will",
  "would",
  "could",
  "it",
  "this",
  "that",
  "work",
  "job",
  "passport",
  "employer",
  "boss",
  "agent",
  "agency",
  "money",
  "pay",
  "paid",
  "salary",
  "took",
  "phone",
  "locked",
  "house",
  "daughter",
  "son",
  "sister",
  "brother",
  "husband",
  "wife",
  "mother",
  "father",
  "but",
  "they",
  "if",
  "hello",
  "hi",
  "thanks",
  "thank",
  "good",
  "morning",
  "day",
  "days",
  "hours",
  "years",
  "old",
  "need",
  "doctor",
  "let",
  "go",
  "leave",
  "owe",
  "debt",
  "promised",
  "made",
  "legal",
  "keep",
  "while",
  "until",
  "cannot",
  "can't",
  "won't",
  "don't",
  "here",
  "there",
]);

/**
 * The language of a message, ISO 639-1: Indonesian ("id", also for Javanese/Sundanese chat, which the
 * team reads), English, or one of the languages of people brought into Indonesia (see Language).
 *
 * Why franc: it is a well-kept, offline, deterministic n-gram identifier (no model download, a few
 * hundred kB) covering all of them. Its two known weaknesses are guarded here: short texts (it needs
 * ~20 characters; below that only clear marker words decide) and Indonesian chat, which it often calls
 * Malay or Javanese — so Indonesian/English chat words are counted first, and Malay needs Malay words.
 * Thai, Burmese, Khmer and Chinese are told by their script, Vietnamese by its letters.
 *
 * Example: detectLanguage("my employer took my passport") → "en"; detectLanguage("Ayúdenme por favor,
 * estoy encerrada") → "es".
 */
export function detectLanguage(text: string, fallback: Locale = "id"): Language {
  const sample = text.slice(0, 1000);
  const byScript = scriptLanguage(sample);
  if (byScript !== undefined) return byScript;
  if ((sample.match(VIETNAMESE_LETTERS) ?? []).length >= 2) return "vi";
  const words = sample.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  let indonesian = 0;
  let english = 0;
  const markers: Record<MarkedLanguage, number> = { tl: 0, es: 0, pt: 0, ms: 0, vi: 0 };
  for (const word of words) {
    if (INDONESIAN.has(word)) indonesian++;
    if (ENGLISH.has(word)) english++;
    for (const language of MARKED) if (MARKERS[language].has(word)) markers[language]++;
  }
  const ours = Math.max(indonesian, english);
  const [marked, count] = (Object.entries(markers) as [MarkedLanguage, number][]).sort((a, b) => b[1] - a[1])[0] ?? [
    "tl",
    0,
  ];
  // franc only where its guess can change the answer (it is the costly part on long texts), once.
  let guessed: { language: Language | undefined } | undefined;
  const guess = (): Language | undefined =>
    (guessed ??= {
      language: sample.length >= 20 ? FRANC_CODES[franc(sample, { only: FRANC_ONLY })] : undefined,
    }).language;
  if (marked === "ms") {
    if (count >= 2 && count > indonesianOnly(words) && (guess() === "ms" || guess() === "id")) return "ms";
  } else if (count >= 2 && count > ours && (count >= 3 || guess() === undefined || guess() === marked)) {
    return marked;
  } else if (count >= 1 && count >= ours && guess() === marked) {
    return marked;
  }
  if (indonesian === english) return fallback;
  return english > indonesian ? "en" : "id";
}

/** The locale the team and the explanation use for a language: Malay reads as Indonesian, others as English. */
export function localeFor(language: Language): Locale {
  if (language === "id" || language === "ms") return "id";
  return "en";
}

const VIETNAMESE_LETTERS = /[ăâđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĂĐƠƯ]/gu;

function scriptLanguage(sample: string): Language | undefined {
  const count = (re: RegExp): number => (sample.match(re) ?? []).length;
  const latin = count(/[a-zA-Z]/g);
  const scripts: Array<[Language, number]> = [
    ["th", count(/[\u0e00-\u0e7f]/gu)],
    ["my", count(/[\u1000-\u109f]/gu)],
    ["km", count(/[\u1780-\u17ff]/gu)],
    ["zh", count(/\p{Script=Han}/gu) * 3],
  ];
  const [language, letters] = scripts.sort((a, b) => b[1] - a[1])[0] ?? ["th", 0];
  return letters >= 2 && letters >= latin ? language : undefined;
}

type MarkedLanguage = "tl" | "es" | "pt" | "ms" | "vi";
const MARKED: readonly MarkedLanguage[] = ["tl", "es", "pt", "ms", "vi"];
/** Function words that mark a language and are rare in Indonesian or English chat. */
const MARKERS: Record<MarkedLanguage, ReadonlySet<string>> = {
  tl: new Set(
    "ako kami namin ko mo niya nila ang ng mga po opo hindi wala may yung iyong sila siya kasi dito doon pero ngayon naman lang na daw raw tulungan tulong po".split(
      " ",
    ),
  ),
  es: new Set(
    "el la los las que de y en por favor estoy soy somos mi mis nos me les una uno pero no ayuda aquí aqui muy con para hola está esta están estan también tambien".split(
      " ",
    ),
  ),
  pt: new Set(
    "o os as que de e em não nao sou somos meu minha nós nos me uma um mas ajuda aqui muito com para oi olá ola está estou tô eles elas você voce também tambem".split(
      " ",
    ),
  ),
  // Vietnamese typed without accents ("cuu em voi, em bi nhot")
  vi: new Set(
    "toi em chung khong duoc cua voi bi cho nhung nguoi ho minh anh chi roi dang nay lam viec giup cuu".split(" "),
  ),
  ms: new Set("tak nak awak kerana sahaja hendak duit pasal macam mana hantar pejabat kerajaan polis sikit".split(" ")),
};
/** Words an Indonesian writes and a Malay writer would not. */
const INDONESIAN_ONLY = new Set(
  "gak nggak ga udah banget kok dong sih gimana kantor polisi uang aja bilang".split(" "),
);

function indonesianOnly(words: readonly string[]): number {
  return words.filter((word) => INDONESIAN_ONLY.has(word)).length;
}

const FRANC_CODES: Readonly<Record<string, Language>> = {
  ind: "id",
  jav: "id",
  sun: "id",
  zlm: "ms",
  eng: "en",
  tgl: "tl",
  spa: "es",
  por: "pt",
  vie: "vi",
};
const FRANC_ONLY = Object.keys(FRANC_CODES);
