import type { IndicatorId } from "../catalogue.ts";

/**
 * Warning-sign vocabulary in the languages of people trafficked INTO Indonesia or through it (Tagalog,
 * Vietnamese, Thai, Burmese, Khmer, Chinese, Spanish, Portuguese). Data, reviewed like code: each entry
 * is a small regular expression per concept, written on the folded text (lower case; Latin letters
 * without accents, so "bị đánh" and "bi danh" are one word; see fold-text.ts).
 *
 * Latin-script entries match whole words; Thai, Burmese, Khmer and Chinese are written without spaces
 * between words, so their entries match anywhere. Negation is spelled out inside the entry where the
 * meaning needs it ("no nos dejan salir" = not allowed out). Machine-drafted from general knowledge of
 * each language: to be reviewed by native speakers (see the review note in locales/*\/screening_safety.json).
 */
export type ForeignLanguage = "tl" | "vi" | "th" | "my" | "km" | "zh" | "es" | "pt";
export type ForeignEntries = Partial<Record<IndicatorId | "SOS" | "HELP", readonly string[]>>;

export const UNSPACED: ReadonlySet<ForeignLanguage> = new Set(["th", "my", "km", "zh"]);

const ES_OBJ = "(?:me|nos|les|la|lo|las|los)";
const ES_DOCS =
  "(?:los |el |mis |mi |nuestros |nuestro |sus |su )?(?:pasaportes?|documentos?|papeles|dni|identificacion)";
const ES_PHONE = "(?:los |el |mis |mi |nuestros |nuestro |sus |su )?(?:celular(?:es)?|telefonos?|movil(?:es)?)";
const PT_DOCS = "(?:o |os |nosso |nossos |meu |meus |seu |seus )?(?:passaportes?|documentos?)";
const PT_PHONE = "(?:o |os |nosso |nossos |meu |meus |seu |seus )?(?:celular(?:es)?|telefones?)";
const TL_WHO = "(?:ako|kami|kame|sila|siya|kaming lahat)";
/** A Tagalog pronoun with its linker "-ng" before a verb: "ayaw akong palabasin", "ayaw siyang dalhin". */
const TL_LINKED = "(?:akong|kaming|siyang|silang|tayong|kameng)";
/**
 * Tagalog verbs done to someone take the infix -in- after the first consonant ("bugbog" → "binugbog", was
 * beaten), and in the ongoing aspect also repeat the first syllable ("binubugbog", is being beaten). One root
 * gives every form, so a form nobody listed is still read.
 */
function tlDoneTo(...roots: string[]): string {
  const forms = roots.flatMap((root) => {
    const m = /^([bcdfghklmnprstvwyz])([aeiou])(.*)$/.exec(root);
    if (!m) return [root];
    const [, c, v, rest] = m as unknown as [string, string, string, string];
    return [`${c}in${v}${rest}`, `${c}in${v}${c}${v}${rest}`];
  });
  return `(?:${forms.join("|")})`;
}
/** The agent after a Tagalog verb: "ng amo ko", "nila", "ng employer". */
const TL_BY = "(?:nila|niya|ng \\S+)";
/** Care, with the English words Filipinos mix in: "dalhin sa doctor", "sa hospital". */
const TL_CARE = "(?:ospital|hospital|doktor|doctor|clinic|klinika|klinik|gamot|medisina|medicine)";
const VI_WHO = "(?:toi|em|chung toi|chung em|minh|anh|chi|con|tui)";

