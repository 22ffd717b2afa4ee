import {
  activeForms,
  anyOf,
  CONTROLLER,
  EN_OBJECT,
  EN_VICTIM,
  EN_VIOLENCE,
  gap,
  passiveForms,
  VIOLENCE_ROOTS,
} from "./fragments.ts";
import type { PatternTable } from "./pattern-spec.ts";

const BEAT = anyOf([
  "dipukul",
  "dipukuli",
  "dipukulin",
  "ditampar",
  "ditamparin",
  "ditendang",
  "ditendangin",
  "ditendangi",
  "disetrum",
  "disiksa",
  "dianiaya",
  "dihajar",
  "digebuki",
  "digebukin",
  "digebuk",
  "dikeroyok",
  "dijambak",
  "dicekik",
  "diinjak",
  "diinjak injak",
  "dicambuk",
  "disabet",
  "dipecut",
  "disundut",
  "disiram air (?:panas|keras|cabai)",
  "dibanting",
  "dijotos",
  "diantemi",
  "ditonjok",
  "ditempeleng",
  "dipentung",
  "dilempar (?:barang|piring|gelas|sepatu)",
]);
const HITTER = anyOf([
  "majikan",
  "bos",
  "agen",
  "agensi",
  "calo",
  "sponsor",
  "kapten",
  "mandor",
  "mami",
  "germo",
  "penjaga",
  "satpam",
  "mereka",
  "dia",
  "orang itu",
  "suami",
  "istri",
  "pacar",
  "mantan",
  "ayah",
  "ayah tiri",
  "bapak tiri",
  "mertua",
  "madam",
  "employer",
  "bos",
  "agent",
  "supervisor",
  "husband",
  "boyfriend",
  "wife",
  "partner",
]);
const HIT = anyOf([
  "mukul",
  "mukulin",
  "memukul",
  "memukuli",
  "nampar",
  "menampar",
  "nendang",
  "menendang",
  "nyiksa",
  "menyiksa",
  "menganiaya",
  "nganiaya",
  "ngehajar",
  "menghajar",
  "nyetrum",
  "menyetrum",
  "gebukin",
  "ngegebukin",
  "nyambuk",
  "nyakitin",
  "menyakiti",
  "jambak",
  "nonjok",
  "menonjok",
  "main tangan",
]);
const THREAT_OUTCOME = anyOf([
  "dijual",
  "dipukul",
  "dipecat",
  "dipulangkan",
  "dilaporkan",
  "dilaporin",
  "dipenjara",
  "disiksa",
  "dihukum",
  "disakiti",
  "dicelakai",
  "diapa apain",
  "didatangi",
  "dicari",
]);
const AUTHORITY_OUTCOME = anyOf([
  "ditangkap",
  "dipenjara",
  "dipenjarakan",
  "dideportasi",
  "dilaporkan",
  "dilaporin",
  "dilapor",
  "dipolisikan",
  "diusir",
  "diciduk",
  "dikurung polisi",
  "ditahan imigrasi",
  "masuk penjara",
]);
const TARGET_MISS =
  "(?:tidak|belum|gagal|kurang) (?:capai|mencapai|sampai|memenuhi|penuhi|dapat|dapet|kejar|ngejar|tembus|nembus|masuk) (?:\\S+ )?(?:target|kuota)";
const PUNISHMENT =
  "push up|disuruh lari|disetrap|dijemur|dipukul|dipukuli|dipukulin|didenda|denda|dihukum|hukuman|dipotong|potong gaji|disetrum|dikurung|dijual|tidak dikasih makan|push up|dijemur|lembur|disiksa|ditampar|ditendang|setrum|dipecat|dimarahi|beaten|hit|fined|punished|shocked|deducted|sold|locked";

