/**
 * What a form's typed answer must look like for what its question asks: a name has letters, an age is a
 * number a person can be, a date is a date that has already come, a contact is a way to reach someone.
 * The check never rewrites the answer (the caseworker reads the person's own words); it only says when to
 * ask again, and why (`problem`: the i18n key of the kind re-ask, `<ns>:check.<problem>`).
 */
export type FieldCheck = "name" | "age" | "date" | "contact";

export type Checked = { ok: true } | { ok: false; problem: string };

const OK: Checked = { ok: true };
const problem = (name: string): Checked => ({ ok: false, problem: name });

/** Oldest age we take as given; above it the number was probably something else (a year, a phone). */
const MAX_AGE = 110;

export function checkAnswer(check: FieldCheck, text: string, now: Date): Checked {
  const answer = text.trim();
  switch (check) {
    case "name":
      return (answer.match(/\p{L}/gu)?.length ?? 0) >= 2 ? OK : problem("name");
    case "age":
      return checkAge(answer);
    case "date":
      return checkDate(answer, now);
    case "contact":
      return isContact(answer) ? OK : problem("contact");
  }
}

const NUMBER_WORDS: Record<string, number> = {
  satu: 1,
  se: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  sebelas: 11,
  one: 1,
  a: 1,
  an: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  few: 3,
  beberapa: 3,
};

/** "24", "24 thn", "sekitar 30an", "dua puluh lima", "twenty": an age, in range. */
function checkAge(answer: string): Checked {
  const digits = /(?<![\d.])(\d{1,3})(?![\d.])/.exec(answer);
  const words = answer.toLowerCase();
  const value = digits ? Number(digits[1]) : ageInWords(words);
  if (value === undefined) return problem("age");
  return value >= 1 && value <= MAX_AGE ? OK : problem("age_range");
}

const TENS_EN: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

function ageInWords(words: string): number | undefined {
  const id =
    /\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan) ?puluh(?: (satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan))?\b/.exec(
      words,
    );
  if (id) return NUMBER_WORDS[id[1]!]! * 10 + (id[2] ? NUMBER_WORDS[id[2]]! : 0);
  const teen = /\b(se|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan) ?belas\b/.exec(words);
  if (teen) return 10 + NUMBER_WORDS[teen[1]!]!;
  const en =
    /\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\b/.exec(
      words,
    );
  if (en) return TENS_EN[en[1]!]! + (en[2] ? NUMBER_WORDS[en[2]]! : 0);
  return undefined;
}

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
function checkDate(answer: string, now: Date): Checked {
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

/** A phone number of 8 to 15 digits (with +, spaces, dashes or brackets), an email, or "this chat". */
function isContact(answer: string): boolean {
  const phones = answer.match(/\+?\d[\d\s\-().]{5,22}\d/g) ?? [];
  if (phones.some((p) => /^\+?\d{8,15}$/.test(p.replace(/[\s\-().]/g, "")))) return true;
  if (/[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(answer)) return true;
  return /\b(?:chat ini|di sini|disini|lewat sini|sini aja|this chat|here|di chat|lewat chat|wa ini|telegram ini|in this chat)\b/i.test(
    answer,
  );
}