export const FOREIGN_LEXICON: Readonly<Record<ForeignLanguage, ForeignEntries>> = {
  tl: {
    "EM-01-held-now": [
      "(?:kinulong|ikinulong|nakakulong|kinandado|nakakandado|ikinandado|dinukot|kinidnap|binihag|bihag|nakagapos|ginapos|kinadena)",
      `hindi (?:na )?(?:${TL_WHO} )?(?:makalabas|makaalis|makatakas|pinapalabas|pinapaalis|pinalalabas|pinayagang lumabas|pinapayagang lumabas|pinapauwi)`,
      "bawal (?:kami |ako )?(?:lumabas|umalis|tumakas)",
      // refusing to let someone out or away: "ayaw akong palabasin ng employer", "hindi nila kami pinapaalis"
      `(?:ayaw|hindi|di) (?:na )?(?:${TL_BY} )?(?:${TL_LINKED} |${TL_WHO} )?(?:palabasin|paalisin|pinapalabas|pinapaalis|pinalabas|pinaalis|palalabasin|paaalisin)`,
    ],
    "EM-02-injured": [
      "(?:sugatan|dumudugo|duguan|nabali|bali ang|malubha ang sakit|nawalan ng malay|nahimatay|inuubo ng dugo|nagsusuka ng dugo|hindi makahinga|hirap huminga)",
      `(?:hindi|ayaw|di) (?:na )?(?:${TL_BY} )?(?:${TL_LINKED} |${TL_WHO} |\\S+ )?(?:dinala|dalhin|dadalhin|pinadala|pinagamot|ipagamot|ipatingin|pinatingin|pinadoktor|pinapunta|papuntahin) (?:\\S+ )?(?:sa )?${TL_CARE}`,
      "walang (?:gamot|doktor|medisina)",
    ],
    "FL-13-health-hazard": [
      "(?:may sakit|nagkasakit|maysakit|lagnat|nilalagnat|inaapoy ng lagnat|nagsusuka|masakit ang|ubo|inuubo|nanghihina|walang gamot|kemikal|lason)",
    ],
    "EM-03-death-threat": ["(?:papatayin|papatayin daw|pinagbantaang papatayin|patayin)"],
    "EM-04-self-harm": [
      "(?:magpakamatay|magpapakamatay|gusto ko nang mamatay|ayoko nang mabuhay|tatapusin ko na ang buhay)",
    ],
    "EM-05-recent-sexual-violence": ["(?:ginahasa|hinalay|nirape|ni-rape|minolestya)"],
    "EM-06-about-to-be-sold": [
      "(?:ibebenta|ipagbibili|ibinenta ulit|ibebenta ulit|ililipat sa ibang (?:company|kompanya|amo))",
    ],
    "EM-07-ransom": ["(?:pantubos|tubos)", "magbayad .{0,40}(?:bago|para) (?:makalabas|makauwi|pakawalan|palayain)"],
    "FL-01-documents": [
      "(?:kinuha|kinumpiska|hawak|tinago|tinatago|kinukuha)(?: nila| ng amo| ng ahensya| ng boss| ng kumpanya)? (?:ang |yung |mga |ang mga )?(?:passport|pasaporte|id)",
      "(?:passport|pasaporte) (?:ko|namin|nila)? ?(?:ay )?(?:kinuha|hawak|kinumpiska)",
    ],
    "FL-02-wages-withheld": [
      "(?:hindi|di) (?:kami |ako )?(?:binabayaran|pinapasweldo|pinasahod|sinasahuran|sinusweldohan|nabayaran)",
      "(?:walang|wala(?:ng)? (?:natatanggap na)?) (?:sahod|sweldo|suweldo)",
    ],
    "FL-05-isolation-phone": ["(?:kinuha|kinumpiska|hawak) .{0,20}(?:cellphone|phone|cp|selpon|telepono)"],
    "FL-06-violence": [
      `(?:${tlDoneTo("bugbog", "saktan", "suntok", "sampal", "palo", "gulpi", "kuryente", "sipa", "hampas", "tadyak")}|bugbog|pinahirapan|tinorture|tinortyur)`,
    ],
    "FL-07-threats": [`(?:pinagbantaan|${tlDoneTo("bantaan", "takot")}|banta)`],
    // not let go home: "ayaw kaming pauwiin", "hindi ako pinapauwi ng amo"
    "FL-10-cannot-quit": [
      `(?:ayaw|hindi|di) (?:na )?(?:${TL_BY} )?(?:${TL_LINKED} |${TL_WHO} )?(?:pauwiin|pinapauwi|pinauwi|pinapayagang umuwi|pinayagang umuwi|pinapag-resign|pinapag resign)`,
    ],
    "FL-09-quota-punishment": [
      "(?:quota|kota|target) .{0,40}(?:multa|pinalo|parusa|sinaktan)",
      "hindi naabot (?:yung |ang )?(?:quota|target)",
    ],
    "FL-11-excessive-hours": [
      "\\d+ (?:na )?oras (?:kada|bawat|sa isang|isang|sa) araw",
      "\\d+ (?:na )?oras",
      "walang (?:day off|pahinga|tulog)",
      "(?:magdamag|buong araw at gabi|araw at gabi|gabi-gabi|gabi gabi) (?:\\S+ )?(?:nagtatrabaho|trabaho|pinagtatrabaho)",
      "(?:halos )?(?:hindi|di) (?:na )?(?:kami |ako )?(?:natutulog|makatulog|pinapatulog|makapagpahinga)",
    ],
    "PUR-01-forced-criminality": ["(?:scam|scammer|manloko|mang ?scam|panloloko|pinapa ?scam|pinag ?scam)"],
    "PUR-02-sexual-exploitation": ["(?:prostitusyon|bugaw|binubugaw|pinilit .{0,20}(?:makipagtalik|sex|customer))"],
    "DEC-01-job-deception": ["(?:sabi|akala|pangako) .{0,60}(?:pero|tapos|iyon pala|yun pala|pala)"],
    "VUL-01-visa-status": ["tourist visa"],
    SOS: ["(?:saklolo|sos)"],
    HELP: ["(?:tulong|tulungan|tulungan (?:nyo|niyo|mo) (?:po )?(?:ako|kami)|help po|takot (?:ako|kami|na takot))"],
  },
  vi: {
    "EM-01-held-now": [
      `(?:bi )?(?:nhot|giam giu|giam long|bat coc|bi xich|xich vao|khoa trong|canh gac|bat giu)`,
      `khong (?:cho|duoc) (?:${VI_WHO} )?(?:ra ngoai|ra|ve|di|roi|roi khoi)`,
      "khong (?:the|duoc) (?:thoat|tron|ra ngoai|ve nha)",
      "(?:giup|cuu) .{0,20}thoat (?:khoi)?",
    ],
    "EM-02-injured": [
      "(?:bi thuong|chay mau|gay (?:tay|chan|xuong)|benh nang|om nang|bat tinh|ngat xiu|kho tho|ho ra mau|non ra mau)",
      "khong (?:duoc |cho )?(?:di )?(?:kham benh|di benh vien|gap bac si|uong thuoc|chua tri)",
    ],
    "EM-03-death-threat": ["(?:doa giet|se giet|giet (?:toi|em|chung toi|het))"],
    "EM-04-self-harm": ["(?:muon chet|tu tu|khong muon song|ket lieu doi)"],
    "EM-05-recent-sexual-violence": ["(?:hiep dam|cuong hiep|xam hai tinh duc)"],
    "EM-06-about-to-be-sold": [`(?:bi ban|se ban|ban (?:${VI_WHO} )?(?:sang|cho) (?:cong ty|cho|noi) khac|ban lai)`],
    "EM-07-ransom": [
      "(?:tien chuoc|chuoc (?:nguoi|ra|ve))",
      "(?:tra|nop|dong) .{0,30}(?:moi|thi moi) (?:duoc )?(?:tha|ve|ra)",
    ],
    "FL-01-documents": [
      "(?:giu|lay|thu|tich thu|cam|giu lai) (?:mat )?(?:ho chieu|passport|giay to)",
      "(?:ho chieu|passport|giay to) .{0,10}(?:bi giu|bi lay|bi thu)",
    ],
    "FL-02-wages-withheld": ["khong (?:duoc )?(?:tra|nhan|phat) (?:tien )?luong", "(?:giu|no|khong co|chua co) luong"],
    "FL-05-isolation-phone": ["(?:giu|lay|thu|tich thu) (?:mat )?dien thoai"],
    "FL-06-violence": [
      "(?:bi danh|danh dap|danh (?:toi|em|chung toi|ho)|bi dap|chich dien|dien giat|giat dien|tra tan|bi hanh ha)",
    ],
    "FL-07-threats": ["(?:de doa|doa (?:danh|ban|giet))"],
    "FL-09-quota-punishment": ["(?:chi tieu|doanh so|kpi|target) .{0,40}(?:phat|danh)"],
    "FL-11-excessive-hours": ["\\d+ (?:tieng|gio) (?:mot|moi) ngay", "khong (?:duoc )?nghi"],
    "PUR-01-forced-criminality": ["(?:lua dao|ep (?:di )?lua|scam)"],
    "PUR-02-sexual-exploitation": ["(?:di khach|tiep khach|ban dam|mai dam|ep quan he|ep ngu)"],
    "DEC-01-job-deception": ["(?:noi la|hua|bao la) .{0,60}(?:nhung|bay gio|hoa ra|that ra)"],
    "VUL-01-visa-status": ["(?:visa|thi thuc) du lich"],
    "VUL-02-unknown-place": ["khong biet (?:dia chi|o dau|dang o dau|noi tieng)"],
    SOS: ["(?:cuu (?:toi|em|voi|chung toi|minh)|cuu voi|sos)"],
    HELP: ["(?:giup (?:toi|em|do|chung toi|voi)|can giup|so lam|rat so|(?:toi|em) so)"],
  },
  es: {
    "EM-01-held-now": [
      "(?:encerrad[oa]s?|nos encierran|me encierran|me encerraron|nos encerraron|secuestrad[oa]s?|secuestraron|retenid[oa]s? contra|encadenad[oa]s?)",
      `no ${ES_OBJ} (?:dejan|deja|permiten) (?:salir|irme|irnos|ir|volver|escapar)`,
      "no (?:puedo|podemos|pueden) (?:salir|escapar|irme|irnos)",
      "(?:guardias|hombres) armados",
    ],
    "EM-02-injured": [
      "(?:herid[oa]s?|sangrando|sangre|fractura|hueso roto|muy enferm[oa]|inconsciente|desmay\\S*|no puede respirar)",
      "no (?:nos |me |la |lo |le |les )?(?:dejan|llevan|permiten) (?:ir |ver )?(?:al |a un |a una )?(?:medico|doctor|hospital|clinica)",
    ],
    "EM-03-death-threat": [
      `(?:${ES_OBJ} van a (?:\\S+ (?:y|e|o) (?:a )?)?matar|matarme|matarnos|matar a mi familia|amenaz\\w* (?:de|con) matar)`,
    ],
    "EM-04-self-harm": ["(?:suicid\\w*|quitarme la vida|quiero morir(?:me)?|no quiero vivir)"],
    "EM-05-recent-sexual-violence": ["(?:violad[oa]s?|violaron|abusaron sexualmente|abuso sexual)"],
    "EM-06-about-to-be-sold": [`(?:${ES_OBJ} van a vender|vender(?:nos|me|la|lo)|revender|vendid[oa]s? a otra)`],
    "EM-07-ransom": [
      "(?:rescate)",
      "(?:pagar|piden|exigen) .{0,40}(?:para|antes de) (?:salir|irme|irnos|liberar|soltar|dejar)",
    ],
    "FL-01-documents": [
      `(?:quitaron|quitan|retienen|retuvieron|confiscaron|se quedaron con|robaron|tienen|guardan) ${ES_DOCS}`,
    ],
    "FL-02-wages-withheld": [`no ${ES_OBJ}? ?(?:pagan|pagaron|han pagado)`, "sin (?:pago|sueldo|salario)"],
    "FL-05-isolation-phone": [`(?:quitaron|quitan|confiscaron|se quedaron con|retienen) ${ES_PHONE}`],
    "FL-06-violence": [
      `${ES_OBJ} (?:golpean|golpearon|pegan|pegaron|electrocutan|torturan|castigan)`,
      "(?:golpead[oa]s?|torturad[oa]s?|tortura|descargas electricas|electrocutad[oa]s?)",
    ],
    "FL-07-threats": ["(?:amenaz\\w*)"],
    "FL-09-quota-punishment": ["(?:meta|cuota|objetivo) .{0,60}(?:multa|castig|golpe)"],
    "FL-11-excessive-hours": ["(?:\\d+|\\d+ a \\d+) horas (?:al|por|cada) dia", "sin (?:dia de )?descanso"],
    "PUR-01-forced-criminality": ["(?:estafa\\w*|fraude\\w*|enganar a (?:gente|personas))"],
    "PUR-02-sexual-exploitation": ["(?:prostitu\\w*|obligad[oa]s? a (?:tener sexo|acostar))"],
    "DEC-01-job-deception": [
      "(?:ofrecio|ofrecieron|prometieron|supuesto|supuesta) .{0,60}(?:pero|resulto|en realidad)",
      "(?:nos|me) enganaron",
    ],
    "VUL-01-visa-status": ["visa de turista"],
    SOS: ["(?:socorro|auxilio|sos)"],
    HELP: ["(?:ayuda|ayudenme|ayudame|ayudanos|tengo miedo|tenemos miedo|me obligan|nos obligan)"],
  },
  pt: {
    "EM-01-held-now": [
      "(?:pres[oa]s?|trancad[oa]s?|nos trancam|me trancam|me trancaram|nos trancaram|me prenderam|nos prenderam|sequestrad[oa]s?|carcere privado|acorrentad[oa]s?)",
      "nao (?:me |nos )?(?:deixam|deixa) (?:ninguem )?(?:sair|ir|voltar|fugir)",
      "nao (?:me |nos )?deixam voltar (?:para casa|pra casa)",
      "nao (?:consigo|podemos|posso|conseguimos) (?:sair|fugir)",
      "como (?:eu )?(?:saio|sair) daqui",
      "guardas armados",
    ],
    "EM-02-injured": [
      "(?:ferid[oa]s?|sangrando|sangue|fratura|muito doente|desmai\\S*|inconsciente|nao consegue respirar)",
      "nao (?:nos |me |a |o )?(?:deixam|levam) (?:ir )?(?:ao |a um |a uma )?(?:medico|hospital|clinica)",
    ],
    "EM-03-death-threat": ["(?:vao (?:me |nos )?matar|me matar|matar minha familia|ameac\\w* de morte)"],
    "EM-04-self-harm": ["(?:suicid\\w*|quero morrer|tirar (?:a )?minha (?:propria )?vida|nao quero mais viver)"],
    "EM-05-recent-sexual-violence": ["(?:estupr\\w*|abuso sexual|abusaram)"],
    "EM-06-about-to-be-sold": ["(?:vao (?:nos |me )?vender|vender a gente|vendid[oa]s? para outr|revend\\w*)"],
    "EM-07-ransom": ["(?:resgate)", "(?:pagar|pedem|exigem) .{0,40}(?:para|antes de) (?:sair|voltar|liberar|soltar)"],
    "FL-01-documents": [`(?:pegaram|tomaram|tiraram|confiscaram|retiveram|ficaram com|guardam|seguram) ${PT_DOCS}`],
    "FL-02-wages-withheld": ["nao (?:me |nos )?(?:pagam|pagaram)", "sem (?:pagamento|salario)"],
    "FL-05-isolation-phone": [`(?:pegaram|tomaram|tiraram|confiscaram) ${PT_PHONE}`],
    "FL-06-violence": [
      "(?:me|nos) (?:batem|bateram|espancam|espancaram|eletrocutam|torturam)",
      "(?:espancad[oa]s?|tortura\\w*|choques? eletric\\w*|apanh\\w*)",
    ],
    "FL-07-threats": ["(?:ameac\\w*)"],
    "FL-09-quota-punishment": ["(?:meta|cota) .{0,60}(?:multa|tortura|castig|apanh)", "da multa"],
    "FL-11-excessive-hours": ["(?:\\d+|\\d+ a \\d+) horas(?: por dia)?", "sem (?:folga|descanso)"],
    "PUR-01-forced-criminality": ["(?:golpe\\w*|fraude\\w*)"],
    "PUR-02-sexual-exploitation": ["(?:prostitu\\w*|programa com clientes)"],
    "DEC-01-job-deception": [
      "(?:ofereceu|ofereceram|prometeram|disseram que) .{0,60}(?:mas|na verdade)",
      "(?:nos|me) enganaram",
    ],
    "VUL-01-visa-status": ["visto de turista"],
    SOS: ["(?:socorro|sos)"],
    HELP: ["(?:ajuda|me ajudem|ajudem|nos ajudem|tenho medo|estou com medo|me obrigam|nos obrigam)"],
  },
  th: {
    "EM-01-held-now": [
      "(?:ถูกขัง|กักขัง|ขังไว้|ขังอยู่|ออกไปไม่ได้|ไม่ให้ออก|ไม่ให้กลับ|หนีไม่ได้|ลักพาตัว|ถูกจับตัว|ล่ามโซ่)",
    ],
    "EM-02-injured": ["(?:บาดเจ็บ|เลือดออก|ป่วยหนัก|กระดูกหัก|หมดสติ)"],
    "EM-03-death-threat": ["(?:ขู่ฆ่า|จะฆ่า|ฆ่าทิ้ง)"],
    "EM-04-self-harm": ["(?:ฆ่าตัวตาย|อยากตาย|ไม่อยากมีชีวิต)"],
    "EM-05-recent-sexual-violence": ["(?:ข่มขืน|ล่วงละเมิดทางเพศ)"],
    "EM-06-about-to-be-sold": ["(?:ถูกขาย|จะขายฉัน|จะขายเรา|ขายต่อ)"],
    "EM-07-ransom": ["(?:ค่าไถ่)"],
    "FL-01-documents": [
      "(?:ยึด|เก็บ|เอา)(?:พาสปอร์ต|หนังสือเดินทาง|บัตร)",
      "(?:พาสปอร์ต|หนังสือเดินทาง).{0,10}(?:ถูกยึด|โดนยึด)",
    ],
    "FL-02-wages-withheld": ["(?:ไม่จ่ายเงินเดือน|ไม่ได้เงินเดือน|ไม่ได้รับค่าจ้าง|ไม่จ่ายค่าจ้าง|ไม่ได้ค่าจ้าง)"],
    "FL-03-debt-bondage": ["(?:ใช้หนี้|หนี้ค่า|ติดหนี้)"],
    "FL-05-isolation-phone": ["(?:ยึด|เอา)(?:โทรศัพท์|มือถือ)"],
    "FL-06-violence": ["(?:ทุบตี|ทำร้าย|ถูกตี|โดนตี|ซ้อม|ช็อตไฟฟ้า|ทรมาน)"],
    "FL-07-threats": ["(?:ขู่)"],
    "FL-10-cannot-quit": ["(?:ก่อนถึงจะกลับ|ถึงจะกลับบ้านได้|กลับบ้านไม่ได้)"],
    "PUR-01-forced-criminality": ["(?:หลอกลวง|แก๊งคอลเซ็นเตอร์|สแกม|ต้มตุ๋น)"],
    "PUR-02-sexual-exploitation": ["(?:ขายบริการ|ขายตัว|ค้าประเวณี|รับแขก)"],
    "DEC-01-job-deception": ["(?:บอกว่า|สัญญาว่า).{0,60}(?:แต่|ที่แท้)", "หลอกให้", "ถูกหลอก", "หลอกมา"],
    "VUL-01-visa-status": ["(?:วีซ่าท่องเที่ยว)"],
    "VUL-02-unknown-place": ["(?:ไม่รู้ว่าอยู่ที่ไหน|ไม่รู้ที่อยู่)"],
    SOS: ["(?:ช่วยด้วย|ช่วยฉันด้วย|ช่วยเราด้วย)"],
    HELP: ["(?:ช่วยฉัน|ช่วยเรา|ช่วยหน่อย|ขอความช่วยเหลือ|กลัว|บังคับ)"],
  },
  my: {
    "EM-01-held-now": ["(?:ပိတ်ထား|ချုပ်ထား|ထွက်ခွင့်မ|ထွက်လို့မရ|ပြန်ခွင့်မ|ပြန်လို့မရ|ပြန်ခွင့်မပေး|ပြန်ပေးဆွဲ)"],
    "EM-02-injured": ["(?:ဒဏ်ရာ|သွေးထွက်|ပြင်းပြင်းထန်ထန်ဖျား)"],
    "EM-03-death-threat": ["(?:သတ်မယ်|သတ်ပစ်)"],
    "EM-04-self-harm": ["(?:သေချင်|ကိုယ့်ကိုယ်ကိုသတ်|မိမိကိုယ်ကိုသတ်)"],
    "EM-05-recent-sexual-violence": ["(?:မုဒိမ်း)"],
    "EM-06-about-to-be-sold": ["(?:ရောင်းစား|ပြန်ရောင်း|ရောင်းမယ်)"],
    "FL-01-documents": ["(?:ပတ်စ်ပို့|ပတ်စပို့|နိုင်ငံကူးလက်မှတ်).{0,10}(?:သိမ်း|ယူထား)"],
    "FL-02-wages-withheld": ["(?:လစာ ?မပေး|လစာ ?မရ|လုပ်ခ ?မပေး|လုပ်ခ ?မရ)"],
    "FL-06-violence": ["(?:ရိုက်|နှိပ်စက်|ထိုးကြိတ်|ကန်)"],
    "FL-07-threats": ["(?:ခြိမ်းခြောက်)"],
    "FL-12-living-conditions": ["(?:စားစရာ|အစာ|ထမင်း|ရေ).{0,20}(?:မရ|မပေး|တောင်းစား)"],
    "FL-14-fishing-vessel": ["(?:ရေလုပ်သား|ငါးဖမ်း|တံငါ)"],
    "PUR-01-forced-criminality": ["(?:လိမ်လည်|လိမ်ခိုင်း)"],
    SOS: ["(?:ကယ်ပါ|ကယ်ကြပါ)"],
    HELP: ["(?:ကူညီပါ|ကူညီကြပါ|အကူအညီ|ကြောက်)"],
  },
  km: {
    "EM-01-held-now": ["(?:ឃុំខ្លួន|ខ្ទប់|ចាក់សោ|មិនឲ្យចេញ|មិនអោយចេញ|ចេញមិនបាន|រត់មិនរួច|ចាប់ជំរិត)"],
    "EM-02-injured": ["(?:របួស|ហូរឈាម|ឈឺធ្ងន់)"],
    "EM-03-death-threat": ["(?:សម្លាប់ចោល|នឹងសម្លាប់|គំរាមសម្លាប់)"],
    "EM-04-self-harm": ["(?:សម្លាប់ខ្លួន|ចង់ស្លាប់)"],
    "EM-05-recent-sexual-violence": ["(?:រំលោភ)"],
    "EM-06-about-to-be-sold": ["(?:លក់ខ្ញុំ|លក់បន្ត|នឹងលក់)"],
    "EM-07-ransom": ["(?:លោះ)"],
    "FL-01-documents": [
      "(?:លិខិតឆ្លងដែន|ប៉ាស្ប៉័រ|ប៉ាសស្ពរ).{0,10}(?:ដក|យក|រឹប)",
      "(?:ដក|យក|រឹប)(?:យក)?(?:លិខិតឆ្លងដែន|ប៉ាស្ប៉័រ)",
    ],
    "FL-02-wages-withheld": [
      "(?:មិនបើកប្រាក់ខែ|មិនឲ្យប្រាក់ខែ|គ្មានប្រាក់ខែ|អត់ប្រាក់ខែ|មិនបានប្រាក់ខែ|មិនបើកលុយ|មិនឲ្យលុយ)",
    ],
    "FL-06-violence": ["(?:វាយ|ធ្វើបាប|ទាត់|ឆក់ខ្សែភ្លើង)"],
    "FL-07-threats": ["(?:គំរាម)"],
    "FL-14-fishing-vessel": ["(?:អ្នកនេសាទ|ទូកនេសាទ|នេសាទ)"],
    "DEC-01-job-deception": ["(?:គេថា|គេប្រាប់ថា|សន្យាថា).{0,60}(?:តែ|ប៉ុន្តែ)"],
    SOS: ["(?:ជួយផង|ជួយខ្ញុំផង|ជួយយើងផង)"],
    HELP: ["(?:ជួយខ្ញុំ|ជួយយើង|សុំជំនួយ|ខ្លាច|បង្ខំ)"],
  },
  zh: {
    "EM-01-held-now": ["(?:关起来|被关|囚禁|软禁|不让(?:我|我们)?(?:出去|离开|走|回)|出不去|逃不出|绑架|被锁|锁在)"],
    "EM-02-injured": ["(?:受伤|流血|重病|骨折|昏迷)"],
    "EM-03-death-threat": ["(?:要杀|杀了我|弄死)"],
    "EM-04-self-harm": ["(?:自杀|想死|不想活)"],
    "EM-05-recent-sexual-violence": ["(?:强奸|性侵)"],
    "EM-06-about-to-be-sold": ["(?:卖掉|被卖|转卖|卖给别)"],
    "EM-07-ransom": ["(?:赎金|赎身|交钱才(?:能|放))"],
    "FL-01-documents": [
      "(?:护照|证件).{0,4}(?:被收|被扣|被拿|没收)",
      "(?:收|扣|拿|没收)(?:走)?(?:了)?(?:我的|我们的)?(?:护照|证件)",
    ],
    "FL-02-wages-withheld": ["(?:不发工资|没有工资|拿不到工资|扣工资|不给工资)"],
    "FL-05-isolation-phone": ["(?:收|扣|拿|没收)(?:走)?(?:了)?(?:我的|我们的)?手机"],
    "FL-06-violence": ["(?:打我|被打|殴打|电击|虐待)"],
    "FL-07-threats": ["(?:威胁)"],
    "PUR-01-forced-criminality": ["(?:诈骗|骗人)"],
    "PUR-02-sexual-exploitation": ["(?:卖淫|接客)"],
    SOS: ["(?:救命|救救(?:我|我们))"],
    HELP: ["(?:帮帮我|帮帮我们|求助|害怕|被逼|逼我)"],
  },
};
