import { CANNOT_GET_OUT } from "./emergency-patterns.ts";
import { anyOf, CONTROLLER, gap, OWNER } from "./fragments.ts";
import type { PatternTable } from "./pattern-spec.ts";
import { HOLD_VERB, SEND_HOME } from "./word-classes.ts";

const DOCUMENT = anyOf([
  "paspor",
  "dokumen",
  "ktp",
  "surat surat",
  "buku pelaut",
  "kartu identitas",
  "identitas",
  "izin kerja",
  "ijin kerja",
  "permit",
  "arc",
  "id card",
  "kk",
  "akta",
]);
const EN_DOCUMENT = anyOf([
  "paspor",
  "documents?",
  "id cards?",
  "ids?",
  "papers",
  "work permit",
  "seaman book",
  "identity card",
  "ic",
]);
const HELD = anyOf([
  "ditahan",
  "disita",
  "dipegang",
  "diambil",
  "dibawa",
  "disimpan",
  "dikuasai",
  "dikumpulkan",
  "dikumpulin",
  "dirampas",
  "diamankan",
  "dititipkan",
  "dititipin",
  "ditaruh",
  "dikunci",
  "diminta",
  "diserahkan",
]);
const TAKE = anyOf([
  "menahan",
  "nahan",
  "nahanin",
  "menyita",
  "nyita",
  "mengambil",
  "ngambil",
  "ambil",
  "megang",
  "memegang",
  "pegang",
  "simpan",
  "menyimpan",
  "nyimpen",
  "bawa",
  "membawa",
  "rampas",
  "merampas",
  "ngumpulin",
  "mengumpulkan",
]);
const PHONE_TAKEN = anyOf([
  "ditaruh",
  "dititipkan",
  "dititipin",
  "disita(?:in)?",
  "diambil(?:in)?",
  "dirampas",
  "ditahan",
  "dikumpul(?:kan|in)?",
  "dipegang",
  "disimpan",
  "disita semua",
  "diblokir",
  "dibuang",
  "dihancurkan",
  "dirusak",
]);
const CONTACT = anyOf([
  "telpon",
  "hubungi",
  "menghubungi",
  "kontak",
  "ngontak",
  "chat",
  "wa",
  "sms",
  "video call",
  "vc",
  "kabari",
  "ngabarin",
  "mengabari",
  "bicara",
]);
const QUIT = anyOf([
  "pulang",
  "berhenti",
  "resign",
  "keluar kerja",
  "keluar dari (?:kerjaan|pekerjaan|perusahaan|pt|sini|situ|rumah majikan)",
  "mundur",
  "putus kontrak",
  "balik",
  "pulang kampung",
  "pindah majikan",
  "ganti majikan",
  "pindah kerja",
]);
const PENALTY = anyOf([
  "kompensasi",
  "ganti rugi",
  "denda",
  "penalti",
  "pinalti",
  "uang pengganti",
  "biaya pemutusan",
  "tebusan",
]);
const DEBT = anyOf(["utang", "hutang", "ngutang", "berutang", "berhutang", "pinjaman", "kasbon"]);

