import { anyOf, COUNTRIES, EN_OBJECT, gap, MONEY } from "./fragments.ts";
import type { PatternTable } from "./pattern-spec.ts";

const RECRUITER = anyOf([
  "calo",
  "sponsor",
  "pl",
  "petugas lapangan",
  "agen",
  "agensi",
  "pt",
  "p3mi",
  "pjtki",
  "pptkis",
  "lpk",
  "perusahaan penyalur",
  "penyalur",
  "yayasan",
  "tekong",
  "makelar",
]);
const PROMISE = anyOf([
  "dijanjikan",
  "dijanjiin",
  "dijanjikannya",
  "janjinya",
  "janji",
  "katanya",
  "bilangnya",
  "awalnya",
  "ditawari",
  "ditawarin",
  "ditawarkan",
  "iklannya",
  "diiming iming",
  "diiming imingi",
  "diimingi",
  "infonya",
  "kata (?:calo|sponsor|agen|pt|bos|teman)",
]);
const REALITY = anyOf([
  "ternyata",
  "nyatanya",
  "taunya",
  "tahunya",
  "rupanya",
  "malah",
  "eh",
  "sampai (?:sana|sini|di sana|di sini)",
  "pas sampai",
  "setelah sampai",
  "begitu sampai",
  "tapi (?:disuruh|dipekerjakan|dijadikan|dibawa|dipaksa|kerja|malah|ternyata|dijual|jadi|di)",
]);
const JOB_CONTEXT =
  "nikah|menikah|dinikahi|dijual|kawin|kerja|bekerja|kerjaan|pekerjaan|agen|agensi|calo|sponsor|pt|perusahaan|lowongan|loker|majikan|berangkat|luar negeri|visa|gaji|job|work|employer|agency|recruiter|salary";
const SCHOOL = anyOf([
  "sekolah",
  "disekolahkan",
  "sekolahin",
  "disekolahin",
  "kuliah",
  "beasiswa",
  "pelatihan",
  "kursus",
  "magang",
  "training",
  "mondok",
  "pesantren",
]);

