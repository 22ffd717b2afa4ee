/**
 * Vocabulary of the cues that make a message an emergency a hotline would act on now, beyond the
 * catalogue's emergency phrases. Data, reviewed like code; Indonesian roots are matched through
 * stemCandidates (so "mukul", "dipukuli", "memukul" are all "pukul"), English words as written.
 */

/** Roots of serious violence against a person (Indonesian, Javanese/Malay chat). */
export const VIOLENCE_ROOTS: ReadonlySet<string> = new Set([
  "pukul",
  "hajar",
  "gebuk",
  "siksa",
  "aniaya",
  "bunuh",
  "tampar",
  "tendang",
  "bacok",
  "tusuk",
  "tembak",
  "perkosa",
  "setrum",
  "cekik",
  "gampar",
  "keroyok",
  "sabet",
  "cambuk",
  "gebug",
  "jotos",
  "tonjok",
  "injak",
  "gorok",
  "habisi",
  "hantam",
  "jambak",
  "tempeleng",
  "bogem",
  "pecut",
  "sundut",
  "culik",
  "todong",
  "tikam",
  "ugut",
]);
/** English verbs of serious violence. */
/** Violence that can kill: about to happen, it is a threat to life (EM-03), not only a beating. */
export const LETHAL_ROOTS: ReadonlySet<string> = new Set(["bunuh", "bacok", "tusuk", "tembak", "gorok", "mutilasi"]);
export const LETHAL_EN: ReadonlySet<string> = new Set(["kill", "murder", "stab", "shoot", "strangle", "slaughter"]);

export const VIOLENCE_EN: ReadonlySet<string> = new Set([
  "beat",
  "hit",
  "kill",
  "hurt",
  "rape",
  "stab",
  "shoot",
  "punch",
  "kick",
  "choke",
  "strangle",
  "torture",
  "attack",
  "slap",
  "murder",
  "electrocute",
  "smack",
  "whip",
  "batter",
  "kidnap",
]);
/** Before a violent verb: it is about to happen, or happening now. */
export const IMMINENT_BEFORE: ReadonlySet<string> = new Set([
  "mau",
  "akan",
  "bakal",
  "sedang",
  "lagi",
  "sekarang",
  "nanti",
  "ingin",
  "siap",
  "going",
  "gonna",
  "will",
  "about",
  "coming",
  "wants",
  "want",
  "trying",
  "keeps",
]);
/** Anywhere in the message: the danger is now (tonight, right now, on the way back). */
export const NOW_WORDS =
  "sekarang|malam ini|nanti malam|hari ini|barusan|sebentar lagi|detik ini|lagi otw|tonight|right now|now|today|coming back|on his way|on her way|on their way|pulang nanti|nanti pulang";

/** Calls for help that are an alarm on their own, in any language ("socorro" etc. live in the foreign lexicon). */
export const SOS_WORDS =
  "sos|mayday|darurat|gawat darurat|emergency|urgent|emergensi|emergancy|emrgency|tolong cepat|cepat tolong|help asap|asap please|help me quick|help quickly";
/** "nomor darurat", "emergency contact": the word names a service, not an alarm. */
export const SOS_AS_NAME =
  "(?:nomor|no|nomer|kontak|telepon|telpon|hotline|layanan|keadaan|situasi|dana|pintu|jalur|kalau|jika|if|in case of|in an|for an|for) (?:darurat|emergency)|(?:darurat|emergency|urgent) (?:number|contact|nomor|kontak|exit|fund|call|hotline|room|department|ward)";

/** Having run away or being stranded: no money, papers or roof. */
export const RAN_AWAY =
  "kabur|kabor|ngacir|mlayu|minggat|cabut dari|lari dari|run from|ran from|runaway|run off|ran off|left (?:my|the) (?:bos|boss|employer|agency|agent|house|ship|boat|vessel)|kabur|lari|melarikan diri|minggat|meloloskan diri|lolos|ran away|run away|running away|escaped|escape|fled|left the house|left my employer|keluar dari rumah majikan|keluar dari tempat";
