import {
  activeForms,
  anyOf,
  BODY_PART,
  CONFINE_ROOTS,
  CONTROLLER,
  EN_OBJECT,
  gap,
  INJURY,
  KILL_ROOTS,
  passiveForms,
} from "./fragments.ts";
import type { PatternTable } from "./pattern-spec.ts";
import {
  CONTACT,
  DESIRE,
  DROP_PLACE,
  HARM_OUTCOME,
  JUMP_VERB,
  SECRETLY,
  SEX_EUPHEMISM,
  WATER_PLAY,
} from "./word-classes.ts";

const PEOPLE_OBJECT = anyOf([
  "saya",
  "kami",
  "kita",
  "dia",
  "kakak",
  "adik",
  "anak",
  "istri",
  "suami",
  "teman",
  "mereka",
]);
const LOCKED_THING = anyOf([
  "hp",
  "akun",
  "layar",
  "kartu",
  "atm",
  "rekening",
  "pin",
  "password",
  "sandi",
  "laptop",
  "wa",
  "whatsapp",
  "facebook",
  "fb",
  "account",
  "screen",
]);
/** The dead: a body buried at sea is a death to report, not a threat to someone alive. */
const DEAD_BODY = "jenazah\\S*|mayat\\S*|mayit|jasad\\S*|bangkai|abu jenazah";
/** "kalau tidak capai target dijual": a threat (FL-07/FL-09), not a sale already decided. */
const IF_NOT =
  "(?:kalau|jika|kalo|klo|bila|if|kalau sampai) (?:saya |kami |dia |aku |kita |i |we |she |he )?(?:tidak|gagal|belum|do not|can not|fail)";
/** "rumahnya mau dijual": things are sold, not people. */
const THING_SOLD =
  "(?:rumah|tanah|motor|mobil|hp|barang|sawah|kebun|toko|warung|emas|perhiasan|ternak|sapi|kambing|laptop|baju|akun)\\S* (?:\\S+ ){0,5}(?:dijual|jual)|(?:dijual|jual) (?:rumah|tanah|motor|mobil|hp|barang|sawah|kebun|emas|laptop|baju|akun)";
const UNTIL_PAID = "(?:until|till|before|sebelum|sampai)";

/** Can't get out right now: also evidence of restricted movement (FL-04). */
export const CANNOT_GET_OUT = [
  {
    re: `tidak (?:boleh|bisa|diizinkan|diijinkan|dibolehkan|dibolehin|dikasih|diperbolehkan) (?:keluar|kabur|pergi)(?! (?:rumah|negeri|kerja|dari (?:kerjaan|pekerjaan|pt|perusahaan)|tanpa|kecuali|sendiri|sendirian|kalau|kalo))`,
    negatable: false,
    unless: `${UNTIL_PAID}|lunas|kontrak|(?:kalau|jika|if) (?:mau )?(?:berhenti|resign)`,
  },
  {
    re: `(?:can not|could not|can ?t) (?:leave|get out|escape|go out)`,
    negatable: false,
    unless: `${UNTIL_PAID}|contract`,
  },
  {
    re: `(?:not|never) (?:allowed|permitted) to (?:leave|go|get out)(?! (?:the )?(?:job|country|house))`,
    negatable: false,
    unless: UNTIL_PAID,
  },
  {
    re: `(?:will not|do not|does not|did not|would not|wo not|never) let ${EN_OBJECT} (?:leave|go|out)(?! home)`,
    negatable: false,
    unless: UNTIL_PAID,
  },
] as const;

