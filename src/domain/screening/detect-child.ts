import { extractEvidence } from "./extract-evidence.ts";
import type { NormalizedText } from "./normalize-text.ts";
import { compileAnchored, wordMatches, type WordPattern } from "./word-index.ts";

/** Whether the person concerned is under 18, stated adult, or not said; with the words that said so. */
export type ChildStatus =
  | { status: "child"; evidence: string }
  | { status: "adult"; evidence: string }
  | { status: "unknown" };

const TEEN_WORDS: Readonly<Record<string, number>> = {
  sebelas: 11,
  "dua belas": 12,
  "tiga belas": 13,
  "empat belas": 14,
  "lima belas": 15,
  "enam belas": 16,
  "tujuh belas": 17,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
};
const NUMBER = `(\\d{1,2}|${Object.keys(TEEN_WORDS).join("|")})`;
const NOT_AGE_AFTER =
  "(?! (?:di|tidak|belum|kerja|bekerja|sudah|jadi|tinggal|menunggu|nunggu|lamanya|gaji|dan bekerja|lalu|yang lalu|kerja|lebih|ini|terakhir|silam|bulan|hours?|days?|weeks?|months?|minutes?|km|million|juta|ribu|dollars?|years? ago|years? (?:working|there|in|at)|am|pm|percent|persen|jam|hari|orang|people|kali))";
const DURATION_BEFORE =
  "(?<!(?:sudah|selama|sejak|kontrak|kerja|bekerja|dalam|tiap|setiap|hampir|lebih dari|for|over|about|after|since|until|lalu|sudah hampir) )";
const PERSON =
  "(?:saya|dia|adik|anak|kakak|keponakan|cucu|sepupu|putri|putra|gadis|cewek|cowok|perempuan|laki laki|korban|teman|nya|kami|i|she|he|daughter|son|sister|brother|niece|nephew|girl|boy|cousin|friend|victim)";
/** Ages below this from a bare "N tahun" are more likely durations ("gaji 2 tahun tidak dibayar"). */
const MIN_BARE_AGE = 5;

const AGE_PATTERNS: readonly WordPattern[] = [
  compileAnchored(
    `(?<=^| )(?:adik|anak|keponakan|cucu|putri|putra|gadis|sepupu|korban) (?:saya |kami |nya |perempuan saya |laki laki saya )?(?:yang )?(?:baru |masih )?${NUMBER} (?:tahun|th|thn)(?= |$)(?! (?:lalu|yang lalu|silam))`,
  ),
  compileAnchored(
    `(?<=^| )(?:umur|usia|berumur|berusia|umurnya|usianya|age|aged) (?:saya |nya |dia |baru |masih |sekitar |kira kira |sudah |baru mau |is |of |just )*${DURATION_BEFORE}${NUMBER}(?= |$)(?! (?:bulan|hari|minggu|jam|juta|ribu|orang|kali|months?|days?|weeks?|hours?))`,
  ),
  compileAnchored(
    `(?<=^| )(?<!gaji |kontrak |utang |hutang )${PERSON} (?:[^ .,]+ ){0,2}?(?:baru |masih |sudah |is |am |are |was |just |turned |only )?${DURATION_BEFORE}${NUMBER} (?:tahun|th|thn|years? old|yrs? old|yo|y o|tahunan)(?= |$)${NOT_AGE_AFTER}`,
  ),
  compileAnchored(
    `(?<=^| )(?:i am|she is|he is|is|am|turned|just turned)(?: only| just| barely| still)? ${NUMBER}(?= |$)${NOT_AGE_AFTER}`,
  ),
  compileAnchored(`(?<=^| )${NUMBER} ?(?:years? old|yrs? old|year old|yo|y o)(?= |$)`),
  compileAnchored(`(?<=^| )(?:${PERSON}|niece|nephew|cucu|keponakan|adik|anak) (?:saya |my |our )?, ${NUMBER} ,`),
  // introducing oneself with a bare age, then where from: "aku 17 dr tembilahan", "i m 16 from cebu"
  compileAnchored(
    `(?<=^|[.,] )(?:[^ .,]+ )?(?:saya|i|i am|im) ${NUMBER} (?:dari|asal|from|tinggal di|living in|,|\\.)(?= |$)`,
  ),
];