export const RECRUITMENT_PATTERNS: PatternTable = {
  "ACT-01-recruitment-channel": [
    { re: `(?:lewat|melalui|via|dari|oleh|ikut|dibawa|direkrut|sama|daftar di|daftar lewat|ngurus di) ${RECRUITER}` },
    {
      re: "calo|sponsor|tekong|p3mi|pjtki|pptkis|petugas lapangan|makelar tki|agen|agensi|agent|agency|pt penyalur|perusahaan penyalur|penyalur tki|tiktok|iklan (?:fb|facebook|di fb|di facebook|ig|instagram|lowongan|kerja)|grup (?:wa|whatsapp|telegram|fb|facebook)|diajak (?:teman|saudara|tetangga|kenalan|pacar|sepupu)",
    },
    {
      re: "(?:lewat|melalui|via|dari|di|ada) (?:iklan|postingan|grup|group|fb|facebook|tiktok|instagram|ig|telegram|whatsapp|wa|medsos|sosmed)(?: (?:kerja|lowongan|loker|fb|facebook|wa|telegram))?",
    },
    {
      re: "(?<!(?:di|ke|dalam) )loker(?! (?:kantor|besi|penyimpanan|hp))|lowongan(?: kerja)?|info kerja|tawaran kerja|iklan (?:kerja|lowongan)|kenalan online|direkrut|merekrut|ngerekrut|perekrut",
    },
    {
      re: `(?:diajak|diajakin|ditawari|ditawarin|ditawarkan|dicarikan|nawarin|nawarain|menawarkan|menawari|ngajak|ngajakin|mengajak) ${gap(4)}(?:kerja|bekerja|berangkat|jadi|ke luar negeri|${COUNTRIES})`,
    },
    { re: "ada (?:yang|orang) (?:nawarin|menawarkan|ngajak|nawari|menawari|ngajakin)" },
    {
      re: "recruiter|recruited|broker|middleman|job (?:ad|advert|advertisement|offer|post|posting)|(?:facebook|telegram|tiktok|whatsapp|instagram) (?:post|group|ad)",
    },
    {
      re: "(?:through|via|by) (?:an? |the |a local )?(?:agent|agency|friend|relative|neighbour|neighbor|facebook|fb|tiktok|telegram|whatsapp|instagram|online (?:ad|post))",
    },
    {
      re: `(?:offered|offering|offers|promised) (?:${EN_OBJECT} )?(?:a )?(?:job|work)|a friend (?:offered|recruited|brought|invited|got)`,
    },
  ],
  "ACT-02-travel-arranged": [
    {
      re: "diantar|transit|dibawa (?:nyebrang|menyeberang|nyeberang|lewat)|dijemput (?:di |ke )?(?:bandara|pelabuhan|terminal|perbatasan|hotel|stasiun)|diantar (?:ke|sampai) (?:bandara|pelabuhan|perbatasan|sana)|dibelikan tiket|tiket (?:saya |kami |nya )?(?:dipegang|dibeli|diurus|dibelikan|dibawa)",
    },
    {
      re: "(?:dibawa |diajak )?(?:nyebrang|nyeberang|menyeberang|menyebrang|diseberangkan) (?:sungai|perbatasan|laut|pakai perahu|naik perahu|lewat)|jalur (?:tikus|belakang|ilegal|gelap)|tekong|naik (?:kapal|perahu|speedboat|speed boat) kecil|lewat (?:hutan|mae sot|jalur darat)|transit (?:di|ke|dulu)",
    },
    {
      re: `(?:dibawa|diboyong|dikirim|diberangkatkan|diterbangkan|diangkut|dipindah) (?:saya |kami |dia )?(?:ke|dari)(?! rumah sakit| dokter| klinik)`,
    },
    {
      re: "picked (?:me |us |her |him |them )?up at the (?:airport|port|border|station)|escorted|crossed (?:the )?(?:river|border)|smuggled|taken across",
    },
    {
      re: `(?:took|take|takes|taking|brought|bring|brings|bringing|sent|send|sends|sending|taken|flown|trafficked|moved) (?:${EN_OBJECT} )?(?:to|across)(?! (?:the |a )?(?:doctor|hospital|clinic|school|church|mosque))`,
    },
    {
      re: "arranged (?:my |our |her |his |the )?(?:trip|travel|tickets?|flight)|kept (?:my |our )?tickets?|bought (?:my |our |her )?tickets?",
    },
  ],
  "ACT-03-held-before-departure": [
    { re: "penampungan|ditampung|dikarantina|karantina" },
    {
      re: "(?:mess|asrama|blk|balai latihan)",
      needs:
        "(?:sebelum|belum|nunggu|menunggu|tunggu) (?:\\S+ ){0,2}(?:berangkat|keberangkatan|terbang)|tidak boleh pulang dulu",
    },
    {
      re: "tidak boleh pulang dulu|not allowed to go home before (?:departure|leaving|we left|flying)",
      negatable: false,
    },
    {
      re: "holding (?:house|centre|center|facility)|(?:training (?:centre|center)|dormitory|dorm|shelter)(?= .*before (?:departure|we left|i left|leaving|flying))",
    },
  ],
  "DEC-01-job-deception": [
    {
      re: "(?<!gaji (?:[^ .,]+ )?)tidak sesuai (?:dengan )?(?:janji|yang dijanjikan|yang dijanjiin|perjanjian|iklan|yang dibilang|omongan|yang ditawarkan|yang diiklankan)",
      negatable: false,
    },
    {
      re: "(?<!gaji (?:[^ .,]+ )?)(?:beda|berbeda|lain) (?:jauh )?(?:dengan |dari |sama )?(?:yang )?(?:dijanjikan|dijanjiin|dibilang|ditawarkan|diiklankan|diomongin)",
    },
    {
      re: `(?:kerjaan|pekerjaan|kerja|tempat kerja|lokasi|negara|majikan|perusahaan) ${gap(2)}(?:beda|berbeda|tidak sama)|(?:kerjaan|pekerjaan|kerja|tempat kerja|lokasi|negara|majikan|perusahaan) ${gap(2)}lain (?:dengan|dari|sama) (?:yang )?(?:dijanjikan|katanya|janji|dibilang)`,
      needs: PROMISE,
    },
    { re: `${PROMISE} [^.]{0,90}?${REALITY}`, needs: JOB_CONTEXT },
    {
      re: "ditipu|dibohongi|dibohongin|dikibuli|dijebak|tertipu|kena tipu|ketipu|lied to|tricked|deceived|cheated|scammed",
      needs: JOB_CONTEXT,
    },
    { re: `beda (?:kerjaan|pekerjaan|kerja|tempat)|ternyata (?:di|ke|dibawa ke|dikirim ke) ${COUNTRIES}` },
    {
      re: `katanya (?:kerja|bekerja|jadi|jaga|sebagai|di) [^.]{0,60}`,
      needs: "sekarang|di sini|malah|disuruh|dipaksa|nyatanya|padahal|instead",
    },
    {
      re: "(?:disuruh|dipaksa|dijadikan) [^.]{0,40}?(?:scammer|penipu|nipu|menipu|scam|ngescam|penipuan)|(?:forced|made|force|forces|forcing) (?:me |us |her |him |them )?to (?:work as |be |become |act as )?(?:scam|scammers?|defraud|cheat people|fraudsters?)",
    },
    {
      re: `(?:promised|told|said|offered|advertised|supposed to be|was to be) [^.]{0,90}?(?:but|then|instead|turned out|when (?:i|we|she|he) (?:arrived|got there)|on arrival|in reality|actually)`,
      needs:
        "work|job|factory|employer|company|agency|agent|recruiter|salary|restaurant|hotel|shop|maid|nanny|customer service|office",
    },
    {
      re: "not (?:the|what) (?:\\S+ ){0,2}(?:was promised|promised|they promised|agreed|advertised)|different (?:from|than|to) (?:what|the one|the job) (?:\\S+ ){0,3}(?:promised|offered|advertised|told|said|agreed)",
      negatable: false,
    },
    {
      re: "(?:lied to|tricked|deceived|cheated) (?:us|me|her|him|them)?(?: about)?",
      needs: "work|job|agency|agent|recruiter|employer|company|salary|visa|abroad|offer",
    },
    {
      re: "different (?:job|work|employer|place|country|company)|made (?:me|us|her|him|them) (?:work|do|become) (?:as|in|at|a)|turned out to be",
    },
    // "bukan kerja toko seperti yang dijanjiin": the job is not the one promised
    {
      re: "bukan (?:\\S+ ){0,3}(?:kerja|kerjaan|pekerjaan|jadi|sebagai|di) [^.]{0,40}?(?:seperti|sesuai|yang) (?:yang )?(?:dijanjikan|dijanjiin|katanya|dibilang|ditawarkan|diiklankan|janji)",
    },
    // the reality turned out otherwise: "lewat agensi, ternyata disuruh layani tamu"
    {
      re: "(?:ternyata|nyatanya|taunya|rupanya|eh malah|malah) (?:\\S+ ){0,2}(?:disuruh|dipekerjakan|dipekerjain|dijadikan|dipaksa|dijual|dikirim ke|dibawa ke|dipindah ke|bukan)",
      needs: JOB_CONTEXT,
    },
    // offered work in one place, taken to another: "diajak kerja di thailand … dibawa ke myawaddy"
    {
      re: "(?:diajak|ditawari|ditawarin|dijanjikan|dijanjiin|katanya|dijanjikannya|dibilang) (?:\\S+ ){0,3}(?:kerja|bekerja|jadi|sebagai) (?:\\S+ ){0,3}di .{0,160}?(?:dibawa|dikirim|dijual|dipindah|dipindahkan|diseberangkan|dioper|diselundupkan) (?:\\S+ )?ke",
    },
    {
      re: "(?:promised|offered|told|said) (?:\\S+ ){0,4}(?:job|work) (?:\\S+ ){0,3}in .{0,160}?(?:taken|brought|sent|moved|sold|transferred|smuggled) (?:\\S+ )?to",
    },
  ],
  "CH-03-school-deception": [
    {
      re: `${PROMISE} ${gap(3)}${SCHOOL}`,
      needs: "kerja|bekerja|dipekerjakan|disuruh|dijual|karaoke|pabrik|jaga|melayani|tamu|pembantu|prt",
    },
    {
      re: `(?:tidak boleh|dilarang|disuruh berhenti|dipaksa berhenti|disuruh putus) (?:ikut )?sekolah|magang (?:tapi|malah|ternyata) ${gap(2)}kerja`,
      negatable: false,
    },
    {
      re: `promis(?:ed|ing) ${gap(3)}(?:school|schooling|education|study|studies|training|scholarship|internship|college)`,
      needs: "work|works|working|worked|job|karaoke|factory|maid|sold|customers|cleaning|nanny",
    },
    { re: "not allowed to (?:go to )?school|made to work instead|internship but (?:\\S+ ){0,2}work", negatable: false },
  ],
  "DEC-02-wage-deception": [
    { re: `gaji ${gap(3)}(?:tidak|kurang) (?:sesuai|seperti|sama)`, negatable: false },
    {
      re: `gaji (?:yang )?(?:dijanjikan|dijanjiin|dijanji|katanya|ditawarkan|diiklankan|di iklan) [^.]{0,60}?(?:tapi|ternyata|cuma|hanya|malah|nyatanya|kenyataannya)`,
    },
    {
      re: `gaji (?:saya |nya |kami )?(?:cuma|hanya|cuman|cuma dikasih|cuma dapat) ${gap(3)}(?:padahal|katanya|dijanjikan|janjinya|bukan)`,
    },
    {
      re: `(?:dijanjikan|dijanjiin|janjinya|katanya|dijanjikannya|iklannya|ditawari|ditawarin) ${gap(1)}gaji [^.]{0,60}?(?:ternyata|tapi|cuma|hanya|malah|nyatanya|kenyataannya|dapat|dikasih|dibayar)`,
    },
    { re: `(?:dijanjikan|dijanjiin|janjinya|katanya|ditawari|ditawarin|iklannya) ${gap(1)}gaji ${gap(2)}${MONEY}` },
    {
      re: "gaji (?:lebih )?(?:kecil|rendah|sedikit) (?:dari|daripada) (?:yang )?(?:dijanjikan|janji|katanya|dibilang)|gaji dipotong (?:terus|semua|banyak|separuh|setengah)|gaji (?:\\S+ )?(?:kecil|kecil banget|sedikit|rendah)|gaji (?:saya |cuma |hanya )*(?:cuma|hanya) \\S+|dijanjikan gaji|promised (?:a )?salary|salary (?:is |was )?(?:much )?lower",
    },
    { re: "(?:salary|salaries|pay|wages?) (?:was|is|were) supposed to be|promised (?:\\S+ ){0,3}(?:but|only|instead)" },
    {
      re: "(?:paid|pay|salary|wages?) (?:is |was |are |were )?(?:much |far |a lot )?(?:less|lower|smaller) than (?:\\S+ ){0,3}(?:promised|agreed|they said|advertised|the contract)",
    },
    {
      re: `promised (?:a )?(?:salary|wage|pay|income) of|promised (?:${MONEY} )(?:a|per) month|only (?:get|got|paid|receive|received) ${gap(3)}(?:instead of|but (?:they|the agent|the agency) (?:promised|said))`,
    },
  ],
  "DEC-03-contract": [
    {
      re: `(?:tidak|belum) (?:ada|punya|pernah (?:lihat|dapat|tanda tangan|ttd)|dikasih|dapat|tanda tangan|ttd|lihat|baca) ${gap(1)}(?:kontrak|perjanjian kerja|pk|surat kontrak)`,
      negatable: false,
    },
    {
      re: `(?:tidak|belum) ${gap(3)}(?:kontrak|perjanjian kerja|salinan kontrak)(?! (?:nya )?(?:habis|selesai|diperpanjang))|(?:no|never|without) ${gap(3)}contract|contract in \\S+ (?:that )?(?:i|we) (?:can not|could not|do not|did not) (?:read|understand)`,
      negatable: false,
    },
    {
      re: "tanpa (?:kontrak|perjanjian|surat kontrak)|pk tidak ada|tidak (?:usah|perlu) (?:pakai |pake |ada |bikin )?kontrak|kontrak (?:nya )?(?:nanti|belakangan) (?:saja )?(?:di sana|di sini|setelah sampai)?",
      negatable: false,
    },
    {
      re: `kontrak ${gap(2)}(?:dalam |pakai |berbahasa )?bahasa (?:asing|inggris|arab|mandarin|china|cina|korea|jepang|melayu|thailand)|tidak (?:ngerti|mengerti|paham|tahu) isi (?:kontrak|perjanjian|surat)|disuruh (?:tanda tangan|ttd) (?:saja|langsung)`,
    },
    {
      re: `kontrak ${gap(6)}(?:diganti|beda|berbeda|diubah|dirubah|ditukar|palsu)|kontrak ${gap(2)}lain|kontrak (?:dalam )?bahasa (?:asing|inggris|arab|mandarin|china|cina)|tanda tangan (?:kertas|surat) kosong`,
    },
    {
      re: `disuruh (?:tanda tangan|ttd) ${gap(5)}(?:tidak|belum) (?:baca|dibaca|ngerti|paham|mengerti|tahu isinya|boleh baca)`,
      negatable: false,
    },
    {
      re: "no (?:written )?contract|without (?:a |any )?contract|never (?:saw|seen|signed|got) (?:a |the |any )?contract|did not (?:get|sign|see|receive) (?:a |the |any )?contract",
      negatable: false,
    },
    {
      re: "contract (?:was |got )?(?:replaced|changed|switched|substituted)|contract substitution|signed (?:a )?blank (?:paper|page|sheet|form)|contract in (?:a language|\\S+) (?:i|we) (?:can not|could not|do not|did not) (?:read|understand)",
    },
  ],
  "DEC-04-fees-and-loans": [
    {
      re: "(?:biaya|ongkos|uang) (?:administrasi|admin|proses|pendaftaran|daftar|berangkat|keberangkatan|penempatan|pemberangkatan|medical|medikal|visa|pelatihan|jaminan|muka|dp|sponsor|calo|fee|pengurusan|paspor)",
    },
    {
      re: `(?:bayar|membayar|setor|nyetor|transfer|kasih|ngasih|kirim|dimintai|diminta|minta) ${gap(4)}(?:ke |kepada |sama |untuk |buat )?${RECRUITER}`,
      unless: "(?:lapor|laporkan|melaporkan) ",
    },
    {
      re: `(?:bayar|membayar|setor|nyetor|transfer|kena|diminta|dimintai|minta|disuruh bayar|harus bayar|sudah bayar|habis) ${gap(4)}${MONEY}`,
      needs: "berangkat|kerja|proses|visa|daftar|calo|sponsor|agen|pt|lpk|penempatan|tiket|paspor|luar negeri",
    },
    { re: "uang (?:muka|jaminan|pelicin)|dp (?:keberangkatan|berangkat)" },
    {
      re: `(?:pinjam|minjam|minjem|ngutang|berutang|berhutang|gadai|menggadaikan|nggadai|jual|menjual|utang) ${gap(3)}(?:uang|sawah|tanah|motor|rumah|sertifikat|bpkb|emas|perhiasan|ternak|sapi|kambing|bank|koperasi|rentenir)|gadai|menggadaikan|borrowed money`,
      needs: "berangkat|biaya|calo|sponsor|agen|pt|proses|kerja|ke luar negeri|visa|job|work|agent|agency|recruiter",
    },
    {
      re: "utang ke (?:pt|agen|sponsor|calo|lpk)|dipotong gaji (?:untuk|buat) (?:biaya|bayar (?:biaya|tiket|visa|pelatihan|proses|agen|pt))",
    },
    {
      re: "(?:recruitment|placement|agency|processing|registration|training|medical|visa|job) fees?|paid (?:\\S+ ){0,3}(?:to )?(?:the |an |a )?(?:agent|agency|recruiter|broker|sponsor|calo)",
    },
    {
      re: `(?:borrowed|borrow|took a loan|loan for|pawned|sold (?:our|my|the|their) (?:land|house|motorbike|cow|gold))`,
      needs: "job|work|agent|agency|recruiter|fee|visa|go abroad|leave|departure|broker",
    },
    {
      re: `(?:ask|asked|asking|wants?|want|told) (?:me|us|her|him) to pay(?! (?:to|for) (?:release|free|her release|his release))|(?:pay|paid|pays) ${gap(3)}${MONEY} ${gap(1)}(?:to|for) (?:go|the job|get the job|visa|departure|leave|work)`,
    },
  ],
  "DEC-05-romance-marriage-lure": [
    {
      re: `(?:pacar|cowok|cewek|kekasih|tunangan|kenalan|teman (?:fb|facebook|online)) ${gap(6)}(?:janji|janjiin|menjanjikan|dijanjikan|ngajak|mengajak|ajak|bilang|katanya|nawarin|menawarkan)`,
      needs: `kerja|nikah|menikah|kawin|ke luar negeri|${COUNTRIES}|dijual|disuruh|tamu|bawa`,
    },
    {
      re: "kenalan online|kenal (?:di|lewat|dari|via) (?:fb|facebook|aplikasi|tinder|ig|instagram|tiktok|online|game|michat|wechat|medsos|sosmed|telegram|wa)",
    },
    {
      re: "(?:dijanjikan|janji|dijanjiin|janjinya) (?:akan |mau )?(?:dinikahi|nikahi|menikahi|nikah|menikah|dikawini|kawin)|dinikahi",
    },
    {
      re: `(?:dijodohkan|dinikahkan|dinikahi|nikah|menikah|kawin|dikawinkan) ${gap(3)}(?:orang|pria|laki laki|cowok|bule|lelaki|warga) ${gap(1)}(?:asing|luar negeri|china|cina|tiongkok|taiwan|korea|arab|malaysia|luar)`,
    },
    {
      re: "pengantin pesanan|mak comblang|comblang|kawin kontrak|nikah kontrak|suami (?:saya |nya )?(?:orang )?(?:asing|china|cina|tiongkok|taiwan|korea|bule)",
    },
    {
      re: `(?:boyfriend|girlfriend|fiance|partner|lover) ${gap(4)}(?:promised|said|offered|invited|brought|took)|met (?:him|her|them|someone|a man|a guy)? ?online|met (?:on|through|via) (?:facebook|an app|instagram|tiktok|a dating|dating)`,
    },
    {
      re: "promised (?:to )?marr(?:y|iage)|mail ?order bride|marr(?:y|ied) (?:to )?(?:a )?(?:foreigner|chinese man|man from)",
    },
  ],
};
