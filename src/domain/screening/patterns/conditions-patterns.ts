import { gap } from "./fragments.ts";
import type { PatternTable } from "./pattern-spec.ts";
import { HOUR_UNIT, LONG_HOURS_ANY, WORK_OR_DAY } from "./word-classes.ts";

const LONG_HOURS =
  "(?:1[3-9]|2[0-4]|tiga belas|empat belas|lima belas|enam belas|tujuh belas|delapan belas|sembilan belas|dua puluh(?: \\S+)?)";
const EN_LONG_HOURS =
  "(?:1[3-9]|2[0-4]|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?: \\S+)?)";
const FEW = "(?:1|2|3|4|satu|dua|tiga|empat|sejam|one|two|three|four)";

export const CONDITIONS_PATTERNS: PatternTable = {
  "FL-11-excessive-hours": [
    // "18 hours kami nagtatrabaho", "16 jam sehari", "work 15 hrs a day": a long day in hours, any language
    {
      re: `${LONG_HOURS_ANY} ${HOUR_UNIT} (?:[^ .,]+ ){0,2}?${WORK_OR_DAY}|${WORK_OR_DAY} (?:[^ .,]+ ){0,2}?${LONG_HOURS_ANY} ${HOUR_UNIT}`,
      negatable: false,
      unless: "perjalanan|jalan|naik|bus|pesawat|kapal|flight|drive|driving|trip|nonton|main|tidur|sleep|belajar",
    },
    {
      re: `kerja ${gap(3)}${LONG_HOURS} jam|${LONG_HOURS} jam (?:sehari|per hari|perhari|setiap hari|tiap hari|kerja|non ?stop|nonstop|full)`,
    },
    {
      re: "(?:tidak|belum) (?:pernah )?(?:ada |dapat |dapet |dikasih |boleh |ambil |diberi )?(?:hari )?libur|tanpa (?:hari )?libur|libur (?:cuma|hanya) (?:sebulan|setahun|dua bulan) sekali",
      negatable: false,
    },
    {
      re: "(?:kerja|bekerja) (?:mulai )?(?:dari )?(?:jam (?:[1-5]|empat|lima|tiga|setengah \\S+) )?(?:pagi|subuh) (?:sampai|hingga|-) (?:jam \\S+ )?(?:malam|subuh|pagi|tengah malam|dini hari)",
      negatable: false,
    },
    {
      re: "(?:kerja|bekerja) (?:mulai )?(?:dari )?(?:jam \\S+ )?(?:pagi|subuh) (?:sampai|hingga|-) (?:jam (?:1[0-2]|10|11|12|sepuluh|sebelas|dua belas|[1-4]|satu|dua|tiga|empat) (?:malam|pagi|subuh|dini hari)|tengah malam|subuh|dini hari)",
      negatable: false,
    },
    {
      re: "kerja (?:siang malam|siang dan malam|terus menerus|tanpa (?:henti|istirahat|libur)|non ?stop|dari (?:pagi|subuh|jam \\d+) (?:sampai|hingga) (?:malam|subuh|pagi|tengah malam|jam (?:1|2|3|12|satu|dua|tiga|dua belas)))|(?:7|tujuh) hari (?:seminggu|dalam seminggu|full)",
      negatable: false,
    },
    { re: `work(?:ing|ed|s)? (?:about |around |for |over )?${EN_LONG_HOURS} hours`, negatable: false },
    { re: "(?:from )?(?:[1-6]) ?am (?:to|until|till|-) (?:(?:9|10|11|12) ?pm|midnight|[1-4] ?am)", negatable: false },
    {
      re: `sleep (?:about |only |just |around |maybe |for )*${FEW} hours?|tidur (?:sekitar |cuma |hanya |cuman |paling |kira kira )*${FEW} jam|kurang tidur|lembur terus|(?:tidak (?:dikasih|boleh|diberi|ada|pernah dikasih|sempat) (?:waktu )?|tanpa |jarang (?:dikasih |bisa )?)(?:istirahat|tidur)`,
      negatable: false,
    },
    {
      re: "kerja terus(?! (?:di|sampai kontrak|saja))",
      needs: "majikan|bos|kapal|pabrik|kebun|istirahat|libur|tidur|capek|siang|malam|dipukul|suami",
    },
    {
      re: `${EN_LONG_HOURS} ?(?:hours?|hrs?|h) (?:a|per|each|every) day|no (?:day off|days off|rest day|rest days|rest|holiday|holidays|break|breaks)|never (?:get|have|had|got) (?:a )?(?:day off|rest|break)`,
      negatable: false,
    },
    {
      re: `work(?:ing|ed|s)? (?:day and night|around the clock|non ?stop|all day and (?:all )?night|seven days a week|7 days a week)|sleep(?:ing)? (?:only )?${FEW} hours?|only sleep ${FEW} hours?|from (?:\\S+ ){0,2}(?:morning|dawn|\\d+ ?am) (?:until|till|to) (?:\\S+ ){0,2}(?:midnight|night|\\d+ ?am)`,
      negatable: false,
    },
  ],
  "FL-12-living-conditions": [
    {
      re: "tidak (?:dikasih|diberi|dapat|dapet|boleh) (?:makan|minum|makanan|air)|tidak makan (?:dari|sejak|seharian|\\d+ hari)|kelaparan",
      negatable: false,
    },
    {
      re: `(?:makan|dikasih makan|makanannya) (?:cuma |hanya )?(?:sisa|sisaan|basi|sekali sehari|1 kali sehari|sehari sekali|nasi (?:putih )?(?:saja|sama garam|dan garam))|cuma (?:makan|dikasih) (?:mie|mi|nasi putih|nasi (?:sama|dan) garam|roti)|makan (?:tidak|kurang) (?:cukup|layak)`,
    },
    {
      re: "air (?:kotor|keran|sumur kotor|bekas cuci)|minum air (?:keran|kotor|cucian|got|hujan|laut|sungai|mentah)|(?:makan|dikasih) (?:cuma|hanya) [^.]{0,25}?(?:sisa|basi|busuk)",
    },
    {
      re: "tidur (?:di )?(?:atas )?(?:lantai|gudang|dapur|kandang|teras|lorong|kamar mandi|tikar|luar|garasi|emperan|kardus|karton|tanah)|kamar (?:di gudang|tanpa jendela|tidak ada jendela)|tidak ada (?:kamar|tempat tidur|kasur)|\\d+ orang (?:dalam |di )?(?:satu|1|se) kamar",
      negatable: false,
    },
    { re: `(?:mess|kamar|tempat tidur|asrama) ${gap(2)}(?:sempit|penuh|berdesakan|kotor|sesak|bau)` },
    {
      re: "no food|(?:not|never) (?:given|get|getting|got) (?:any |enough )?(?:food|water|to eat)|not enough (?:food|water)|no water|(?:starving|starved)",
      negatable: false,
    },
    {
      re: "(?:only|just) (?:give|gives|get|got|eat|ate) (?:us |me |them )?(?:instant )?(?:noodles|rice|bread|leftovers)|drink (?:water )?(?:from the tap|tap water|dirty water|rain water)|leftovers|hungry|dirty water|sleep(?:ing)? on the (?:floor|ground)|overcrowded|(?:\\d+|many|ten|twenty) (?:people|of us) in one room",
    },
  ],
  "FL-13-health-hazard": [
    {
      re: `(?:sakit|cedera|terluka|demam|hamil|luka|kecelakaan) ${gap(4)}(?:tidak|belum) (?:boleh|dibawa|diantar|dikasih|diizinkan|diijinkan|bisa|pernah dibawa) (?:ke )?(?:dokter|rumah sakit|rs|klinik|puskesmas|berobat|istirahat|obat|periksa)`,
      negatable: false,
    },
    {
      re: "tidak (?:boleh|dikasih|diizinkan|diijinkan|dibawa|pernah dibawa) (?:ke )?(?:dokter|rumah sakit|klinik|puskesmas|berobat)|tidak mau (?:bawa|antar|bawain|anterin|kasih izin|izinkan) (?:saya |kami |dia )?(?:ke )?(?:dokter|rumah sakit|klinik|puskesmas|berobat)|obat (?:tidak|nggak) (?:dikasih|diberi)|tidak diobati",
      negatable: false,
    },
    {
      re: `(?:tetap|masih|tetep|tetap saja) (?:disuruh|dipaksa|harus) (?:kerja|bekerja|masuk) ${gap(3)}(?:sakit|demam|cedera|luka|hamil)|(?:walau|walaupun|meskipun|padahal|lagi|sedang|pas) ${gap(1)}(?:sakit|demam|hamil) ${gap(2)}(?:tetap|tetep|masih) (?:disuruh|dipaksa|harus) (?:kerja|bekerja)`,
    },
    {
      re: "(?:tetap|tetep|masih|tetap saja) (?:disuruh|dipaksa|harus|wajib) (?:kerja|bekerja|masuk|angkat|mengangkat|ngangkat)",
      needs: "sakit|luka|putus|patah|demam|hamil|cedera|kecelakaan|berdarah|pingsan|melepuh",
    },
    {
      re: "kecelakaan kerja|tanpa (?:alat )?(?:pelindung|pengaman|apd)|kerja berbahaya|bahan kimia|pestisida tanpa|(?:pabrik|bikin|membuat|kerja di) (?:petasan|kembang api|mercon|bahan peledak)|tambang (?:emas|batu bara|timah|pasir) (?:ilegal|liar)|tambang liar",
      negatable: false,
    },
    {
      re: "(?:chemicals?|pesticides?|poison) (?:\\S+ ){0,3}(?:without|no) (?:masks?|gloves|protection|safety)|(?:without|no) (?:masks?|gloves|protection) (?:\\S+ ){0,3}(?:chemicals?|pesticides?)|bahan kimia (?:\\S+ ){0,3}tanpa (?:masker|sarung tangan|pelindung)",
      negatable: false,
    },
    {
      re: "not allowed to (?:see|go to) (?:a |the )?(?:doctor|hospital|clinic)|(?:will|would|do|does|did) not (?:take|bring|let) (?:me|us|her|him|them) (?:to|see|go to) (?:a |the )?(?:doctor|hospital|clinic)|(?:refused|refuse|refuses|refusing) to (?:take|bring|let) (?:me|us|her|him|them) (?:to|see|go to) (?:a |the )?(?:doctor|hospital|clinic)|no (?:safety|protective) (?:equipment|gear)|no (?:medical care|medicine|treatment|doctor)",
      negatable: false,
    },
    {
      re: `(?:work|working|made to work|forced to work|had to work|have to work) ${gap(2)}(?:while|when|even when|even though|although) ${gap(2)}(?:sick|ill|injured|pregnant|hurt)|dangerous (?:work|conditions|chemicals|machines)|(?:work|workplace) (?:accident|injury)`,
    },
  ],
  "FL-14-fishing-vessel": [
    {
      re: "di tengah laut|abk|awak kapal|anak buah kapal|kapal ikan|kapal nelayan|kapal penangkap ikan|kapal (?:china|cina|tiongkok|taiwan|korea|asing)|longline|long liner|longliner|manning agency|buku pelaut|dilarung|jadi nelayan di",
    },
    {
      re: "kapal (?:cumi|tuna|ikan|pukat|jaring|penangkap|long ?line)|tidak (?:bisa|boleh|pernah) (?:turun|mendarat|ke darat|berlabuh|sandar|menepi)(?: darat| ke darat)?|tidak turun darat|(?:have not|has not|never|not) (?:seen|touched|set foot on) land|(?:dipindah|dipindahkan|dioper) (?:ke )?kapal|(?:bulan|tahun) (?:di tengah|di|ditengah) laut",
      negatable: false,
    },
    {
      re: "fishing (?:boat|vessel|ship|crew|fleet)|(?:can not|could not|not allowed to|never) (?:go|come|get) ashore|transferred (?:to another (?:boat|vessel|ship)|at sea)|thrown overboard|(?:months|years) at sea|crew (?:member )?on a (?:boat|vessel|ship)|deckhand",
    },
  ],
};
