import { anyOf } from "./fragments.ts";

/**
 * Word classes that several constructions share, as data (reviewed like code). Each class is a closed
 * set of words of one meaning in the languages and dialects people write to us in (Indonesian chat,
 * Javanese, Sundanese, Malay, English); the constructions that use them live with their indicator.
 */

/** Jumping or throwing oneself down/in: Indonesian, Javanese ("nyemplung", "njegur", "mlumpat"), English. */
export const JUMP_VERB = anyOf([
  "loncat",
  "lompat",
  "melompat",
  "meloncat",
  "terjun",
  "menerjunkan diri",
  "menjatuhkan diri",
  "njegur",
  "nyebur",
  "menceburkan diri",
  "nyemplung",
  "ncemplung",
  "nyemplungin diri",
  "mlumpat",
  "ambyur",
  "jump",
  "jumping",
  "throw myself",
]);

/** Where someone jumps to end their life: water and heights. */
export const DROP_PLACE = anyOf([
  "laut",
  "sungai",
  "kali",
  "kalen",
  "segara",
  "segoro",
  "jurang",
  "sumur",
  "waduk",
  "danau",
  "bendungan",
  "jembatan",
  "gedung",
  "lantai \\d+",
  "atap",
  "balkon",
  "tebing",
  "rel",
  "sea",
  "river",
  "bridge",
  "cliff",
  "roof",
]);

/** Wanting or preferring: "pengen", "mending", "rasanya mau". */
export const DESIRE = anyOf([
  "ingin",
  "mau",
  "rasanya ingin",
  "rasanya mau",
  "lebih baik",
  "mending",
  "mendingan",
  "kepikiran",
  "want to",
  "wanna",
  "going to",
]);

/** Harmless reasons to go into water: swimming, bathing, fishing, a trip. */
export const WATER_PLAY =
  "mandi|renang|berenang|main air|mancing|memancing|wisata|liburan|piknik|swim|swimming|fishing|rame rame|ramai ramai";

/** Doing "that" to someone: the euphemisms people use for a sexual act done to them. */
export const SEX_EUPHEMISM = anyOf([
  "gituin",
  "begituin",
  "digituin",
  "dibegituin",
  "gitu gituin",
  "apa apain",
  "diapa apain",
  "diapa apakan",
  "ngapa ngapain",
  "ngapain saya",
  "gitu gituan",
  "begituan",
  "macam macam",
  "aneh aneh",
]);

/** Secretly, on the sly: "diam diam", "diem diem", "curi curi", "sembunyi sembunyi". */
export const SECRETLY = anyOf([
  "diam diam",
  "diem diem",
  "sembunyi sembunyi",
  "curi curi",
  "ngumpet ngumpet",
  "umpet umpetan",
  "secretly",
  "in secret",
  "when (?:they|he|she) (?:sleep|sleeps|are asleep|is asleep|is not looking|are not looking)",
]);

/** Getting in touch by phone: chat, WA, call, text. */
export const CONTACT = anyOf([
  "chat",
  "ngechat",
  "wa",
  "sms",
  "telpon",
  "hubungi",
  "menghubungi",
  "kabari",
  "kabarin",
  "ngabarin",
  "balas",
  "bales",
  "text",
  "message",
  "call",
  "reply",
]);

/** Sending someone home: "hantar pulang" (Malay), "pulangkan", "antar pulang". */
export const SEND_HOME = anyOf([
  "hantar pulang",
  "hantar",
  "antar pulang",
  "antar",
  "pulangkan",
  "pulangin",
  "memulangkan",
  "mulangin",
  "kirim pulang",
  "belikan tiket",
  "beliin tiket",
]);

/** Holding on to something: the bare verb of an object-first passive ("paspor masih dia pegang"). */
export const HOLD_VERB = anyOf(["pegang", "tahan", "simpan", "sita", "ambil", "sembunyikan", "kunci", "bawa"]);

/** Harm that a threat names as what happens if money does not come. */
export const HARM_OUTCOME = anyOf([
  "dijual",
  "dijual lagi",
  "dibunuh",
  "dihabisi",
  "disiksa",
  "dipukul",
  "dipukuli",
  "diperkosa",
  "dioper",
  "dipindah",
  "dilempar",
  "dibuang",
  "dipotong",
  "diambil organnya",
]);

/** Long working days, as a number of hours. */
export const LONG_HOURS_ANY =
  "(?:1[3-9]|2[0-4]|tiga belas|empat belas|lima belas|enam belas|tujuh belas|delapan belas|sembilan belas|dua puluh|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)";
export const HOUR_UNIT = anyOf(["jam", "hours", "hrs", "hour", "oras", "gio"]);
/** Working or a day, in the languages we see with hours: "kerja", "work", "a day", Tagalog "trabaho". */
export const WORK_OR_DAY = anyOf([
  "kerja",
  "bekerja",
  "work",
  "working",
  "worked",
  "a day",
  "per day",
  "daily",
  "every day",
  "sehari",
  "tiap hari",
  "setiap hari",
  "nagtatrabaho",
  "nagtrabaho",
  "trabaho",
  "araw araw",
  "isang araw",
  "shift",
]);
