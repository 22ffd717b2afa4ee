import type { DetectedHit } from "./detect-indicators.ts";
import type { NormalizedText } from "./normalize-text.ts";
import { KIN } from "./patterns/fragments.ts";
import type { Intent } from "./types.ts";

export type IntentInput = {
  normalized: NormalizedText;
  hits: readonly DetectedHit[];
  emergency: boolean;
  /** Only prevention warning signs: a job offer or agency being checked before departure. */
  preDeparture: boolean;
  /** Domestic violence or a labour dispute: a request for help, not trafficking. */
  otherConcern: boolean;
  /** The indicators are only topics: a general question, a what-if, or news. */
  topicOnly: boolean;
  /** A joke, a game, a film or a novel: chat, not a request. */
  playful?: boolean;
};

const words = (source: string): RegExp => new RegExp(`(?<=^| )(?:${source})(?= |$)`);

const MISSING = words(
  "tidak (?:pernah )?(?:balas|membalas|bales|angkat|mengangkat|respon|merespon|baca) (?:pesan|telpon|chat|wa|sms)|hilang|menghilang|kehilangan kontak|hilang kontak|putus kontak|lost contact|tidak (?:ada|pernah|pernah ada|pernah kasih|kasih|memberi|kirim|pernah kirim) (?:\\S+ )?(?:kabar|berita)|tanpa kabar|tidak (?:bisa|dapat|pernah bisa) (?:di)?hubungi|susah (?:di)?hubungi|(?:nomor|hp|wa)(?: nya| dia)? (?:sudah )?tidak aktif|tidak (?:pernah )?(?:telpon|menelpon|hubungi|menghubungi|pulang|balas|membalas) (?:lagi|sama sekali|sudah|sejak)|tidak ada komunikasi|no news|missing|disappeared|(?:have not|has not|had not|did not) heard?|not heard from|(?:can not|could not) (?:reach|contact|find) (?:her|him|them|my)|no contact (?:with|from) (?:her|him|them)|stopped (?:calling|answering|replying)|whereabouts",
);
const SEARCHING = words(
  `keberadaan|(?:cari|mencari|nyari|carikan|temukan|menemukan|lacak|melacak) ${KIN}|(?:looking|searching) for (?:my|our) ${KIN}|(?:find|trace|locate) (?:my|our) ${KIN}|(?:where|di mana) (?:is )?(?:my )?${KIN}|pencarian (?:orang|keluarga)|(?:cari|mencari) (?:orang|keluarga) hilang|tracing`,
);
const REPORT_VERB =
  "(?:investigate|take down|tindak|usut|selidiki|laporan|lapor|laporkan|melaporkan|melapor|ngelaporin|laporin|mengadukan|ngadu|adukan|mengadu|aduan|pengaduan|report|reporting|to report|denounce)";
const RECRUITER =
  "(?:perekrutan|rekrutmen|recruitment|trafficking|perdagangan orang|tppo|penyelundupan|channel|kanal|page|halaman|account|website|situs|grup|group|postingan|post|fake jobs?|lowongan palsu|calo|sponsor|agen|agensi|pt|perusahaan|penyalur|lpk|yayasan|p3mi|lowongan|loker|iklan|akun|oknum|perekrut|tekong|recruiter|agency|agent|broker|company|job (?:ad|offer|post)|ad|advert|scam|penipuan)";
