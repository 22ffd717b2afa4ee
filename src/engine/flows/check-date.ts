import { NUMBER_WORDS } from "./number-words.ts";

/** A typed answer fits its question, or the problem to ask again about (`<ns>:check.<problem>`). */
export type Checked = { ok: true } | { ok: false; problem: string };

const problem = (name: string): Checked => ({ ok: false, problem: name });
const OK: Checked = { ok: true };

/*
 * When someone was last heard from, as people write it: "12/03/2026", "Maret 2026", "2025", "3 bulan lalu",
 * "two weeks ago", "kemarin". A time still to come ("besok", "March 2027") is not an answer to it.
 */

const MONTHS: Record<string, number> = {
  jan: 0,
  januari: 0,
  january: 0,
  feb: 1,
  februari: 1,
  pebruari: 1,
  february: 1,
  mar: 2,
  maret: 2,
  march: 2,
  apr: 3,
  april: 3,
  mei: 4,
  may: 4,
  jun: 5,
  juni: 5,
  june: 5,
  jul: 6,
  juli: 6,
  july: 6,
  agu: 7,
  agt: 7,
  agus: 7,
  agustus: 7,
  aug: 7,
  august: 7,
  sep: 8,
  sept: 8,
  september: 8,
  okt: 9,
  oct: 9,
  oktober: 9,
  october: 9,
  nov: 10,
  nop: 10,
  november: 10,
  nopember: 10,
  des: 11,
  dec: 11,
  desember: 11,
  december: 11,
};
const MONTH_WORD = new RegExp(`\\b(${Object.keys(MONTHS).join("|")})\\b`);
const UNIT = "(hari|minggu|pekan|bulan|bln|tahun|thn|th|days?|weeks?|months?|years?)";
const COUNT = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).join("|")})`;
/** "3 bulan lalu", "sebulan yang lalu", "two weeks ago", "sudah 2 tahun", "sejak 5 bulan". */
const AGO = new RegExp(
  `(?:\\b${COUNT} ?${UNIT}\\b(?: (?:yang |yg )?(?:lalu|lalu an|kemarin|ago|back))|\\b(?:sejak|sudah|udah|dah|sdh|since|for|about|sekitar|kira kira) ${COUNT} ?${UNIT}\\b)`,
);
/** "3 bulan lagi", "in two weeks": a time still to come. */
const AHEAD = new RegExp(`(?:\\b${COUNT} ?${UNIT} (?:lagi|mendatang|from now)\\b|\\bin ${COUNT} ?${UNIT}\\b)`);
const PAST_WORDS =
  /\b(?:kemarin|kemaren|kmrn|yesterday|today|hari ini|tadi|barusan|minggu lalu|pekan lalu|bulan lalu|tahun lalu|last (?:week|month|year|night)|lebaran|ramadan|puasa|tahun baru|natal|christmas|new year|lama|long ago|a while ago|recently|baru baru ini|akhir akhir ini)\b/;
const FUTURE_WORDS = /\b(?:besok|besuk|lusa|tomorrow|next (?:week|month|year)|minggu depan|bulan depan|tahun depan)\b/;

/** A last-heard date as people write it: a calendar date, a month and year, a year, or "3 months ago". */
export function checkDate(answer: string, now: Date): Checked {
  const text = answer.toLowerCase().replace(/[,]/g, " ").replace(/\s+/g, " ");
  if (FUTURE_WORDS.test(text) || AHEAD.test(text)) return problem("date_future");
  const when = calendarDate(text, now);
  if (when === "invalid") return problem("date");
  if (when) return when.getTime() > now.getTime() ? problem("date_future") : OK;
  if (AGO.test(text) || PAST_WORDS.test(text)) return OK;
  return problem("date");
}

function calendarDate(text: string, now: Date): Date | "invalid" | null {
  const iso = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(text);
  if (iso) return makeDate(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  const numeric = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b/.exec(text);
  if (numeric) return makeDate(fullYear(numeric[3]!), Number(numeric[2]) - 1, Number(numeric[1]));
  const monthYear = /\b(\d{1,2})[/.-](\d{4})\b/.exec(text);
  if (monthYear) return makeDate(Number(monthYear[2]), Number(monthYear[1]) - 1, 1);
  const month = MONTH_WORD.exec(text);
  if (month) {
    const index = MONTHS[month[1]!]!;
    const year = /\b(19\d{2}|20\d{2})\b/.exec(text);
    const day = new RegExp(`\\b(\\d{1,2}) ${month[1]}\\b|\\b${month[1]} (\\d{1,2})\\b(?! ?\\d)`).exec(text);
    const dayOf = day ? Number(day[1] ?? day[2]) : 1;
    if (year) return makeDate(Number(year[1]), index, dayOf);
    // "Maret" alone: the last March that has come.
    const thisYear = makeDate(now.getUTCFullYear(), index, dayOf);
    if (thisYear === "invalid") return thisYear;
    return thisYear.getTime() > now.getTime() ? makeDate(now.getUTCFullYear() - 1, index, dayOf) : thisYear;
  }
  const year = /\b(19[5-9]\d|20\d{2})\b/.exec(text);
  if (year) return makeDate(Number(year[1]), 0, 1);
  return null;
}

function fullYear(year: string): number {
  return year.length === 2 ? 2000 + Number(year) : Number(year);
}

function makeDate(year: number, month: number, day: number): Date | "invalid" {
  if (month < 0 || month > 11 || day < 1 || day > 31 || year < 1950) return "invalid";
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCMonth() === month ? date : "invalid";
}
