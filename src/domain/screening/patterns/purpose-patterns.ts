import { anyOf, gap, SCAM_PLACES } from "./fragments.ts";
import type { PatternTable } from "./pattern-spec.ts";

const FORCED = anyOf([
  "disuruh",
  "dipaksa",
  "dijadikan",
  "diperintah",
  "diperintahkan",
  "harus",
  "terpaksa",
  "wajib",
  "tugasnya",
  "tugas saya",
  "kerjaan saya",
  "kerjaan",
  "kerja (?:saya )?(?:jadi|sebagai)",
]);
const CRIME = anyOf([
  "kurir (?:narkoba|sabu|ganja|obat|narkotika)",
  "scammer",
  "scam",
  "scamming",
  "ngescam",
  "nipu",
  "menipu",
  "penipu",
  "penipuan",
  "tipu tipu",
  "love scam",
  "scam cinta",
  "judi online",
  "judol",
  "admin judi",
  "operator judi",
  "kurir narkoba",
  "kurir",
  "bawa narkoba",
  "bawa sabu",
  "jual narkoba",
  "bawa barang",
  "bawa koper",
  "bawa paket",
  "nyari korban",
  "cari korban",
  "chat (?:orang|cewek|cowok|pria|wanita)",
  "pura pura jadi (?:cewek|wanita|perempuan)",
  "pakai foto (?:cewek|wanita|perempuan)",
]);
const SEX_CLIENT = anyOf([
  "tamu",
  "pelanggan",
  "om om",
  "laki laki",
  "pria",
  "customer",
  "klien",
  "lelaki hidung belang",
  "bule",
]);
const SERVE = anyOf([
  "melayani",
  "layani",
  "ngelayani",
  "ngelayanin",
  "layanin",
  "melayanin",
  "nemenin",
  "menemani",
  "temani",
  "nemani",
  "ditemani",
]);

