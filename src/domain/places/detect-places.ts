/**
 * Where a case is (countries as ISO 3166-1 alpha-2 codes: "SA", "MY"; "ID" for Indonesia): the first Indonesian province and the first other country named in what the person
 * wrote, so the queue can be filtered by province and a case matched with partners that work there.
 * A plain gazetteer (names, common short forms, big cities), deterministic and easy to extend. Place names
 * that are also everyday Indonesian words are left out ("malang" unlucky, "solo" alone, "padang" field,
 * "medan" terrain, "serang" attack, "palu" hammer).
 */
/** `country` is an ISO 3166-1 alpha-2 code. */
export type Places = { country?: string; province?: string };

const PROVINCES: Record<string, string[]> = {
  Aceh: ["aceh", "banda aceh", "nad"],
  "Sumatera Utara": ["sumatera utara", "sumatra utara", "sumut"],
  "Sumatera Barat": ["sumatera barat", "sumatra barat", "sumbar"],
  Riau: ["riau", "pekanbaru", "dumai"],
  "Kepulauan Riau": ["kepulauan riau", "kepri", "batam", "tanjung pinang", "tanjungpinang"],
  Jambi: ["jambi"],
  "Sumatera Selatan": ["sumatera selatan", "sumatra selatan", "sumsel", "palembang"],
  "Kepulauan Bangka Belitung": ["bangka belitung", "babel", "pangkal pinang", "pangkalpinang"],
  Bengkulu: ["bengkulu"],
  Lampung: ["lampung"],
  "DKI Jakarta": ["jakarta", "dki"],
  Banten: ["banten", "tangerang", "cilegon"],
  "Jawa Barat": [
    "jawa barat",
    "jabar",
    "bandung",
    "bogor",
    "bekasi",
    "depok",
    "cirebon",
    "indramayu",
    "cianjur",
    "sukabumi",
    "karawang",
    "subang",
  ],
  "Jawa Tengah": ["jawa tengah", "jateng", "semarang", "surakarta", "cilacap", "brebes", "banyumas"],
  "DI Yogyakarta": ["yogyakarta", "jogja", "jogjakarta", "diy"],
  "Jawa Timur": ["jawa timur", "jatim", "surabaya", "banyuwangi", "blitar", "tulungagung", "ponorogo", "madura"],
  Bali: ["bali", "denpasar"],
  "Nusa Tenggara Barat": ["nusa tenggara barat", "ntb", "lombok", "mataram", "sumbawa"],
  "Nusa Tenggara Timur": ["nusa tenggara timur", "ntt", "kupang", "flores", "sumba", "timor tengah"],
  "Kalimantan Barat": ["kalimantan barat", "kalbar", "pontianak", "entikong", "sambas"],
  "Kalimantan Tengah": ["kalimantan tengah", "kalteng", "palangkaraya", "palangka raya"],
  "Kalimantan Selatan": ["kalimantan selatan", "kalsel", "banjarmasin"],
  "Kalimantan Timur": ["kalimantan timur", "kaltim", "samarinda", "balikpapan"],
  "Kalimantan Utara": ["kalimantan utara", "kaltara", "nunukan", "tarakan"],
  "Sulawesi Utara": ["sulawesi utara", "sulut", "manado"],
  Gorontalo: ["gorontalo"],
  "Sulawesi Tengah": ["sulawesi tengah", "sulteng"],
  "Sulawesi Barat": ["sulawesi barat", "sulbar", "mamuju"],
  "Sulawesi Selatan": ["sulawesi selatan", "sulsel", "makassar"],
  "Sulawesi Tenggara": ["sulawesi tenggara", "sultra", "kendari"],
  Maluku: ["maluku", "ambon"],
  "Maluku Utara": ["maluku utara", "malut", "ternate"],
  Papua: ["papua", "jayapura"],
  "Papua Barat": ["papua barat", "manokwari"],
  "Papua Barat Daya": ["papua barat daya", "sorong"],
  "Papua Tengah": ["papua tengah", "nabire", "timika"],
  "Papua Pegunungan": ["papua pegunungan", "wamena"],
  "Papua Selatan": ["papua selatan", "merauke"],
};

