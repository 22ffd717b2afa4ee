import { sentenceBefore } from "./sentence-before.ts";
import { CLAUSE_BREAK, SENTENCE_END, type NormalizedText } from "./normalize-text.ts";

/** Whether a phrase is about now, about the past, or a what-if / something read or heard elsewhere. */
export type TimeFrame = "now" | "past" | "hypothetical";

const words = (source: string): RegExp => new RegExp(`(?<=^| )(?:${source})(?= |$)`);

const PAST_BEFORE = words(
  "dulu|dahulu|pernah|waktu itu|tahun lalu|bulan lalu|tahun kemarin|sebelumnya|dulunya|used to|last year|years ago|back then|previously|once",
);
/**
 * A time said right after the event: "pingsan hari pertama", "dipukul 3 tahun lalu". Not after "dari",
 * "sejak" (since the first day it goes on).
 */
const PAST_AFTER = new RegExp(
  "^(?:[^ .,]+ )?(?<!(?:dari|sejak|mulai|since|from) )(?:hari pertama|minggu pertama|bulan pertama|waktu itu|waktu pertama|pas awal|awal awal|dulu|dahulu|tahun lalu|bulan lalu|minggu lalu|\\d+ (?:hari|minggu|bulan|tahun) (?:lalu|yang lalu)|(?:years?|months?|weeks?) ago|last (?:year|month)|back then|on the first day)(?= |$)",
);
const NEWS_BEFORE = words(
  "berita|beritanya|baca|membaca|nonton|menonton|dengar dari berita|viral|news|article|artikel|video|film|sinetron|story about|katanya ada|ada wni|banyak wni|banyak orang|banyak yang|orang orang|people who|kata (?:teman|tetangga|orang)|dengar dengar|rumor|gosip|hoax|many people|i heard|heard that|i read|i saw on",
);
const CONDITIONAL_BEFORE = words(
  "kalau|jika|apabila|seandainya|andaikan|misalnya|misal|bila|if|what if|in case|suppose",
);
const QUESTION_START =
  /^(?:apa|apakah|bagaimana|gimana|boleh|bolehkah|bisakah|how|what|should|can|is|are|where|ke mana|di mana|siapa|who)(?= |$)/;

/**
 * Reads the sentence up to the start of a match. A past marker ("dulu saya pernah disekap") makes it
 * past; news or hearsay ("baca berita ada wni disekap") or a what-if inside a question ("kalau
 * disekap harus lapor ke mana?") makes it hypothetical. Everything else counts as now: when in doubt,
 * the emergency path wins.
 */
export function detectTimeFrame(normalized: NormalizedText, first: number, last = first): TimeFrame {
  const before = sentenceBefore(normalized, first);
  if (PAST_BEFORE.test(before) || PAST_AFTER.test(clauseAfter(normalized, last))) return "past";
  if (NEWS_BEFORE.test(before)) return "hypothetical";
  const isQuestion = normalized.original.includes("?") || QUESTION_START.test(normalized.text);
  if (isQuestion && CONDITIONAL_BEFORE.test(before)) return "hypothetical";
  return "now";
}

/** Up to four words after token `last`, within its clause. */
function clauseAfter(normalized: NormalizedText, last: number): string {
  const words: string[] = [];
  for (let i = last + 1; i < normalized.tokens.length && words.length < 4; i++) {
    const text = normalized.tokens[i]?.text;
    if (text === undefined || text === SENTENCE_END || text === CLAUSE_BREAK) break;
    words.push(text);
  }
  return words.join(" ");
}