export const STRANDED =
  "(?:tidak|belum) (?:punya|ada|pegang|bawa) (?:uang|duit|paspor|passport|dokumen|ongkos|tempat|hp|makan|saudara)|tanpa (?:uang|duit|paspor|dokumen|ongkos)|(?:no|without) (?:money|passport|documents|papers|place to|food|phone)|(?:di|on the) (?:jalan|jalanan|street|streets|road)|terlantar|telantar|ditelantarkan|gelandangan|tidur di (?:jalan|masjid|stasiun|terminal|emperan|luar)|sleeping (?:outside|on the street|at the station)|stranded|homeless|tidak tahu (?:harus )?(?:ke mana|kemana)|do not know where to go|nowhere to go|tidak ada tempat|tidak bawa apa apa|tanpa bawa apa apa|tidak bawa (?:uang|paspor|dokumen|baju|hp)|(?:tidak|belum) makan (?:dari|sejak|\\d+)|tidak ada (?:uang|duit|ongkos|pulsa|paspor)|(?:no|not have|do not have|did not bring) (?:any )?(?:money|passport|documents|papers|phone credit|food|place to sleep)|(?:di|at the|at a) (?:terminal|stasiun|pelabuhan|bandara|masjid|hutan|kebun|station|port|airport|harbour|harbor|mosque|forest|jungle)|(?:sleep|sleeping|slept) (?:where|outside|in the)|(?:do not|dont) know where (?:to sleep|to go|i am)";

/** The phone, the only line out, is about to be taken, or this may be the last message. */
export const PHONE = "hp|handphone|hape|ponsel|telepon|phone|cellphone|mobile|henpon";
export const CUT_OFF =
  "(?:hp|phone) (?:saya |aku )?(?:mau|akan|bakal|sebentar lagi|nanti) (?:di)?(?:ambil|sita|rampas)|(?:tidak|belum) (?:ada )?kabar (?:dari )?saya (?:\\S+ ){0,3}(?:berarti|artinya)|(?:chat|pesan|kabar|sms|wa|message|text) terakhir|terakhir (?:saya |aku )?(?:bisa )?(?:chat|kirim|menghubungi|hubungi|kabari)|last (?:message|chat|time i can)|(?:may|might) not (?:be able to )?(?:reply|write|chat|contact) again|tidak bisa (?:chat|menghubungi|hubungi) lagi";
export const TAKE_AWAY =
  "diambil|disita|dirampas|direbut|dibanting|dihancurkan|dimatikan|dikunci|take|taken|confiscate|confiscated|grab|smash|break";

/** Moved on by someone else soon: "malam ini mau dibawa ke malaysia". */
export const MOVED_SOON =
  "(?:mau|akan|bakal|besok|nanti|malam ini|lagi) (?:\\S+ )?(?:bawa|pindahin|pindahkan|kirim|angkut|oper|jemput|jual) (?:saya|kami|kita|dia|kakak|adik|anak) (?:\\S+ )?(?:ke|pergi|keluar)|(?:will|going to|about to|want to|wants to|plan to) (?:take|move|send|transfer|ship|sell) (?:me|us|her|him|them) (?:\\S+ )?(?:to|across|over)|(?:mau|akan|bakal|besok|nanti|malam ini|lagi) (?:\\S+ )?(?:dibawa|dipindah|dipindahkan|diberangkatkan|dikirim|diangkut|dioper|dijemput) (?:ke|pergi|keluar)|(?:will|going to|about to) be (?:taken|moved|sent|transferred|shipped) to|(?:besok|malam ini|nanti malam|lusa|minggu depan|tonight|tomorrow) (?:\\S+ ){0,2}(?:mau |akan |bakal )?(?:dibawa|dipindah|dipindahkan|diberangkatkan|dikirim|diangkut|dioper|dijemput)(?= [.,]|$)";
/** Distress that makes a planned move a danger ("nangis", "diam diam", "takut"). */
export const DISTRESS =
  "tolong|nangis|menangis|takut|diam diam|diem diem|sembunyi|bantu|help|crying|scared|afraid|secretly|hiding|please";

/** Laughter and fiction: a scary word in a joke, a game, a film or a novel tells no one's situation. */
export const PLAYFUL =
  "wkwk\\S*|wk|haha\\S*|hehe\\S*|hihi\\S*|xixi\\S*|awokawok\\S*|lol|lmao|rofl|ngakak|bercanda|becanda|canda|just kidding|kidding|jk|😂|🤣";
export const FICTION =
  "film|filmnya|novel|novelnya|drakor|drama|sinetron|anime|komik|manga|lore|karakter|tokoh|episode|eps|bab|chapter|season|cerpen|dongeng|fiksi|series|netflix|movie|squid game|cerita (?:film|novel|fiksi)|tugas (?:sekolah|kuliah|makalah)|homework|essay|makalah|skripsi|(?:main|mainin|maen|nemenin main|playing|play) (?:game|ff|free fire|ml|mobile legends|pubg|roblox|minecraft)";