/** Violence, threats, threats of the authorities, punishment for missed targets (ILO indicators 5, 6). */
export const VIOLENCE_PATTERNS: PatternTable = {
  "FL-06-violence": [
    { re: `${BEAT}|${passiveForms(VIOLENCE_ROOTS)}` },
    { re: `${anyOf(VIOLENCE_ROOTS)} (?:saya|kami|aku|dia|kita|anak|adik|istri)(?= )|(?:main|ringan) tangan` },
    {
      re: `${HITTER} ${gap(4)}(?:${HIT}|${activeForms(VIOLENCE_ROOTS)})(?: ${anyOf(["saya", "kami", "kita", "dia", "kakak", "adik", "anak", "istri", "pekerja", "kita semua"])})?`,
    },
    // colloquial bare "pukul" right after who hits ("kapten pukul kalau salah"), never a time ("pukul 7")
    {
      re: `${HITTER} (?:suka |sering |selalu |main |langsung )?pukul(?! \\d)(?! (?:se|ber)?(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|dua belas))`,
    },
    {
      re: "(?:lempar|melempar|ngelempar|lemparin|timpuk|nimpuk) (?:\\S+ ){0,2}(?:piring|gelas|barang|sepatu|sandal|panci|batu|kursi|botol) (?:ke|pada) (?:saya|kami|aku|dia|kita)|disuruh lari|dihukum fisik|hukuman fisik|kekerasan fisik|disuruh (?:push up|jongkok|berdiri|lari keliling)|dijemur|disuruh lari (?:keliling|di bawah)|dipukul pakai|main tangan|ringan tangan",
    },
    {
      re: `${EN_VIOLENCE} ${EN_VICTIM}|(?:was|were|got|get|been|being|am|is|are) (?:\\S+ )?${EN_VIOLENCE}|(?:with|using) (?:a |an )?(?:stick|belt|iron bar|pipe|hose|cable|whip|knife|rod)`,
    },
    {
      re: `(?:beaten|slapped|kicked(?! out)|punched|tortured|choked|strangled|electric(?:al)? shocks?|electrocuted|whipped|burned ${EN_OBJECT}|physically (?:punished|abused|hurt)|abused physically|hurt ${EN_OBJECT}(?! (?:feelings|self|selves))|(?:was|were|got|get) hurt)`,
    },
  ],
  "FL-07-threats": [
    {
      re: "diancam|diancem|mengancam|ngancam|ngancem|ancaman|mengancem|diintimidasi|intimidasi|ditakut takuti|ditakutin|ditakut takutin|nakut nakutin|menakut nakuti|diteror|meneror|(?:sebar|sebarin|menyebarkan|nyebarin|viralkan|viralin) (?:foto|video|aib)|blackmail\\S*",
    },
    { re: `${CONTROLLER} ${gap(2)}(?:ancam|ancem)` },
    {
      re: `awas (?:kalau|kamu|lo) ${gap(1)}(?:lapor|ngadu|kabur|cerita|bilang)|(?:disuruh|dibilang|katanya|diancam|bilang|kata (?:bos|majikan|agen)) (?:\\S+ )?jangan (?:cerita|bilang|lapor|ngadu|kasih tahu|buka mulut)`,
    },
    {
      re: `(?:kalau|kalo|jika|bila) ${gap(4)}(?:cerita|lapor|ngadu|kabur|bilang|kasih tahu|melawan|nolak|menolak) [^.]{0,50}?(?:keluarga|anak|orang tua|ibu|kamu|saya|adik) ${gap(2)}(?:kena|dicelakai|celaka|bahaya|dihukum|dipukul|habis|dicari|didatangi|diapa apain)`,
    },
    {
      re: `(?:keluarga|orang tua|anak|istri|suami) (?:saya |kami )?(?:diancam|akan dicari|akan didatangi|mau didatangi|akan dicelakai)|diancam (?:akan |mau )?${THREAT_OUTCOME}`,
    },
    {
      re: "(?:family|families|parents|children|kids|wife|husband) (?:\\S+ ){0,3}(?:would|will|could|might) (?:suffer|be hurt|be harmed|pay|be in danger)|(?:warned|warn|warns) (?:me|us|her|him|them) (?:that|not)",
    },
    {
      re: "threaten|threatened|threatens|threatening|threats?|intimidated|intimidating|told (?:(?:me|us|her|him) )?not to (?:tell|say|report|speak)|or else",
    },
  ],
  "FL-08-threat-of-authorities": [
    {
      re: `(?:akan|mau|bakal|nanti|bisa|pasti) ${gap(2)}${AUTHORITY_OUTCOME}|(?:diancam|ancam|ngancam|mengancam|bilang|katanya|kata (?:bos|majikan|agen|mandor|mereka)) [^.]{0,60}?${AUTHORITY_OUTCOME}`,
    },
    {
      re: "(?:jadi |menjadi )?buronan(?: polisi)?|dicari polisi|(?:dilaporin|dilaporkan|dilapor) (?:ke )?(?:polisi|imigrasi|pihak berwajib|aparat|polis)|ditangkap (?:polisi|imigrasi|polis)",
    },
    {
      re: "(?:mau|akan|bakal|ancam|ngancam|mengancam) (?:laporin|laporkan|melaporkan|ngelaporin|lapor) (?:kamu |saya |kami |dia )?(?:ke )?(?:polisi|imigrasi|polis)",
    },
    {
      re: "kamu (?:itu )?(?:ilegal|overstay|kaburan|tki ilegal|pendatang haram)|(?:kbri|konsulat|kjri|kedutaan) (?:tidak|nggak) (?:akan )?(?:bantu|membantu|peduli|nolong|menolong|mau bantu)|jangan (?:ke|lapor ke|pergi ke|minta tolong ke) (?:kbri|kjri|kedutaan|konsulat|polisi)",
    },
    {
      re: `(?:polisi|imigrasi|police|immigration|aparat) ${gap(3)}(?:bakal|akan|mau|nanti|pasti|will|would|going to|can|could) ${gap(2)}(?:nangkap|nangkep|menangkap|tangkap|arrest|catch|jail|deport|penjara|put (?:me|us|her|him) in|throw (?:me|us|her|him) in)|(?:will|would|going to|said|says|threaten\\S*) ${gap(5)}(?:jail|prison|penjara|deport\\S*|arrest\\S*)`,
    },
    {
      re: `(?:report|reported) ${EN_OBJECT} to (?:the )?(?:police|immigration)|(?:will|would|going to|could) (?:be )?(?:deported|jailed|arrested|imprisoned|put in jail)|(?:deport|arrest|jail) (?:me|us|her|him)|you are illegal|(?:embassy|consulate) (?:will not|would not|can not|does not) help`,
    },
  ],
  "FL-09-quota-punishment": [
    {
      re: `${TARGET_MISS}|(?:kalau|jika|kalo|bila) (?:\\S+ )?(?:tidak|gagal|belum) (?:\\S+ )?target|target harian|daily (?:target|quota)`,
      negatable: false,
    },
    { re: "dihukum", needs: "kerja|bos|majikan|mandor|target|perusahaan" },
    {
      re: `(?:harus dapat|wajib dapat|harus cari|target|harus capai|kuota) [^.]{0,60}?(?:kalau|kalo|jika|yang) (?:\\S+ )?(?:kurang|tidak dapat|tidak sampai|gagal|tidak capai|tidak nyampe)`,
      needs: PUNISHMENT,
      negatable: false,
    },
    {
      re: `target [^.]{0,80}?(?:tidak|gagal|belum) (?:capai|mencapai|sampai|memenuhi|penuhi|dapat|dapet|kejar|tembus)`,
      negatable: false,
      needs: PUNISHMENT,
    },
    {
      re: `(?:${PUNISHMENT}) ${gap(4)}(?:target|kuota)|target (?:harian|mingguan|bulanan|per hari|sehari)`,
      needs: PUNISHMENT,
    },
    {
      re: "(?:quota|quotas|targets?)",
      needs: "punish|punished|fined|fine|beaten|beat|hit|shock|shocked|deduct|deducted|sold|locked|electric",
    },
    {
      re: "(?:miss|missed|missing|do not meet|did not meet|do not reach|did not reach|fail to meet|failed to meet|fail to reach) (?:the |my |our |a )?(?:target|quota)",
      negatable: false,
    },
  ],
};
