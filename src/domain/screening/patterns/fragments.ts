/**
 * Reusable pieces of pattern sources. Tokens never contain spaces, "." or ",", so `gap(n)` skips up to
 * n words without leaving the clause.
 */
export function gap(words: number): string {
  return `(?:[^ .,]+ ){0,${words}}`;
}

/** Any of the words, as a non-capturing group. */
export function anyOf(words: readonly string[]): string {
  return `(?:${words.join("|")})`;
}

/** People who control a worker: employer, agent, recruiter, captain, pimp… */
export const CONTROLLER = anyOf([
  "majikan",
  "bos",
  "agen",
  "agensi",
  "calo",
  "sponsor",
  "pt",
  "perusahaan",
  "kapten",
  "mandor",
  "mami",
  "germo",
  "mucikari",
  "penjaga",
  "satpam",
  "mereka",
  "dia",
  "orang itu",
  "employer",
  "agent",
  "agency",
  "company",
  "they",
  "captain",
  "recruiter",
  "madam",
  "sir",
]);

/** Whose thing it is, after a noun: "paspor saya", "paspor nya", "paspor adik saya". */
export const OWNER = `(?:(?:saya|kami|nya|kamu|dia|mereka|kita|adik|kakak|anak|suami|istri|teman) ){0,2}`;

/** Objects of an English verb: "took my passport", "hit her". */
export const EN_OBJECT = anyOf(["me", "us", "her", "him", "them", "my", "our", "his", "their"]);

/** Relatives, for third-person stories and family tracing. */
export const KIN = anyOf([
  "kakak",
  "adik",
  "anak",
  "suami",
  "istri",
  "ibu",
  "bapak",
  "ayah",
  "saudara",
  "sepupu",
  "keponakan",
  "paman",
  "bibi",
  "tante",
  "om",
  "cucu",
  "menantu",
  "keluarga",
  "orang tua",
  "teman",
  "tetangga",
  "pacar",
  "tunangan",
  "sister",
  "brother",
  "son",
  "daughter",
  "husband",
  "wife",
  "mother",
  "father",
  "mom",
  "mum",
  "dad",
  "cousin",
  "niece",
  "nephew",
  "uncle",
  "aunt",
  "relative",
  "family",
  "friend",
  "neighbour",
  "neighbor",
  "girlfriend",
  "boyfriend",
  "fiance",
  "child",
  "kid",
  "grandson",
  "granddaughter",
]);

/** Destinations and scam-compound places (screening-facts.md §4.2). */
export const SCAM_PLACES = anyOf([
  "myawaddy",
  "myawadi",
  "kk park",
  "kakak park",
  "shwe kokko",
  "mae sot",
  "sihanoukville",
  "sihanouk",
  "poipet",
  "bavet",
  "golden triangle",
  "segitiga emas",
  "tachileik",
  "kamboja",
  "cambodia",
  "myanmar",
  "burma",
  "laos",
  "phnom penh",
  "bokeo",
  "moc bai",
]);

export const COUNTRIES = anyOf([
  "malaysia",
  "saudi",
  "arab",
  "taiwan",
  "hongkong",
  "hong kong",
  "singapura",
  "singapore",
  "kamboja",
  "cambodia",
  "myanmar",
  "thailand",
  "laos",
  "jepang",
  "japan",
  "korea",
  "china",
  "cina",
  "tiongkok",
  "dubai",
  "uae",
  "qatar",
  "oman",
  "kuwait",
  "bahrain",
  "turki",
  "turkey",
  "polandia",
  "poland",
  "filipina",
  "philippines",
  "vietnam",
  "brunei",
  "irak",
  "iraq",
  "erbil",
  "yordania",
  "mesir",
  "afrika",
  "timur tengah",
  "eropa",
  "australia",
  "kuala lumpur",
  "johor",
  "sabah",
  "sarawak",
  "serawak",
  "penang",
  "riyadh",
  "jeddah",
  "mekkah",
  "abu dhabi",
  "luar negeri",
  "abroad",
  "overseas",
  "myawaddy",
  "sihanoukville",
]);

/** A sum of money: "30 juta", "rp 5.000.000", "rm 800", "$500". */
export const MONEY = `(?:(?:rp|rm|usd|nt|sgd|hkd|sar) )?\\d+(?:\\.\\d+)* ?(?:juta|ribu|jutaan|ringgit|dolar|dollar|dollars|riyal|real|baht|yuan|won|yen|million|thousand|k)?`;