const SCHOOL = "(?:sd|smp|sma|smk|mts|slta|sltp|sekolah dasar|sekolah menengah)";
const MINOR_PATTERNS: readonly WordPattern[] = [
  compileAnchored(
    `(?<=^| )(?:masih|anak|murid|siswa|siswi|pelajar|sekolah di|duduk di|baru lulus|baru tamat|belum lulus|kelas (?:\\d{1,2}|[ivx]{1,4}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|dua belas)) ${SCHOOL}(?= |$)`,
  ),
  compileAnchored(`(?<=^| )kelas (?:[1-9]|1[0-2]|vii|viii|ix|x|xi|xii)(?= |$)(?= (?:${SCHOOL}|di|dan|,|\\.)|$)`),
  compileAnchored(
    String.raw`(?<=^| )(?:masih (?:sekolah|di bawah umur|kecil|anak anak|bocah|pelajar|siswa|siswi|remaja)|di bawah umur|bawah umur|belum (?:cukup umur|18|dewasa|punya ktp|punya e ktp|bikin ktp)|anak (?:di )?bawah umur|abg|bocah|anak kecil|(?:baru|langsung|setelah|habis) (?:lulus|tamat) (?:sd|smp|mts)|(?:lulus|tamat) sd langsung|underage|under age|a minor|is a minor|minors|under 18|under eighteen|still (?:in|at) (?:school|high school)|(?:high|middle|junior high|secondary) school(?: student| girl| boy)?|schoolgirl|schoolboy|(?:in|at) (?:grade|year) (?:[1-9]|1[0-2]))(?= |$)`,
  ),
];
const ADULT_PATTERNS: readonly WordPattern[] = [
  compileAnchored(String.raw`(?<=^| )(?:sudah dewasa|sudah 18|sudah punya ktp|over 18|an adult|i am an adult)(?= |$)`),
];

/**
 * Finds a stated age or school level. Any sign of someone under 18 wins over a stated adult age,
 * because the child rule must not be missed (UU 21/2007 Pasal 1 angka 5).
 *
 * Example: "aku dipaksa layani tamu, umurku 16" → { status: "child", evidence: "umurku 16" }.
 */
export function detectChild(normalized: NormalizedText): ChildStatus {
  let adult: string | undefined;
  for (const pattern of AGE_PATTERNS) {
    for (const match of wordMatches(normalized, pattern)) {
      const age = toAge(match[1]);
      if (age === undefined) continue;
      const evidence = evidenceOf(normalized, match.index, match[0].length);
      const minimum = pattern === AGE_PATTERNS[1] ? 1 : MIN_BARE_AGE;
      if (age < 18 && age >= minimum) return { status: "child", evidence };
      if (age >= 18 && age < 100) adult ??= evidence;
    }
  }
  for (const pattern of MINOR_PATTERNS) {
    const match = wordMatches(normalized, pattern).next().value;
    if (match !== undefined) return { status: "child", evidence: evidenceOf(normalized, match.index, match[0].length) };
  }
  for (const pattern of ADULT_PATTERNS) {
    const match = wordMatches(normalized, pattern).next().value;
    if (match !== undefined) adult ??= evidenceOf(normalized, match.index, match[0].length);
  }
  return adult === undefined ? { status: "unknown" } : { status: "adult", evidence: adult };
}

function toAge(written: string | undefined): number | undefined {
  if (written === undefined) return undefined;
  const fromWord = TEEN_WORDS[written];
  if (fromWord !== undefined) return fromWord;
  const value = Number.parseInt(written, 10);
  return Number.isNaN(value) ? undefined : value;
}

function evidenceOf(normalized: NormalizedText, startChar: number, length: number): string {
  const first = normalized.offsets.findIndex((offset) => offset >= startChar);
  let last = first;
  while (last + 1 < normalized.offsets.length && (normalized.offsets[last + 1] ?? Infinity) < startChar + length)
    last++;
  return extractEvidence(normalized, Math.max(first, 0), Math.max(last, 0));
}
