import { checkDate, type Checked } from "./check-date.ts";
import { NUMBER_WORDS } from "./number-words.ts";

/**
 * What a form's typed answer must look like for what its question asks: a name has letters, an age is a
 * number a person can be, a date is a date that has already come, a contact is a way to reach someone.
 * The check never rewrites the answer (the caseworker reads the person's own words); it only says when to
 * ask again, and why (`problem`: the i18n key of the kind re-ask, `<ns>:check.<problem>`).
 */
export type FieldCheck = "name" | "age" | "date" | "contact";

export type { Checked };

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

/** A phone number of 8 to 15 digits (with +, spaces, dashes or brackets), an email, or "this chat". */
function isContact(answer: string): boolean {
  const phones = answer.match(/\+?\d[\d\s\-().]{5,22}\d/g) ?? [];
  if (phones.some((p) => /^\+?\d{8,15}$/.test(p.replace(/[\s\-().]/g, "")))) return true;
  if (/[^\s@]+@[^\s@]+\.[a-z]{2,}/i.test(answer)) return true;
  return /\b(?:chat ini|di sini|disini|lewat sini|sini aja|this chat|here|di chat|lewat chat|wa ini|telegram ini|in this chat)\b/i.test(
    answer,
  );
}