/** Passive forms only: "disekap", "di sekap" (joined by the normaliser), "kena sekap", "tersekap". */
export function passiveForms(roots: readonly string[]): string {
  const forms = roots.flatMap((root) => [`di${root}`, `ter${root}`, `ke${root}`, `kena ${root}`]);
  return `(?:${[...new Set(forms)].join("|")})(?:i|in|kan)?`;
}

function nasalForms(root: string): string[] {
  const first = root[0] ?? "";
  const rest = root.slice(1);
  if (first === "p") return [`m${rest}`, `mem${rest}`];
  if (first === "t") return [`n${rest}`, `men${rest}`];
  if (first === "k") return [`ng${rest}`, `meng${rest}`];
  if (first === "s") return [`ny${rest}`, `meny${rest}`];
  if (first === "c") return [`ny${rest}`, `men${root}`];
  if ("aiueo".includes(first)) return [`ng${root}`, `meng${root}`];
  if (first === "b" || first === "f") return [`mem${root}`];
  if ("dj".includes(first)) return [`men${root}`];
  if ("gh".includes(first)) return [`meng${root}`];
  return [`me${root}`];
}

/** Activity verbs for active forms only: "mukul", "memukul", "nyekap", "ngancam". */
export function activeForms(roots: readonly string[]): string {
  const forms = roots.flatMap((root) => [`nge${root}`, ...nasalForms(root)]);
  return `(?:${[...new Set(forms)].join("|")})(?:i|in|kan)?`;
}

export const VIOLENCE_ROOTS: readonly string[] = [
  "pukul",
  "tampar",
  "tendang",
  "siksa",
  "aniaya",
  "hajar",
  "setrum",
  "cambuk",
  "tonjok",
  "jotos",
  "gebuk",
  "keroyok",
  "injak",
  "cekik",
  "jambak",
  "sundut",
  "banting",
  "tempeleng",
  "pentung",
  "sabet",
  "pecut",
  "antem",
  "gampar",
  "bogem",
  "tusuk",
  "bacok",
  "sikut",
];
export const CONFINE_ROOTS: readonly string[] = [
  "sekap",
  "sekep",
  "kurung",
  "kerangkeng",
  "sandera",
  "sandra",
  "culik",
  "rantai",
  "gembok",
  "isolasi",
];
/** Body parts, for injuries: "punggung saya luka", "my arm is broken". */
export const BODY_PART = anyOf([
  "kepala",
  "tangan",
  "kaki",
  "punggung",
  "jari",
  "muka",
  "wajah",
  "badan",
  "mata",
  "hidung",
  "gigi",
  "lengan",
  "perut",
  "dada",
  "kulit",
  "bibir",
  "telinga",
  "leher",
  "pinggang",
  "tulang",
  "rusuk",
  "pelipis",
  "paha",
  "betis",
  "bahu",
  "head",
  "hand",
  "hands",
  "arm",
  "arms",
  "leg",
  "legs",
  "back",
  "finger",
  "fingers",
  "face",
  "body",
  "eye",
  "eyes",
  "nose",
  "rib",
  "ribs",
  "skin",
  "neck",
  "shoulder",
  "lip",
]);
export const INJURY = anyOf([
  "luka",
  "luka luka",
  "berdarah",
  "patah",
  "bengkak",
  "memar",
  "lebam",
  "melepuh",
  "putus",
  "robek",
  "sobek",
  "bocor",
  "retak",
  "gosong",
  "hancur",
  "bleeding",
  "broken",
  "burned",
  "burnt",
  "swollen",
  "cut",
  "bruised",
  "injured",
]);
/** English verbs of violence in any inflection. */
export const EN_VIOLENCE =
  "(?:beat|beats|beating|beaten|hit|hits|hitting|kick|kicks|kicking|kicked|punch|punches|punching|punched|slap|slaps|slapping|slapped|stab|stabs|stabbed|stabbing|whip|whips|whipped|whipping|torture|tortures|tortured|torturing|shoot|shoots|shot|shooting|burn|burns|burned|burnt|electrocute|electrocuted|shock|shocks|shocked|choke|chokes|choked|strangle|strangled|abuse|abuses|abused|abusing|attack|attacks|attacked)";
/** Who gets hurt, in English: "hit me", "beats the crew", "slaps the girls". */
export const EN_VICTIM =
  "(?:me|us|her|him|them|my|our|his|their|the|workers|crew|people|girls|women|men|everyone|anyone|those|others|one of us|some of us)";
export const KILL_ROOTS: readonly string[] = [
  "bunuh",
  "habisi",
  "tembak",
  "bantai",
  "matiin",
  "matikan",
  "lenyapkan",
  "celakai",
];