const COUNTRIES: Record<string, string[]> = {
  MY: [
    "malaysia",
    "malaysa",
    "malay",
    "mlysia",
    "kl",
    "klang",
    "kuching",
    "kota kinabalu",
    "ipoh",
    "kuala lumpur",
    "sabah",
    "sarawak",
    "johor",
    "penang",
    "selangor",
    "tawau",
  ],
  SA: [
    "arab saudi",
    "saudi arabia",
    "saudi",
    "arab",
    "riyadh",
    "riyad",
    "jeddah",
    "jedah",
    "jeddah",
    "jiddah",
    "makkah",
    "mekah",
    "mekkah",
    "madinah",
    "dammam",
    "taif",
    "ksa",
  ],
  AE: ["uni emirat arab", "united arab emirates", "uae", "uea", "dubai", "abu dhabi", "sharjah", "emirat"],
  QA: ["qatar", "doha"],
  OM: ["oman", "muscat"],
  KW: ["kuwait"],
  BH: ["bahrain"],
  JO: ["yordania", "jordan", "amman"],
  TR: ["turki", "turkey", "istanbul"],
  SY: ["suriah", "syria"],
  IQ: ["irak", "iraq", "erbil"],
  KH: ["kamboja", "cambodia", "phnom penh", "sihanoukville", "bavet", "poipet"],
  MM: ["myanmar", "burma", "myawaddy", "kk park", "shwe kokko"],
  LA: ["laos", "golden triangle", "segitiga emas"],
  TH: ["thailand", "bangkok", "mae sot"],
  PH: ["filipina", "philippines", "manila", "pampanga"],
  VN: ["vietnam"],
  SG: ["singapura", "singapore"],
  BN: ["brunei"],
  TL: ["timor leste", "timor-leste", "dili"],
  TW: ["taiwan", "taipei", "kaohsiung"],
  HK: ["hong kong", "hongkong", "hk"],
  MO: ["makau", "macau", "macao"],
  LB: ["lebanon", "libanon", "beirut"],
  EG: ["mesir", "egypt", "kairo", "cairo"],
  IR: ["iran", "tehran", "teheran"],
  LK: ["sri lanka", "srilanka", "colombo"],
  DE: ["jerman", "germany", "berlin", "frankfurt", "hamburg"],
  CN: ["china", "tiongkok", "cina"],
  KR: ["korea selatan", "south korea", "korea", "busan", "seoul"],
  JP: ["jepang", "japan"],
  AU: ["australia"],
  NZ: ["selandia baru", "new zealand"],
  FJ: ["fiji"],
  PG: ["papua nugini", "papua new guinea"],
  MU: ["mauritius"],
  ZA: ["afrika selatan", "south africa", "cape town"],
  SO: ["somalia"],
  PE: ["peru"],
  UY: ["uruguay", "montevideo"],
  AR: ["argentina"],
  SN: ["senegal", "dakar"],
  PL: ["polandia", "poland"],
  GB: ["inggris", "united kingdom"],
  US: ["amerika serikat", "united states", "usa"],
};

type Entry = { name: string; kind: "province" | "country"; re: RegExp };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[ -]/g, "[\\s-]*");
const entries = (table: Record<string, string[]>, kind: Entry["kind"]): Entry[] =>
  Object.entries(table).flatMap(([name, names]) =>
    names.map((n) => ({ name, kind, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(n)}(?![\\p{L}\\p{N}])`, "iu") })),
  );

// Longer names first, so "papua barat daya" wins over "papua", and "papua nugini" (a country) over "papua".
const ENTRIES: Entry[] = [...entries(PROVINCES, "province"), ...entries(COUNTRIES, "country")].sort(
  (a, b) => b.re.source.length - a.re.source.length,
);

export function detectPlaces(text: string): Places {
  const found: { entry: Entry; index: number }[] = [];
  const taken: [number, number][] = [];
  for (const entry of ENTRIES) {
    const match = entry.re.exec(text);
    if (!match) continue;
    const span: [number, number] = [match.index, match.index + match[0].length];
    if (taken.some(([a, b]) => span[0] < b && a < span[1])) continue; // inside a longer name already found
    taken.push(span);
    found.push({ entry, index: match.index });
  }
  found.sort((a, b) => a.index - b.index);
  const province = found.find((f) => f.entry.kind === "province")?.entry.name;
  const country = found.find((f) => f.entry.kind === "country")?.entry.name ?? (province ? "ID" : undefined);
  return { ...(country ? { country } : {}), ...(province ? { province } : {}) };
}