/** Control over documents, pay, debt, movement, contact and leaving (ILO indicators 3, 4, 7, 8, 9). */
export const COERCION_PATTERNS: PatternTable = {
  "FL-01-documents": [
    { re: `${DOCUMENT} ${gap(4)}${HELD}` },
    // object first, agent before the bare verb (passive type 2): "paspor masih dia pegang", "paspor kami majikan tahan"
    {
      re: `${DOCUMENT} ${OWNER}(?:masih |sudah |juga |semua |lagi )*(?:${CONTROLLER}|sponsornya|majikannya|agennya|bosnya) (?:yang )?${HOLD_VERB}(?:in)?`,
    },
    {
      re: `(?:minta|meminta|suruh|disuruh|wajib|harus|diminta) ${gap(2)}(?:serahkan|menyerahkan|nyerahin|serahin|kumpulkan|ngumpulin|titipkan|nitip|setor) ${gap(1)}${DOCUMENT}|(?:hand over|give|surrender) (?:our|my|their|the) ${EN_DOCUMENT}`,
    },
    {
      re: `${DOCUMENT} ${gap(4)}(?:tidak|belum) (?:dikembalikan|dibalikin|dikasih|dikasih balik|diberikan|boleh (?:saya )?pegang|boleh dipegang)`,
      negatable: false,
    },
    {
      re: `${DOCUMENT} ${OWNER}(?:ada |masih )?(?:di|sama|pada|dipegang) (?:majikan|bos|agen|agensi|pt|perusahaan|mereka|kantor|kapten|calo|sponsor|mandor|mami|penampungan)`,
    },
    { re: `${CONTROLLER} ${gap(3)}${TAKE} ${gap(2)}${DOCUMENT}` },
    {
      re: "tidak (?:pegang|memegang|megang|bawa|membawa) paspor|paspor (?:saya )?(?:sudah )?tidak (?:ada )?(?:di|sama) saya",
      negatable: false,
    },
    {
      re: `${EN_DOCUMENT} ${gap(3)}(?:taken|held|kept|confiscated|withheld|seized|retained|locked away|with (?:the |my |our )?(?:employer|bos|agent|agency|company|madam|sir))`,
    },
    {
      re: `(?:took|take|takes|taking|taken|kept|keep|keeps|keeping|hold|holds|holding|held|confiscated|confiscate|seized|withhold|withholding|withheld|has|have|collected|collect|collects|gathered|locked up|lock up) ${gap(2)}(?:my|our|her|his|their|the workers|workers|all our|all the|the) ${EN_DOCUMENT}`,
      needs: "employer|bos|agent|agency|company|they|madam|sir|he|she|recruiter|captain",
    },
    {
      re: `(?:have|has|had) no ${EN_DOCUMENT}|without (?:my |our |her |his )?${EN_DOCUMENT}|(?:do|does|did) not have (?:my|our|her|his) ${EN_DOCUMENT}`,
      negatable: false,
    },
  ],
  "FL-02-wages-withheld": [
    {
      re: `tidak (?:pernah |mau |akan )?(?:bayar|membayar|bayarin|kasih|ngasih|memberi|kirim|transfer|kasi) ${gap(1)}(?:gaji|upah|bayaran|uang gaji)`,
      negatable: false,
    },
    {
      re: "(?:tidak|belum) (?:pernah )?(?:di ?gaji|digaji|dibayar|dibayarkan|gajian|terima gaji|menerima gaji|dapat gaji|dapet gaji|dikasih gaji|diberi gaji|dikirim gaji|ada gaji)",
      negatable: false,
      unless: "(?:lembur|overtime|thr|pesangon) (?:\\S+ )?(?:tidak|belum)",
    },
    {
      re: `gaji ${gap(5)}(?:tidak|belum) (?:pernah )?(?:dibayar|dibayarkan|dikasih|diberikan|diberi|keluar|cair|turun|dikirim|masuk|diterima|ditransfer|dikasihkan|ada)`,
      negatable: false,
    },
    {
      re: `gaji ${OWNER}${gap(2)}(?:ditahan|digantung|nunggak|menunggak|ditabung|disimpan|dipegang|dikirim ke agen|macet|tertahan|diambil|dirampas|dikuasai)`,
    },
    {
      re: "cuma (?:dikasih |dapat )?uang makan|kerja (?:gratis|tanpa bayaran|tanpa dibayar|tanpa digaji|tanpa gaji|tidak dibayar|tidak digaji)|tanpa (?:gaji|bayaran|upah|digaji|dibayar)|tidak pernah (?:pegang|terima|lihat) (?:uang|gaji|duit)",
      negatable: false,
    },
    {
      re: `gaji ${gap(2)}(?:dikirim|ditransfer|masuk|dibayarkan) (?:langsung )?ke (?:rekening )?(?:agen|pt|sponsor|calo|majikan|bos|perusahaan)`,
    },
    {
      re: "(?:\\d+|berbulan bulan|beberapa|sekian|berapa) (?:bulan|tahun) (?:tidak|belum) (?:digaji|gajian|dibayar)",
      negatable: false,
    },
    {
      re: "(?:not|never|have not|has not|had not|was not|were not) (?:been )?paid|(?:did not|do not|have not|has not|never) (?:get|got|received|receive) (?:my |our |any |a )?(?:salary|wages|pay|money)",
      negatable: false,
    },
    {
      re: `unpaid (?:wages|salary|for)|(?:salary|salaries|wages|wage|pay) (?:are |is |was |were )?${gap(2)}(?:withheld|held back|held|retained|saved|kept|delayed for|not paid|unpaid)|withh?old(?:ing|s)? (?:my|our|her|his) (?:salary|wages|pay)|work(?:ing|ed)? for (?:free|nothing)`,
    },
    {
      re: "no (?:salary|wages|pay|money)(?! (?:problem|issue))|(?:do|does|did|will|would) not pay (?:us|me|her|him|them|our|my|the workers)|never (?:pay|paid) (?:us|me|her|him|them|our|my)",
      negatable: false,
    },
  ],
  "FL-03-debt-bondage": [
    {
      re: `${DEBT} ${OWNER}(?:ke|kepada|sama|pada|dengan|di) (?:bos|majikan|agen|agensi|pt|perusahaan|calo|sponsor|mami|germo|kapten|mandor|mereka|company|penampungan|tauke|toke)`,
    },
    {
      re: `${DEBT} ${gap(4)}(?:tidak|belum) (?:lunas|habis|selesai|beres|berkurang)(?: lunas| habis)?`,
      negatable: false,
    },
    {
      re: `(?:${DEBT}|denda) ${gap(3)}(?:terus |makin |semakin )?(?:bertambah|nambah|naik|membengkak|berbunga|dibungakan|berlipat)`,
    },
    {
      re: `(?:kerja|bekerja|dipaksa kerja|disuruh kerja|harus kerja) ${gap(3)}(?:untuk|buat) (?:bayar|membayar|melunasi|nyicil|mencicil|ngelunasin|lunasin|nebus) ${gap(1)}(?:${DEBT}|biaya|denda|tiket|ongkos)`,
    },
    {
      re: `(?:potongan|potong|dipotong|motong|memotong) gaji ${gap(4)}(?:${DEBT}|denda|biaya makan|makan|tempat tinggal|mess|tiket)|gaji ${OWNER}${gap(2)}(?:dipotong|habis) ${gap(3)}(?:${DEBT}|denda)`,
    },
    {
      re: `(?:kena|didenda|dikenakan|dikasih|bayar|membayar) denda`,
      needs: "kerja|majikan|bos|agen|pt|perusahaan|gaji|mess|kabur|izin|sakit|target|telat|salah",
    },
    {
      re: `${DEBT} (?:biaya )?(?:tiket|visa|pelatihan|makan|mess|penampungan|proses|medical|pesawat|keberangkatan)`,
      needs: "gaji|dipotong|kerja|bayar|lunas",
    },
    {
      re: `harus (?:bayar|membayar|lunasi|melunasi) ${gap(2)}(?:${PENALTY})(?! kontrak)`,
      needs: "kerja|pulang|keluar|berhenti|kabur|bos|majikan|agen|pt|perusahaan",
    },
    {
      re: `(?<!(?:keluarga|orang tua|bapak|ibu|suami|istri|emak|mertua) (?:[^ .,]+ )?)(?:${DEBT}|denda|penalti|pinalti|ganti rugi|potongan gaji|potong gaji|dipotong gaji|kompensasi|debt|debts)`,
      needs:
        "majikan|bos|agen|agensi|pt|perusahaan|mandor|kapten|gaji|kerja|bekerja|employer|agent|agency|salary|wages|work|working|job|company",
      unless: "pinjol|bank|koperasi|rentenir|kartu kredit|leasing|cicilan|kredit|credit card|mortgage",
    },
    {
      re: "ditahan sampai (?:lunas|utang lunas|hutang lunas)|jeratan (?:utang|hutang)|terjerat (?:utang|hutang) (?:ke|sama|dengan) (?:bos|agen|majikan|pt)",
      negatable: false,
    },
    {
      re: "(?:owe|owes|owed|owing) (?:\\S+ ){0,3}(?:money|them|him|her|the (?:agent|agency|bos|company|employer|recruiter)|for|debt)|(?:in|into) debt (?:to|with) (?:the )?(?:agent|agency|bos|company|employer|recruiter)|debt bondage|work off (?:the |my |our |a )?debt",
    },
    {
      re: "(?:cut|cuts|cutting|take|takes|taking|took) (?:\\S+ ){0,2}(?:salary|wages|pay) (?:\\S+ ){0,4}(?:loan|debt|fees?|agency|agent)|to pay (?:back |off )?(?:the |my |our )?(?:fees?|debt|loan) (?:they|the agency|the agent)",
    },
    {
      re: "debt (?:\\S+ ){0,2}(?:keeps? (?:growing|increasing|going up)|grows|getting bigger|increas(?:es|ing)|never ends|never goes down)|until (?:the debt|it|my debt) is (?:paid|repaid)",
    },
    {
      re: "(?:fined|fines|deduct(?:s|ed|ing|ions?)?)",
      needs: "work|bos|employer|agent|agency|company|salary|wage|pay|late|sick|break|debt",
    },
  ],
  "FL-04-movement": [
    ...CANNOT_GET_OUT,
    {
      re: `tidak (?:boleh|bisa|bebas|diizinkan|diijinkan|dibolehkan|dibolehin|dikasih|diperbolehkan) (?:ke mana mana|kemana mana|ke mana saja|ke luar|ke masjid|ke gereja|ke pasar|ke warung|jalan jalan|ke toko)|tidak (?:kasih|kasi|izinkan|ijinkan|bolehin|ngizinin|ngebolehin|mengizinkan|membolehkan|biarkan|ngasih) (?:saya |kami |dia |kita )?(?:keluar|pergi|jalan jalan|libur)|(?:ke|keluar ke|pergi ke) (?:masjid|gereja|pasar|warung|toko|luar|kemana mana|ke mana mana) ${gap(2)}tidak (?:dikasih|boleh|diizinkan|diijinkan|dibolehin|bisa)`,
      negatable: false,
    },
    {
      re: "tidak (?:boleh|bisa|bebas|diizinkan|diijinkan|dibolehkan|dibolehin|dikasih|diperbolehkan|pernah boleh|pernah) (?:keluar|pergi) (?:rumah|mess|asrama|pabrik|kebun|gedung|kompleks|pagar|sendiri|sendirian|kemana mana|ke mana mana|ke luar rumah|tanpa|kecuali)",
      negatable: false,
    },
    {
      re: "(?:dilarang|melarang|larang|ngelarang|dilarangin) (?:saya |kami |kita |dia )?keluar|cuma boleh (?:keluar )?(?:buang sampah|ke (?:depan|warung|pasar) (?:sama|dengan|bareng))|selalu dikunci|pintu (?:selalu )?dikunci|mess tertutup|pagar (?:kawat|berduri|tinggi)|kawat berduri",
    },
    {
      re: "(?:dijaga|diawasi|dikawal) (?:terus )?(?:oleh |sama )?(?:satpam|security|penjaga|sekuriti|preman|orang bersenjata|tentara|centeng)",
    },
    // at sea: never allowed ashore
    {
      re: "(?:tidak|gak|ga|nggak|belum) (?:pernah )?(?:boleh|bisa|diizinkan|dikasih) (?:turun|naik) (?:ke )?(?:darat|daratan|pelabuhan)|(?:not allowed|never allowed|can not|could not) (?:to )?(?:go|get|come) ashore|never (?:went|go|set foot) ashore",
      negatable: false,
    },
    {
      re: "(?:keluar|pergi) (?:harus|wajib|mesti|musti) (?:izin|ijin|ditemani|sama|bareng|dengan)|harus ditemani|kalau (?:mau )?keluar (?:harus )?(?:izin|ijin|ditemani)",
    },
    {
      re: "not allowed (?:to go )?out(?:side)?|(?:can not|could not|never) go out(?:side)?|always locked|guarded|barbed wire|only (?:leave|go out) with (?:the |my )?(?:bos|employer|madam|guard|agent)|(?:do|does|did|will|would) not let (?:me|us|her|him) (?:go out|leave the house|out)",
      negatable: false,
    },
  ],
  "FL-05-isolation-phone": [
    // phone and family kept apart, in plain English and rationed use
    {
      re: "(?:not|never) (?:allowed|permitted|let) (?:me |us |her |him |them )?(?:to )?(?:use|have|hold|keep|touch) (?:my |the |a |our |any )?(?:phone|hp)|(?:do not|does not|did not|will not|not|never) (?:let|allow) (?:me|us|her|him|them) (?:to )?(?:call|contact|talk to|phone|message|text) (?:my|our|her|his|their|the) (?:family|parents|husband|wife|children|kids|mother|father|mom|dad)",
      negatable: false,
    },
    {
      re: "hp (?:\\S+ )?(?:cuma|hanya) (?:boleh|dikasih|diberi|dipinjam|dipegang) (?:\\S+ ){0,3}(?:seminggu|sebulan|sekali|minggu|bulan)",
    },
    { re: `hp ${gap(3)}${PHONE_TAKEN}` },
    {
      re: `(?:does not|do not|did not|will not|would not|never) (?:allow|let) (?:me|us|her|him|them) (?:to )?(?:have|use|keep|touch|hold) (?:a |my |our |the |any )?hp`,
      negatable: false,
    },
    {
      re: "(?:can |could |are |were |am )?only (?:allowed to |able to |can )?(?:call|contact|hp|talk to|message|text|video call) (?:home|family|my family|our families|our family|parents|my parents|my husband|my children)",
      negatable: false,
    },
    {
      re: `${CONTROLLER} ${gap(2)}(?:menyita|nyita|ngambil|mengambil|ambil|rampas|merampas|ngumpulin|mengumpulkan|nahan|menahan|megang|memegang|simpan|nyimpen|buang) ${gap(1)}hp`,
    },
    {
      re: "tidak (?:boleh|bisa|diizinkan|diijinkan|dikasih|pernah dikasih|dibolehkan) (?:pegang|pakai|pake|punya|main|bawa|megang|memegang|memakai|menggunakan) hp|tidak (?:boleh|diizinkan|dikasih) (?:telpon|nelpon|hubungi|kontak|wa|chat)",
      negatable: false,
    },
    {
      re: `tidak (?:boleh|diizinkan|diijinkan|dikasih|dibolehkan|bisa) ${CONTACT} ${gap(2)}(?:keluarga|orang tua|rumah|suami|istri|anak|siapa siapa|siapapun|ibu|bapak)`,
      negatable: false,
    },
    { re: `(?:dilarang|melarang|larang|ngelarang) ${gap(2)}(?:${CONTACT}|pakai hp|pegang hp|main hp|punya hp)` },
    {
      re: `(?:cuma|hanya) (?:boleh|bisa|dikasih) (?:${CONTACT}|pegang hp|pakai hp|pinjam hp) ${gap(4)}(?:sebulan|seminggu|setahun|sekali|di depan|didepan|diawasi)`,
    },
    {
      re: "tidak ada sinyal|di tengah laut|tidak ada komunikasi (?:dengan|sama) keluarga",
      needs: "kapal|laut|hutan|kebun|kompleks|compound|abk|majikan|bos|disekap|dikurung",
      negatable: false,
    },
    {
      re: `(?:took|take|takes|taken|confiscated|seized|keeps?|kept|holds?|held|smashed|broke) ${gap(2)}hp|hp (?:was |is |were |got |has been )?(?:taken|confiscated|seized|held|kept|locked away)`,
    },
    {
      re: "not allowed to (?:call|contact|talk to|hp|message|text|use (?:my|a|the) hp|have (?:a|my) hp)|no (?:contact|communication) with (?:my |our )?(?:family|anyone|home|parents)|(?:can not|could not) (?:call|contact|reach|talk to) (?:my |our )?(?:family|parents|home|anyone|mother|husband|wife)|no signal at sea|only (?:allowed|able) to (?:call|contact|phone) (?:\\S+ ){0,4}(?:once|a month|a week|in front)",
      negatable: false,
    },
  ],
  "FL-10-cannot-quit": [
    // the employer will not send the worker home: "majikan gk mau hantar pulang", "agen tidak mau pulangin saya"
    {
      re: `(?:tidak|belum) (?:mau|pernah mau|boleh|kasih|mengizinkan|ngizinin) ${SEND_HOME}(?! (?:barang|paket|uang|anak ke sekolah))`,
      negatable: false,
      needs: "majikan|bos|agen|agensi|sponsor|pt|perusahaan|kapten|tekong|mandor|employer|kontrak",
    },
    {
      re: "(?:do not|does not|did not|will not|would not|not|never) (?:allow|let|permit) (?:me|us|her|him|them) (?:to )?(?:quit|resign|leave the job|leave this job|stop working|change employer|go home)",
      negatable: false,
    },
    {
      re: `tidak (?:boleh|bisa|diizinkan|dikasih|diijinkan|diperbolehkan|dibolehkan) ${QUIT}`,
      negatable: false,
      unless: "(?:karena|soalnya) (?:tidak ada|belum ada) (?:uang|ongkos|tiket)",
    },
    {
      re: `harus (?:bayar|membayar|ganti) ${gap(3)}${PENALTY}|bayar ${PENALTY} kontrak|${PENALTY} ${gap(2)}(?:kalau|jika|kalo|untuk|buat|biar) ${gap(1)}(?:mau )?${QUIT}`,
    },
    {
      re: `(?:mau|ingin|pengen|minta) ${QUIT} [^.]{0,50}?(?:tidak (?:bisa|boleh|dikasih|diizinkan|mengizinkan|ngizinin|ngebolehin|membolehkan|memperbolehkan|kasih|mau|setuju)|dilarang|harus tunggu|sebelum \\S+ (?:tahun|bulan))|(?:want|wanted|tried|try|asked) to (?:quit|leave|go home|resign|stop) [^.]{0,60}?(?:have to|must|need to|had to) pay|(?:want|wanted|tried|asked) to (?:quit|leave|go home|resign) [^.]{0,40}?(?:not allowed|can not|could not|refused|said no|will not let)`,
      negatable: false,
    },
    {
      re: `(?:kalau|jika|kalo|bila) (?:mau |ingin )?${QUIT} ${gap(4)}(?:harus |wajib |disuruh )?(?:bayar|membayar|ganti|ganti rugi|cari pengganti)|(?:mau|ingin|pengen) ${QUIT} [^.]{0,60}?(?:harus|wajib|disuruh) (?:bayar|membayar|ganti|mengganti|melunasi|lunasin)`,
    },
    {
      re: `kontrak (?:belum|tidak) (?:habis|selesai)`,
      negatable: false,
      needs: "pulang|berhenti|resign|keluar|kabur|bayar",
    },
    { re: "ditahan sampai (?:lunas|kontrak habis|utang lunas)|harus cari pengganti", negatable: false },
    {
      re: "(?:will not|do not|does not|did not|would not|never) let (?:me|us|her|him|them) (?:go home|quit|resign|return home|come home|leave (?:the|this) job|stop working)",
      negatable: false,
    },
    {
      re: "not allowed to (?:quit|resign|go home|come home|return home|leave (?:the|this) job|stop working)|(?:can not|could not) (?:quit|resign|go home|come home|return home|leave (?:the|this) job)|(?:can not|could not) leave (?:until|till|before)",
      negatable: false,
    },
    {
      re: `(?:must|have to|has to|had to|need to) pay ${gap(4)}(?:to (?:leave|quit|go home|resign)|penalty|compensation|fine)|contract (?:penalty|fine|breach fee)|until (?:i|we|she|he|it|the debt) (?:is )?(?:pay|paid|repaid|finish)`,
    },
  ],
};