export const PURPOSE_PATTERNS: PatternTable = {
  "PUR-01-forced-criminality": [
    { re: `${FORCED} ${gap(2)}(?:jadi |menjadi |sebagai )?${CRIME}` },
    {
      re: "scammer|love scam|scam cinta|pig butchering|ngescam|scamming|admin judi|operator judi|kurir narkoba|drug mule|investasi bodong",
      needs: `kerja|disuruh|dipaksa|target|bos|perusahaan|kantor|kompleks|${SCAM_PLACES}|work|forced|made|bos|company|compound`,
    },
    { re: `(?:kerja|bekerja|perusahaan|kantor|pt|company) ${gap(3)}(?:scam|penipuan|judi online|judol)` },
    {
      re: "judi online|judol|admin crypto|admin kripto|customer service online|online gambling|online fraud|scam(?! (?:atau|or|gak|tidak|bukan|kah))",
      needs: `kerja|bekerja|disuruh|dipaksa|target|bos|perusahaan|kantor|kompleks|work|working|forced|made|company|compound|${SCAM_PLACES}`,
      unless: "(?:apakah|apa|is (?:it|this|that)|itu|ini) (?:\\S+ ){0,3}(?:scam|penipuan)",
    },
    {
      re: `(?:menipu|nipu|tipu) ${gap(1)}(?:orang|online|lewat|pakai|via|korban)`,
      needs: "disuruh|dipaksa|target|bos|kerja|perusahaan",
    },
    {
      re: `(?:forced|force|forces|forcing|made|make|makes|making|told|ordered|have to|had to|has to|must|pressured) (?:me |us |her |him |them )?(?:to )?${gap(2)}(?:scam|scams|scammers?|scamming|fraudsters?|defraud|cheat people|commit fraud|run online gambling|carry drugs|sell drugs|smuggle drugs|trick people|lure people|pretend to be)`,
    },
    {
      re: "(?:work|working|worked|stuck|trapped|held|job) (?:\\S+ ){0,4}(?:scam|scamming|fraud|online gambling)(?: (?:company|compound|centre|center|operation|syndicate))?",
      needs: "forced|made|told|ordered|target|quota|bos|compound|can not leave|locked|held|trapped|stuck|beaten",
    },
    {
      re: "pura pura jadi (?:cewek|wanita|perempuan|cowok|pria|orang kaya|janda)|(?:chat|ngechat|pdkt|rayu|merayu|ngerayu) (?:\\S+ ){0,3}(?:cowok|cewek|pria|wanita|orang|korban) (?:\\S+ ){0,6}(?:transfer|investasi|kirim uang|deposit)|(?:minta|suruh|nyuruh) (?:korban |mereka |orang )?(?:transfer|deposit|investasi)",
      needs:
        "kerja|tugas|disuruh|dipaksa|target|bos|perusahaan|kantor|kompleks|kamboja|myanmar|laos|thailand|filipina|myawaddy",
    },
    {
      re: "trick(?:ing)? people|fake (?:crypto|investments?|profiles?|accounts?|trading)|investing in fake|akun palsu|profil palsu|investasi palsu",
      needs: "job|work|forced|made|bos|company|compound|disuruh|dipaksa|kerja|target|nipu|menipu|scam",
    },
    { re: "drug (?:courier|mule)|romance scam|crypto scam|pig butchering|scam (?:compound|syndicate|centre|center)" },
  ],
  "PUR-02-sexual-exploitation": [
    { re: `${SERVE} ${gap(1)}${SEX_CLIENT}` },
    {
      re: "open bo|openbo|booking out|psk|pelacur|pelacuran|lonte|prostitusi|pekerja seks|jual diri|menjual diri|dijual ke (?:om om|pria|laki laki|lelaki|bule)|germo|mucikari|vcs|video call (?:sex|seks|mesum)|live (?:seksual|bugil|telanjang|porno|syur)|konten (?:porno|dewasa|syur)|(?:video|foto) (?:porno|bugil|telanjang|syur)|pemandu (?:karaoke|lagu)|ladies companion|lokalisasi|pijat plus|plus plus|dijual online|ditawarkan ke (?:pria|om om|laki laki)|diperjualbelikan",
    },
    {
      re: "(?:siaran|live|streaming|siaran langsung) [^.]{0,40}?(?:om om|bugil|telanjang|baju minim|seksi|syur|vulgar|buka baju|goyang|dewasa)|(?:jadi|sebagai|kerja) lc|lc (?:karaoke|di)|disuruh mami|mami (?:nyuruh|menyuruh|bilang|marah|yang|di sana|di sini)|(?:dipaksa|disuruh) (?:tidur|ml|berhubungan) (?:dengan|sama) (?:tamu|pelanggan|om om|pria|laki laki)|(?:dipaksa|disuruh) (?:buka baju|telanjang|bugil|joget|striptis)",
    },
    { re: "(?:the|a|our) (?:mami|mamasan|mama san)|mamasan|mama san" },
    {
      re: "karaoke|tempat hiburan|diskotik|klub malam|panti pijat|spa|massage (?:place|parlou?r|shop)|nightclub",
      needs:
        "tamu|nemenin|menemani|minum|dipaksa|disuruh|om om|mami|melayani|pria|customers|clients|guests|forced|controls|underage|girls",
    },
    {
      re: "forced (?:into )?prostitution|(?:forced|made|pressured|coerced) (?:me |us |her |him )?(?:into |to )?(?:prostitution|sex work|sleep with|have sex with|entertain|serve|please) ?(?:customers|clients|guests|men)?|prostitut(?:ion|e)|pimp|brothel|(?:live |sex |cam |webcam )?shows? on (?:camera|cam|webcam)|on camera for money|sex shows?|sex (?:on|in front of) (?:a )?(?:camera|webcam)|webcam|sugar daddy|video call sex|sexual (?:videos|photos|content|acts) (?:for|on|with)|serve (?:customers|clients|guests|men)|(?:customers|clients|guests) for sex|sold (?:\\S+ ){0,2}online|sold to (?:men|a man|older men)",
    },
  ],
  "PUR-03-forced-marriage": [
    {
      re: `(?:dipaksa|terpaksa|disuruh) ${gap(1)}(?:nikah|menikah|kawin|dinikahkan|dikawinkan)|pengantin pesanan|kawin kontrak|nikah kontrak|mak comblang|comblang|suami (?:saya )?(?:orang )?(?:china|cina|tiongkok|taiwan|korea|asing)`,
    },
    {
      re: `(?:dijodohkan|dinikahkan|dikawinkan) ${gap(3)}(?:orang|pria|laki laki|lelaki|bule|warga) ${gap(1)}(?:asing|luar negeri|china|cina|tiongkok|taiwan|korea|arab|luar)`,
    },
    {
      re: `(?:suami|mertua|keluarga suami) ${gap(3)}(?:tidak (?:boleh|kasih|izinkan|ngizinin|bolehin|ngebolehin|mengizinkan) ${gap(1)}(?:pulang|pergi|keluar|telpon)|ngunci|mengunci|mengurung|ngurung|nahan|menahan|melarang ${gap(1)}(?:pulang|keluar))`,
      needs:
        "china|cina|tiongkok|taiwan|korea|asing|luar negeri|comblang|dijodohkan|mahar|pesanan|kontrak|dibeli|dijual|kerja terus",
    },
    {
      re: `(?:nikah|menikah|dinikahi|dinikahkan|kawin) (?:\\S+ ){0,3}(?:orang|pria|warga|suami|laki laki) (?:\\S+ )?(?:asing|china|cina|tiongkok|taiwan|korea|arab|luar negeri) [^.]{0,60}?(?:dilarang|tidak boleh|tidak dikasih|tidak diizinkan) (?:pulang|keluar|telpon|pergi)`,
      negatable: false,
    },
    {
      re: `dikunci ${gap(2)}(?:suami|mertua)|tidak boleh pulang kampung|disuruh kerja terus (?:oleh|sama) (?:suami|mertua)`,
      negatable: false,
    },
    {
      re: "forced (?:to )?marr(?:y|iage)|forced into (?:a )?marriage|married off|mail ?order bride|bride price|sold (?:me |her )?(?:as a|into) (?:bride|marriage)|(?:husband|his family|in laws|mother in law) (?:\\S+ ){0,4}(?:will not|do not|does not|never) let (?:me|her) (?:leave|go|go home|call)",
      negatable: false,
    },
  ],
  "PUR-04-organ-removal": [
    {
      re: `(?:jual|menjual|dijual|beli|membeli|dibeli|donor|donorkan|mendonorkan|diambil|ambil|operasi|transplantasi|cangkok|ambil) ${gap(2)}(?:ginjal|organ|kornea|liver)|ginjal ${gap(3)}(?:dibeli|dijual|dibayar|dihargai|ditawar|diambil)|jual organ|donor ginjal dibayar`,
    },
    { re: "transplantasi|cangkok", needs: "jual|beli|dibayar|bayar|uang|juta|ditawari|ditawarin|dipaksa|imbalan" },
    {
      re: `(?:sell|selling|sold|buy|buying|donate|donating|remove|removed|take|took|harvest|harvesting) ${gap(2)}(?:kidney|kidneys|organ|organs|liver|cornea)|organ (?:removal|trafficking|harvesting|trade)|paid (?:kidney|organ) donation`,
    },
  ],
};