/** Habit, not the moment: "sering mukul", "always hits me". */
export const HABITUAL: ReadonlySet<string> = new Set([
  "sering",
  "suka",
  "kadang",
  "selalu",
  "biasa",
  "often",
  "sometimes",
  "always",
  "usually",
]);
/** After a violent verb: it is turned on oneself ("bunuh diri") — self-harm, not an attacker. */
export const REFLEXIVE: ReadonlySet<string> = new Set([
  "diri",
  "myself",
  "yourself",
  "herself",
  "himself",
  "themselves",
]);

/** Illness or injury, and care refused: "batuk darah tp gk dibawa ke dokter", "sick but not allowed to see a doctor". */
export const ILL =
  "muntah|diare|kejang|tidak bisa (?:jalan|bangun|berdiri|napas|nafas)|lemas|lemes|infeksi|pneumonia|beriberi|(?:can not|could not) (?:walk|stand|breathe)|vomit\\S*|unconscious|sakit|demam|batuk darah|muntah darah|luka|terluka|pendarahan|berdarah|hamil|pingsan|bengkak|patah|sesak|lumpuh|sick|ill|fever|injured|bleeding|pregnant|wound|broken";
export const CARE_REFUSED =
  "(?:tidak|belum) (?:\\S+ )?(?:dibawa|diantar|diizinkan|diijinkan|boleh|dikasih|diberi|dibolehkan|bisa) (?:\\S+ )?(?:ke )?(?:dokter|rs|rumah sakit|klinik|puskesmas|berobat|obat|darat|istirahat)|(?:tidak|belum) (?:diobati|dirawat|diperiksa)|(?:not|never) (?:allowed|taken|let|permitted) (?:\\S+ ){0,2}(?:doctor|hospital|clinic|medicine|rest|shore)|(?:refuse|refused|refuses|will not|do not|does not) (?:\\S+ ){0,3}(?:doctor|hospital|medicine|treatment)|no (?:doctor|medicine|treatment)";
/** A child taken or missing: "anak sy umur 13 dibawa org gk dikenal", "my daughter (14) is missing". */
export const CHILD_TAKEN =
  "diculik|dibawa kabur|dilarikan|dibawa (?:pergi )?(?:orang|om|pria|laki laki|cowok|lelaki|seseorang) (?:\\S+ )?(?:tidak dikenal|asing|yang tidak dikenal)|(?:tidak|belum) pulang|hilang|menghilang|tidak ada kabar|(?:tidak|belum) bisa (?:di)?hubungi|kidnapped|abducted|taken by|missing|has not come home|did not come home|ran off with";

/** A weapon in the hands of someone present: "bos bawa pisau", "majikan pegang parang", "he has a knife". */
export const WEAPON =
  "pisau|parang|golok|celurit|clurit|arit|sabit|kapak|senjata|senjata tajam|sajam|pistol|senapan|pentungan|tongkat besi|besi|gunting|knife|knives|machete|gun|pistol|rifle|axe|iron bar";
export const ARMED = `(?:bawa|membawa|pegang|megang|memegang|acungkan|acungin|ngacungin|mengacungkan|todongkan|nodongin|menodongkan|ambil|keluarin|keluarkan|ngeluarin) (?:\\S+ )?(?:${WEAPON})|ditodong (?:\\S+ )?(?:${WEAPON})?|(?:holding|hold|holds|has|have|had|with|pointing|points|pointed|waving|took|take|takes|taking|bring|brings|bringing|brought|carry|carries|carrying|grabbed|grab|pulled|pull) (?:a |an |the |his |her |their )?(?:${WEAPON})`;
/** Food withheld for days: "tidak dikasih makan 3 hari", "not given food since yesterday". */
export const STARVED =
  "(?:tidak|belum|jarang) (?:\\S+ )?(?:dikasih|diberi|dikirim|boleh) makan (?:\\S+ ){0,2}(?:\\d+ hari|dua hari|tiga hari|berhari hari|seharian|dari kemarin|sejak kemarin|dari pagi|sejak|dari)|(?:tidak|belum) makan (?:\\S+ )?(?:\\d+ hari|dua hari|tiga hari|berhari hari)|kelaparan|(?:not|never) (?:been )?(?:given|allowed|get|got) (?:any )?(?:food|to eat)|(?:not|never|do not|does not|did not) (?:give|gives|gave|giving) (?:me|us|her|him|them) (?:any )?(?:food|anything to eat|to eat)|(?:no|without) food (?:for|since)|starv\\S*";
/** Hiding from someone: a violent verb anywhere in that sentence is about now ("sembunyi di kamar mandi, mau dihajar"). */
export const HIDING: ReadonlySet<string> = new Set([
  "sembunyi",
  "bersembunyi",
  "ngumpet",
  "umpet",
  "hiding",
  "hide",
  "dikejar",
  "chasing",
  "chased",
]);