export const EMERGENCY_PATTERNS: PatternTable = {
  "EM-01-held-now": [
    {
      re: `${passiveForms(CONFINE_ROOTS)}|penculik|penculiknya|kidnapper|kidnappers|sandera|diikat|dikunciin|dikuncikan|dikunci dari luar|dikunci terus`,
    },
    { re: `(?<!${LOCKED_THING} (?:[^ .,]+ ){0,2})dikunci` },
    { re: `(?:${activeForms([...CONFINE_ROOTS, "kunci"])}) ${PEOPLE_OBJECT}` },
    { re: `${CONTROLLER} ${gap(1)}(?:kunci|kunciin|kurung|kurungin|sekap) ${PEOPLE_OBJECT}` },
    { re: `tolong (?:keluarkan|keluarin|bebaskan|bebasin|selamatkan|selamatin|lepaskan|jemput) ${PEOPLE_OBJECT}` },
    { re: "dijaga (?:ketat|terus|24 jam|orang bersenjata|pakai senjata)" },
    {
      re: "(?:kabur|keluar|pergi|lari|pulang) (?:\\S+ ){0,2}(?:tapi|namun|cuma|hanya) (?:\\S+ ){0,2}(?:dijaga|diawasi|dikunci|digembok|ketahuan|dikejar)",
    },
    {
      re: "(?:terjebak|terperangkap|kejebak)",
      unless: "macet|hujan|banjir|utang|hutang|pinjol|lift|jebakan batman|cinta|friendzone",
    },
    ...CANNOT_GET_OUT,
    {
      re: `(?<!${LOCKED_THING} (?:[^ .,]+ ){0,2})(?:locked|lock) (?:${EN_OBJECT} )?(?:in|inside|up|into)|(?<!${LOCKED_THING} (?:[^ .,]+ ){0,2})locked (?:in|up|inside)`,
    },
    {
      re: `(?:held|kept|being held|keeping ${EN_OBJECT}) (?:captive|hostage|prisoner|against (?:my|our|her|his|their) will)`,
    },
    {
      re: "(?:held|kept|being held|locked) (?:in|at|inside) (?:a |the |an )?(?:\\S+ )?(?:compound|house|room|building|camp|office|apartment|warehouse|place)",
    },
    {
      re: "hostage|trapped|confined|kidnapped|abducted|imprisoned|held captive",
      unless: "traffic|feel trapped in (?:my|this) (?:job|marriage)",
    },
    { re: `(?:please )?(?:get|help|take) ${EN_OBJECT} out(?: of here)?` },
  ],
  "EM-02-injured": [
    {
      re: `${BODY_PART} (?:saya |nya |dia |kami |kamu |my |her |his |is |was |are |got )*${INJURY}|${INJURY} (?:di )?${BODY_PART}`,
    },
    {
      re: "ditusuk|dibacok|ditembak|dibakar|disetrika|disiram air (?:panas|keras|mendidih)|stabbed|(?:was|got|been) shot|set on fire",
    },
    {
      re: "terluka|luka luka|luka (?:parah|berat|bakar|robek|dalam|memar|lebam)|luka di (?:kepala|badan|tangan|kaki|muka|wajah|punggung)|berdarah|berdarah darah|patah tulang|patah (?:tangan|kaki|lengan|rusuk|hidung|gigi)|pingsan|sakit (?:parah|keras)|demam tinggi|sesak (?:napas|nafas)|muntah darah|kepala (?:saya )?bocor|memar (?:memar|semua|di)|lebam lebam|babak belur",
    },
    {
      re: `(?:luka|sakit|demam|patah|berdarah|terluka|cedera) ${gap(3)}(?:tidak|belum) (?:diobati|dirawat)`,
      negatable: false,
    },
    {
      re: "(?:butuh|perlu|harus ke|dibawa ke|minta) (?:dokter|ambulans|ambulan|rumah sakit|rs|obat|pertolongan medis)|(?:masuk|dirawat di|sekarang di) (?:rumah sakit|rs|icu)",
    },
    {
      re: "(?:habis|baru|barusan|tadi|semalam|kemarin) (?:saja )?(?:dipukul(?:i|in)?|disetrum|disiksa|dianiaya|ditusuk|dihajar|digebuki|digebukin|dikeroyok|ditendang(?:i|in)?|dicambuk|disiram air panas)",
    },
    {
      re: "injured|bleeding|unconscious|passed out|broken (?:bone|bones|arm|leg|rib|ribs|nose)|wounded|badly hurt|seriously (?:hurt|ill|sick)|very sick|bruises all over",
    },
    {
      re: "(?:need|needs|needed) (?:a )?(?:doctor|hospital|ambulance|medicine|medical help)|(?:is|was|am|are) (?:now )?in (?:the )?(?:hospital|icu)",
    },
    { re: "(?:can not|could not|hard to|difficult to) breathe" },
    { re: "(?:just|was just|got) (?:beaten|hit|shocked|tortured|stabbed|burned)" },
  ],
  "EM-03-death-threat": [
    {
      re: `(?:mau|akan|bakal|ingin|hendak|nanti|bisa|pasti|langsung) ${passiveForms(KILL_ROOTS)}|(?:mau|akan|bakal|nanti) (?:dibuang ke laut|dilarung)`,
    },
    {
      re: `(?:ngancem|diancem|ancem|ugut|diugut) ${gap(5)}(?:${passiveForms(KILL_ROOTS)}|dibuang ke laut|dilarung|mati)|(?:diancam|ancam|ngancam|mengancam|ngancem|ancem) ${gap(3)}(?:lempar|buang|ceburin|cemplungin|lempar) ke laut`,
    },
    {
      re: `(?:diancam|ancam|ngancam|mengancam|bilang|katanya|kata (?:bos|majikan|agen|mandor|kapten|mereka)|ancamannya) ${gap(5)}(?:${passiveForms(KILL_ROOTS)}|dibuang ke laut|dilarung|mati)`,
      unless: `mati (?:lampu|listrik|gaya|ketawa)|${DEAD_BODY}`,
    },
    {
      re: `(?:ada|teman|abk|pekerja|orang|rekan|kawan) ${gap(3)}(?:yang )?(?:dibunuh|dilarung|dibuang ke laut|dipukul sampai (?:mati|meninggal)|disiksa sampai (?:mati|meninggal))|takut (?:dibunuh|dihabisi|jadi korban berikutnya|mati di sini)`,
      unless: DEAD_BODY,
    },
    {
      re: `(?:diancam|diancem|mengancam|ngancam|ngancem|ancam|ancaman)(?: akan| mau| bakal)? (?:${PEOPLE_OBJECT} )?(?:dibunuh|bunuh|membunuh|mati|dihabisi|habisi|menghabisi|dibuang|matiin|ditembak|tembak|potong)`,
    },
    { re: `(?:akan|mau|bakal|nanti|aku) (?:bunuh|membunuh|habisi|matiin|menghabisi) ${PEOPLE_OBJECT}` },
    { re: "nyawa (?:saya |kami |dia |kita )?(?:terancam|dalam bahaya|taruhannya)" },
    {
      re: "(?:keluarga|anak|orang tua|ibu|istri|suami) (?:saya |kami )?(?:diancam|mau dibunuh|akan dibunuh|dalam bahaya)",
    },
    // thrown overboard is a threat to the living; a body given to the sea after a death is a loss
    { re: "dibuang ke laut", unless: DEAD_BODY },
    { re: "(?:threatened|threaten|threatens|threatening) to (?:kill|murder|shoot|hurt (?:my|our|her|his) family)" },
    {
      re: "(?:next time|will|going to|gonna|would|said|says|threaten\\S*|or) (?:\\S+ ){0,3}(?:kill|murder|shoot) (?:me|us|her|him|them|my|you|everyone)|gun (?:to|at|on) (?:my|her|his|our|their) head|(?:shot|shoot|killed|murdered) (?:one of us|a worker|my friend|a friend|someone|a man|a woman|a girl|him|her)|(?:dilempar|dibuang|diceburkan) ke laut|ditembak (?:mati|di tempat)|ada (?:yang )?(?:ditembak|dibunuh)",
      unless: DEAD_BODY,
    },
    {
      re: "death threats?|(?:my|our|her|his) life is in danger|life (?:is )?(?:in danger|at risk)|threatened my family",
    },
    {
      re: `(?:will|going to|would|want to|wants to|said they would) (?:kill|murder|shoot) (?:me|us|her|him|them|my family)`,
    },
    { re: "kill (?:me|us|her|him) if" },
  ],
  "EM-04-self-harm": [
    {
      re: "bunuh diri|gantung diri|minum racun|lompat dari (?:gedung|jembatan|lantai|atas)|sayat (?:tangan|nadi)|potong nadi|menyakiti diri|nyakitin diri|melukai diri",
    },
    {
      re: "(?:ingin|mau|lebih baik|mending|mendingan|rasanya (?:ingin|mau)|pilih) (?:saya )?mati(?! rasa)(?! (?:ketawa|tertawa|ngakak|gaya|penasaran|lampu|listrik|kutu|bosan|bosen|gemes|gemas|kelaparan|kebosanan|lucu|saking|baca|bacanya|lihat|lihatnya|dengar|dengarnya|nunggu|menunggu))",
      unless:
        "ngakak|ketawa|tertawa|wkwk\\S*|haha\\S*|hehe\\S*|lol|lucu|kocak|lmao|malu|kenyang|ngantuk|gerah|anjir|anjay|bosan|bosen",
    },
    {
      re: "(?:mengakhiri|akhiri|akhirin|ngakhirin|mengakhirin) (?:hidup|semuanya|semua ini|nyawa)|capek hidup|capai hidup|lelah hidup|putus asa|tidak ada harapan (?:lagi|hidup)",
    },
    {
      re: "tidak (?:ingin|mau) (?:hidup|hidup lagi)|tidak kuat (?:hidup|lagi hidup)|sudah tidak (?:ingin|mau|kuat) hidup|(?:do not|does not) want to (?:live|be alive)|no (?:reason|point) (?:to live|in living)|no hope left",
      negatable: false,
    },
    { re: "tidak kuat lagi(?= [.,]|$| (?:saya |rasanya )?(?:ingin|mau) mati)", negatable: false },
    {
      re: "end(?:ing)? it all|suicide|suicidal|kill myself|killing myself|end my life|ending my life|(?:want|wanna|wanted) to die|do not want to live|hurt myself|harm myself|cut myself|better off dead|no reason to live|take my own life",
    },
    { re: "(?:can not|could not) go on", negatable: false },
    {
      re: "(?:tidak ada|tidak) (?:gunanya|artinya|arti|guna) (?:lagi )?(?:saya |aku )?hidup|hidup(?:ku|nya|ku ini)? (?:\\S+ )?(?:tidak ada|tidak) (?:artinya|arti|gunanya|guna)|(?:nyerah|menyerah|pasrah) (?:\\S+ ){0,2}(?:sama|dengan|pada) hidup|bundir|nyudahi urip|i wish i (?:was|were) dead|feel like dying|nobody (?:will|would) miss me|better (?:if|when) i (?:die|am gone|was gone)|(?:want|wanna) to be dead",
      negatable: false,
      unless: "wkwk\\S*|haha\\S*|hehe\\S*|lol|ngakak|film|game|lagu|movie|song|ketawa|lucu",
    },
    // the means and the act, in the many ways people say them
    {
      re: "(?:minum|menelan|nelen|telan|nenggak|tenggak) (?:\\S+ ){0,2}(?:baygon|racun|obat nyamuk|obat serangga|pembasmi|pestisida|insektisida|cairan pembersih|pemutih|bayclin|porstex|\\d+ (?:butir|biji|tablet|pil))|(?:loncat|lompat|terjun|menjatuhkan diri|njegur|nyebur) (?:dari|ke) (?:\\S+ )?(?:lantai|gedung|jembatan|atap|balkon|jendela|apartemen|tebing|kapal|laut|sungai|rel)|nyilet|menyilet|(?:sayat|iris|silet|gores) (?:\\S+ )?(?:tangan|nadi|lengan|pergelangan)|nyusul (?:almarhum|bapak|ibu|ayah|mama|papa|suami|anak)|(?:tidak|biar tidak|supaya tidak) bangun (?:lagi|selamanya)|tidur selamanya|lebih baik (?:saya |aku )?(?:tiada|tidak ada|hilang|mati)|(?:buat|untuk) apa (?:saya )?hidup|(?:hilang|menghilang|ngilang) (?:\\S+ )?dari dunia|akhiri (?:semua|semuanya|hidup)|(?:tidak|sudah tidak) (?:kuat|sanggup|tahan) (?:lagi )?(?:\\S+ )?(?:ingin|mau) (?:mati|akhiri|mengakhiri)",
      unless: `${WATER_PLAY}|wkwk\\S*|haha\\S*|hehe\\S*|lol|ngakak|film|game|lagu`,
    },
    {
      re: "(?:took|take|taking|swallowed|swallow) (?:\\S+ ){0,2}(?:pills|tablets|poison|bleach|pesticide)|overdose|(?:jump|jumping) (?:off|from) (?:the |a |this )?(?:building|bridge|roof|balcony|window|ship|boat)|(?:will not|never|do not want to) wake up|(?:want|wanna) to disappear (?:forever|from this world)|(?:want|wanna) to end (?:it|everything|all)|slit (?:my )?wrists?",
      unless: "haha\\S*|lol|lmao|movie|film|game|song",
    },
    // wanting to jump into water or from a height, with or without a preposition ("pengen nyemplung kali")
    {
      re: `${DESIRE} ${gap(2)}${JUMP_VERB} (?:ke |dari |nang |neng |ning |menyang |into |off |from |to )?(?:the |a |this )?(?:[^ .,]+ )?${DROP_PLACE}`,
      unless: `${WATER_PLAY}|wkwk\\S*|haha\\S*|lol|film|game`,
    },
  ],
  "EM-05-recent-sexual-violence": [
    {
      re: `(?:melecehkan|lecehkan|ngelecehin|ngelecehkan|mencabuli|nyabulin|meraba raba|grepe grepe|grepein|menggerayangi) ${PEOPLE_OBJECT}`,
    },
    {
      re: "diperkosa|perkosa|memperkosa|diperkaos|dirudapaksa|dicabuli|mencabuli|dilecehkan|dilecehin|pelecehan seksual|kekerasan seksual|digerayangi|diraba raba|disetubuhi|dinodai|digagahi",
    },
    {
      re: `(?:dipaksa|memaksa|maksa|maksain|paksa|paksain) ${gap(2)}(?:berhubungan badan|hubungan badan|hubungan intim|berhubungan intim|begituan|tidur (?:dengan|sama|bareng) (?:dia|bos|majikan|saya)|bercinta)`,
    },
    {
      re: `dipaksa (?:berhubungan|hubungan badan|begituan|tidur (?:dengan|sama|bareng)|ml|melayani nafsu|melayani (?:majikan|bos))`,
    },
    // forced to "do that": the euphemism carries the act, the force makes it violence
    {
      re: `(?:dipaksa|memaksa|maksa|maksain|paksa|paksain|mau|coba|nyoba|mencoba) ${gap(1)}${SEX_EUPHEMISM} ${PEOPLE_OBJECT}`,
    },
    { re: `(?:dipaksa|memaksa|maksa|maksain|paksa|paksain) ${gap(1)}${SEX_EUPHEMISM}` },
    {
      re: "forced (?:himself|themselves) on (?:me|her|us)|(?:touched|grabbed) (?:me|her) (?:\\S+ ){0,2}(?:private|breasts?|body|everywhere)|(?:came|come|comes|coming) (?:in|into) (?:my|our|her) (?:room|bed) (?:\\S+ ){0,4}(?:forced|touched|raped|grabbed)",
    },
    {
      re: "raped|rape me|rapes me|sexual(?:ly)? (?:assaulted|abused|harassed)|sexual (?:assault|abuse|violence)|molested|groped",
    },
    {
      re: `(?:forced|force|forces|forcing|make|makes|made|making) (?:${EN_OBJECT} )?(?:to )?(?:have sex|sleep with)`,
      unless: "customers|clients|guests",
    },
  ],
  "EM-06-about-to-be-sold": [
    {
      re: `(?:mau|akan|bakal|besok|minggu depan|bulan depan|segera|rencananya) ${gap(3)}di(?:pindah|oper|jual|lempar|kirim|bawa)(?:in|kan)? ke (?:perusahaan|pt|company|tempat|bos|kompleks|majikan|geng|orang|negara) (?:lain|baru)`,
      unless: `${IF_NOT}|${THING_SOLD}`,
    },
    { re: "(?:sudah|telah|baru) dijual(?! (?:murah|rumah|tanah|motor|hp))", unless: IF_NOT },
    {
      re: "(?:mau|akan|bakal|hendak|rencananya|besok|segera) (?:dijual|dioper|dilempar|diperjualbelikan|dijual lagi)(?! ke laut)",
      unless: `${IF_NOT}|${THING_SOLD}`,
    },
    { re: "diperjualbelikan|dijualbelikan", unless: IF_NOT },
    {
      re: "dijual (?:sama |oleh |sm )?(?:pacar|teman|tante|om|agen|calo|mucikari|germo|orang tua|ibu|bapak|ayah|suami|kenalan|majikan|bos)\\S*|dibawa (?:\\S+ ){0,4}(?:untuk |buat |terus |lalu |mau )?dijual|(?:mau|akan|bakal) (?:\\S+ )?dijual",
      unless: `${IF_NOT}|${THING_SOLD}`,
    },
    // sold to a person or through an app: "dijual ke om om", "dijual lewat michat", "dijual agen ke majikan lain"
    {
      re: `(?:dijual|dijualin|dijualkan|menjual|jual) ${PEOPLE_OBJECT}? ?(?:\\S+ ){0,3}(?:ke|kepada|sama|lewat|via|di) (?:\\S+ )?(?:om om|om|laki laki|lelaki|pria|tamu|hidung belang|majikan|bos|agen|agensi|mucikari|germo|orang|michat|aplikasi|online|perusahaan|pt|company)`,
      unless: `${IF_NOT}|${THING_SOLD}`,
    },
    {
      re: "(?:want|wants|wanted|plan|plans|planning|trying|try|going|gonna|will|about) (?:to )?(?:sell|resell) (?:me|us|her|him|them)|(?:was|were|been|got|being) (?:sold|resold)",
      unless: `${IF_NOT}|${THING_SOLD}`,
    },
    {
      re: "dijual (?:lagi|ke (?:perusahaan|company|pt|bos|tempat|orang|majikan|agen|kompleks|geng) (?:lain|baru))",
      unless: `${IF_NOT}|${THING_SOLD}`,
    },
    {
      re: "dioper|dipindah(?:kan)? (?:paksa|secara paksa)|dilempar ke (?:pt|perusahaan|bos|company) lain|dibawa ke tempat lain",
    },
    {
      re: `(?:will|going to|about to|are going to|want to|plan to|tomorrow|tonight) ${gap(2)}(?:move|moving|transfer|transferring|send|sending|take|taking|sell|selling) (?:me|us|her|him|them) to (?:another|a new|a different) (?:compound|company|bos|place|group|gang|employer|building)`,
      unless: `${IF_NOT}|${THING_SOLD}`,
    },
    {
      re: "(?:will|going to|about to|are going to|want to|plan to) (?:be )?(?:sold|resold)|(?:sell|selling) (?:me|us|her|him|them) to|sold (?:me |us |her |him )?to another (?:company|compound|bos|group|gang)|resold|transferred against (?:my|our|her|his|their) will|moved to another compound",
      unless: `${IF_NOT}|${THING_SOLD}`,
    },
  ],
  "EM-07-ransom": [
    {
      re: `(?:minta|meminta|dimintai|diminta|disuruh bayar|harus bayar|menuntut|minta uang|minta duit|malak|memeras|diperas) ${gap(6)}(?:biar|supaya|agar|baru|untuk|buat|kalau|jika|if) (?:saya |dia |kami |aku |anak saya |adik saya |kakak saya )?(?:bisa |boleh |mau |ingin )?(?:dilepas|dilepaskan|dibebaskan|bebas|dipulangkan|pulang|keluar)`,
      unless: "tiket|ongkos|ongkir|pesawat|kontrak|resign|berhenti",
    },
    {
      re: `(?:minta|meminta|menuntut|malak|memeras|minta uang|minta duit) (?:[^ .]+ ){0,3}?(?:uang|duit|tebusan|\\d+ ?(?:juta|ribu|ringgit|dolar|dollar|baht|yuan|usd)?) (?:[^ .]+ ){0,3}?(?:kalau|jika|kalo|bila|if) (?:[^ .]+ ){0,5}?(?:tidak|belum|gagal|not|no) (?:[^ .]+ ){0,6}?${HARM_OUTCOME}`,
      negatable: false,
      unless: "tiket|ongkos|ongkir|pesawat|resign|berhenti|cicilan|kredit|pinjol",
    },
    // harm unless paid, in either order: "mau dijual ke pt lain kalo gk bayar 30jt", "kalau tidak transfer, dia dibunuh"
    {
      re: `(?:dijual|dijual lagi|dioper|dibunuh|dihabisi) ${gap(6)}(?:kalau|jika|kalo|bila|if) (?:saya |kami |dia |keluarga |aku )?(?:tidak|belum) (?:bayar|membayar|transfer|mentransfer|kirim uang|tebus|nebus|melunasi|lunasin)|(?:kalau|jika|kalo|bila) (?:saya |kami |dia |keluarga |aku )?(?:tidak|belum) (?:bayar|membayar|transfer|mentransfer|kirim uang|tebus|nebus) (?:[^ .]+ ){0,5}?(?:saya |kami |dia |aku )?(?:mau |akan |bakal )?(?:dijual|dijual lagi|dioper|dibunuh|dihabisi)`,
      negatable: false,
      unless: `${THING_SOLD}|cicilan|kredit|leasing|pinjol|angsuran`,
    },
    { re: "tebusan|uang tebusan|ditebus|menebus|nebus|tebus (?:saya|kami|dia|adik|kakak|anak)" },
    {
      re: "(?:pay|send|transfer)\\S* [^.]{0,50}?\\bor (?:else )?(?:they|he|she|the (?:boss|agent|agency|company)) (?:will |would |do |does |did )?(?:not|never|no) (?:release|free|let (?:me|us|her|him|them) (?:go|out|leave)|send (?:me|us|her|him|them) home)",
    },
    // "she must pay 5000 dollars or they sell her": money demanded under a threat to the person
    {
      re: "(?:pay|send|transfer) [^.]{0,40}?\\bor (?:else )?(?:they|he|she|the (?:boss|agent|company)) (?:will |would |gonna |are going to |is going to )?(?:sell|kill|hurt|beat|rape) (?:me|us|her|him|them)",
    },
    {
      re: `(?:bayar|membayar|transfer|kirim uang|setor) ${gap(5)}(?:biar|supaya|agar|baru bisa|baru boleh|untuk|buat) (?:bisa |boleh )?(?:dilepas|dilepaskan|dibebaskan|bebas|dipulangkan|keluar dari sini)`,
    },
    {
      re: "keluarga (?:saya |kami |dia )?(?:disuruh|diminta|dimintai|dipaksa) (?:transfer|bayar|kirim|uang|membayar|mentransfer)",
    },
    { re: "(?:minta|meminta|dimintai|diminta|menuntut) (?:uang )?tebusan" },
    {
      re: "(?:demand|demands|demanding|want|wants|ask|asks|asking|asked) (?:\\S+ ){0,5}(?:money|usd|dollars?|ringgit|baht|\\d+) (?:\\S+ ){0,4}(?:release|free|let (?:me|us|her|him|them) go)",
    },
    {
      re: "ransom|buy (?:my|our|her|his) freedom|pay (?:\\S+ ){0,3}to (?:leave|go home|get out|get (?:me|us|her|him|them) out)",
    },
    {
      re: `(?:bayar|membayar) (?:\\S+ ){0,3}(?:biar|supaya|agar|untuk|buat) (?:saya |kami |dia )?(?:bisa |boleh )?(?:pulang|keluar|dilepas|dibebaskan|bebas)`,
      unless: "tiket|ongkos|pesawat|travel|bus|kapal",
    },
    {
      re: `pay ${gap(4)}(?:to release (?:me|us|her|him|them)|to free (?:me|us|her|him|them)|to be released|to be freed|for (?:my|our|her|his|their) (?:release|freedom)|before (?:they|he|she) (?:let|release)|to let (?:me|us|her|him) go)`,
    },
    {
      re: "(?:family|parents|mother|father|mom|dad|wife|husband) (?:\\S+ ){0,2}(?:must|have to|has to|need to|needs to|should) (?:pay|send money|send|transfer)",
    },
    {
      re: "(?:family|parents|mother|father|mom|dad|wife|husband) (?:was |were |is |are |got )?(?:asked|told|forced|ordered) to (?:pay|send money|transfer)",
    },
  ],
  "EM-08-safe-to-talk": [
    { re: "hp (?:saya |kami |nya )?(?:sering |selalu )?(?:diperiksa|dicek|dicekin|dipantau|disadap|dilihat|disita)" },
    { re: "(?:chat|pesan|wa) (?:saya |kami |nya )?(?:dibaca|dicek|diperiksa|dipantau|dilihat)" },
    {
      re: `${CONTROLLER} ${gap(2)}(?:periksa|memeriksa|cek|ngecek|mengecek|baca|membaca|ngintip|intip|pantau|memantau|lihat|ngeliat) ${gap(1)}(?:hp|chat|pesan|wa|isi hp)`,
    },
    {
      re: "diawasi|dipantau|diintai|dimata matai|dimata matain|takut ketahuan|takut dilihat|jangan sampai ketahuan|sembunyi sembunyi|diam diam",
    },
    {
      re: `(?:cuma|hanya|bisa|harus|baru bisa) (?:bisa )?${CONTACT} ${gap(4)}${SECRETLY}|${SECRETLY} ${gap(2)}${CONTACT}|(?:can|could) only ${CONTACT} (?:\\S+ ){0,4}(?:at night|when|secretly|in secret)`,
    },
    { re: "(?:pakai|pake|pinjam|minjem|minjam) hp (?:teman|orang|temen)|hp pinjaman|hp (?:teman|temen)" },
    {
      re: "(?:nanti|langsung|harus) (?:saya )?(?:hapus|dihapus) (?:chat|pesan|wa)|jangan (?:balas|bales|telpon) (?:sekarang|dulu)",
    },
    {
      re: "hp (?:is |was |gets |get )?(?:checked|monitored|searched)|(?:read|reads|check|checks) (?:my|our) (?:messages|chats|hp)|being watched|watching (?:me|us) all the time|secretly|in secret|borrowed hp|(?:friend|friends) hp|afraid (?:they|he|she) (?:will |might )?(?:find out|see)",
    },
  ],
};