const REPORT = words(
  `${REPORT_VERB} (?:\\S+ ){0,4}${RECRUITER}|(?:ada|ini) (?:\\S+ )?${RECRUITER} (?:\\S+ ){0,6}(?:yang )?(?:nipu|menipu|penipuan|bodong|ilegal|palsu|mencurigakan|abal abal|merekrut|ngerekrut|ngirim|mengirim|memberangkatkan|nyari orang|cari orang|rekrut|ngajak anak|bawa anak|menjual)|${RECRUITER} (?:\\S+ ){0,5}(?:merekrut|ngerekrut|rekrut|memberangkatkan|mengirim orang|ngirim orang|nyari orang|cari orang) (?:\\S+ )?(?:warga|orang|anak|perempuan|gadis|cewek|pemuda|remaja)|${RECRUITER} [^.]{0,120}?(?:mau |ingin |akan )?(?:saya |kami )?(?:laporkan|laporin|adukan|lapor)|(?:there is|there are|there's) (?:a |an )?(?:\\S+ )?(?:recruiter|agent|agency|broker|calo|sponsor|company|man|woman|person|group)s? (?:\\S+ ){0,6}(?:sending|sends|recruiting|recruits|taking|takes|trafficking|offering|offers) (?:\\S+ )?(?:women|girls|people|children|kids|workers|villagers|young|jobs?)|ada (?:calo|sponsor|agen|pt|perusahaan|oknum|orang) (?:\\S+ ){0,3}(?:di kampung|di desa|di daerah|di kota|di lingkungan) (?:\\S+ ){0,8}(?:yang |sering )?(?:ngajak|mengajak|merekrut|ngerekrut|ngirim|mengirim|memberangkatkan|nampung|menampung|nawarin|menawarkan)|(?:recruiter|agency|agent|broker|company) (?:\\S+ ){0,6}(?:is (?:a )?scam|scamming|illegal|fake|suspicious|sending people|recruiting (?:girls|children|kids|people))`,
);
const HELP = words(
  "tolong|bantu|bantuan|minta tolong|butuh bantuan|perlu bantuan|darurat|sos|help|urgent|gawat|selamatkan|rescue|please",
);
const QUESTION_WORD = words(
  "bagaimana|apa|apakah|berapa|kapan|di mana|ke mana|siapa|kenapa|mengapa|bolehkah|bisakah|cara|caranya|info|informasi|tanya|nanya|bertanya|beneran|asli|resmi|legal|aman|how|what|where|when|which|who|why|is it|are there|can i|do i|should i|is this|is that|legit|real",
);
const THANKS = /^(?:terima kasih|thanks|thank you|thx|tq|ok terima kasih|oke terima kasih|ok thanks)(?= |$)/;
const GREETING_OR_NOISE =
  /^(?:(?:halo|hallo|hai|hi|hello|hey|selamat|pagi|siang|sore|malam|assalamualaikum|assalamu|alaikum|salam|permisi|p|ping|tes|test|menu|start|mulai|ok|oke|okay|ya|iya|yes|no|terima|kasih|thanks|thank|you|banyak|bye|dadah|sip|siap|good|morning|evening|afternoon|min|kak|admin|bang|mbak|mas|pak|bu|bapak|ibu|ya|lagi|sudah|nya|saya|kamu|wr|wb|english|inggris|bahasa|indonesia|language|ganti|switch|please|pakai|\d+|\.|,)(?: |$))+$/;

/**
 * What the person wants, in this order: tracing a missing relative; an emergency is a call for help;
 * reporting a recruiter or offer; a general question; help with their own situation; a question about
 * it; otherwise "other"
 * (greetings, menu words, noise).
 *
 * Example: "kakak saya kerja di taiwan, sudah setahun gak ada kabar" → "family_tracing".
 */
export function detectIntent(input: IntentInput): Intent {
  const { text } = input.normalized;
  if (text.trim() === "" || GREETING_OR_NOISE.test(text)) return "other";
  if (THANKS.test(text) && input.hits.length === 0 && input.normalized.tokens.length <= 8) return "other";
  const asksQuestion = input.normalized.original.includes("?") || QUESTION_WORD.test(text);
  const kin = words(KIN).test(text);
  if ((kin && MISSING.test(text)) || SEARCHING.test(text)) return "family_tracing";
  if (REPORT.test(text)) return "report_recruiter";
  if (input.emergency) return "help";
  if (input.playful === true && !HELP.test(text)) return "other";
  if (input.topicOnly) return "information";
  if (HELP.test(text)) return "help";
  const serious = input.hits.some((hit) => hit.strength !== "weak" && hit.id !== "CH-01-under-18");
  if (input.preDeparture) return asksQuestion || !serious ? "information" : "help";
  if (serious || input.otherConcern) return "help";
  if (asksQuestion) return "information";
  if (input.hits.length > 0) return "help";
  return "other";
}
