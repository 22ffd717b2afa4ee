import type { Locale } from "./types.ts";

const INDONESIAN = new Set([
  "saya", "aku", "sy", "gw", "gue", "kamu", "dia", "kami", "kita", "mereka", "yang", "dan", "di", "ke", "dari", "tidak", "gak", "ga",
  "nggak", "enggak", "tdk", "belum", "blm", "sudah", "udah", "ada", "ini", "itu", "mau", "bisa", "kerja", "gaji", "tolong", "kakak",
  "adik", "sama", "dengan", "untuk", "buat", "karena", "kalau", "kalo", "apa", "bagaimana", "gimana", "selamat", "terima", "kasih",
  "makasih", "pagi", "siang", "sore", "malam", "dong", "sih", "kok", "ya", "juga", "lagi", "banget", "bgt", "majikan", "disekap",
  "dipukul", "dibayar", "paspor", "anak", "suami", "istri", "keluarga", "orang", "tahun", "bulan", "hari", "jam", "juta", "minta",
  "bantu", "bantuan", "cara", "cek", "resmi", "atau", "bukan", "sekarang", "kabar", "hilang", "pulang", "berangkat", "lewat", "katanya",
  "ternyata", "disuruh", "dipaksa", "boleh", "harus", "akan", "bakal", "pengen", "ingin", "aja", "saja", "dulu", "masih", "sini",
  "sana", "mana", "punya", "pegang", "hp", "kapal", "lapor", "mohon", "bapak", "ibu", "beneran", "nawarin", "perlu", "pengalaman",
  "nanti", "diurus", "umur", "umurku", "bos", "agen", "calo", "sponsor", "rumah", "kamar", "dikunci", "dikasih", "makan", "kemarin",
  "dipukuli", "penyalur", "layani", "tamu", "ngancam", "bunuh", "keluar", "kerjaan", "bilang", "ditangkap",
  "kerja", "baru", "hukum", "banyak", "sponsor", "cuma", "telpon", "sebulan", "sekali", "didepan", "luar", "negeri", "menu",
]);
const ENGLISH = new Set([
  "i", "me", "my", "you", "your", "he", "she", "her", "him", "his", "we", "us", "our", "they", "them", "their", "the", "a", "an",
  "and", "or", "is", "are", "was", "were", "am", "be", "been", "to", "of", "in", "on", "at", "for", "with", "from", "not", "no",
  "please", "help", "have", "has", "had", "do", "does", "did", "what", "how", "where", "when", "can", "will", "would", "could",
  "it", "this", "that", "work", "job", "passport", "employer", "boss", "agent", "agency", "money", "pay", "paid", "salary", "took",
  "phone", "locked", "house", "daughter", "son", "sister", "brother", "husband", "wife", "mother", "father", "but", "they", "if",
  "hello", "hi", "thanks", "thank", "good", "morning", "day", "days", "hours", "years", "old", "need", "doctor", "let", "go",
  "leave", "owe", "debt", "promised", "made", "legal", "keep", "while", "until", "cannot", "can't", "won't", "don't", "here", "there",
]);

/**
 * Indonesian or English, by counting common words of each. Ties and empty text fall back to the
 * conversation locale, then Indonesian (most people write Indonesian).
 *
 * Example: detectLanguage("my employer took my passport") → "en".
 */
export function detectLanguage(text: string, fallback: Locale = "id"): Locale {
  let indonesian = 0;
  let english = 0;
  for (const word of text.toLowerCase().match(/[\p{L}']+/gu) ?? []) {
    if (INDONESIAN.has(word)) indonesian++;
    if (ENGLISH.has(word)) english++;
  }
  if (indonesian === english) return fallback;
  return english > indonesian ? "en" : "id";
}
