import { normalizeReply } from "../keywords.ts";
import type { Choice } from "../types.ts";
import { CHOICE_SENSE, CHOICE_SYNONYMS } from "./choice-meanings.ts";
import { editDistance } from "./edit-distance.ts";
import { PARTICLES, SENSE_WORDS, type Sense } from "./senses.ts";

/** A typed reply read as one of the choices on offer; `extra` is whatever else the person wrote with it. */
export type Understood = { id: string; extra?: string };

/** Lower case, emoji and punctuation out, letters stretched for emphasis shortened ("iyaaa" → "iyaa"). */
export function simplify(text: string): string {
  return normalizeReply(text)
    .replace(/\p{Extended_Pictographic}/gu, " ")
    .replace(/[!?.,;:"“”'‘’()*~_]+/g, " ")
    .replace(/(\p{L})\1{2,}/gu, "$1$1")
    .replace(/\s+/g, " ")
    .trim();
}

const SENSE_LOOKUP = new Map<string, Sense>();
for (const [sense, words] of Object.entries(SENSE_WORDS) as [Sense, readonly string[]][])
  for (const word of words) if (!SENSE_LOOKUP.has(simplify(word))) SENSE_LOOKUP.set(simplify(word), sense);
const LONGEST_SENSE = Math.max(...[...SENSE_LOOKUP.keys()].map((w) => w.split(" ").length));

/** The sense a reply opens with, and what follows it: "iya dipegang kapten" → yes, "dipegang kapten". */
export function leadingSense(text: string): { sense: Sense; rest: string } | null {
  const words = simplify(text).split(" ").filter(Boolean);
  for (let n = Math.min(LONGEST_SENSE, words.length); n >= 1; n--) {
    const sense = SENSE_LOOKUP.get(words.slice(0, n).join(" "));
    if (sense) return { sense, rest: words.slice(n).join(" ") };
  }
  return null;
}

/** What is left once the polite particles are taken out ("berangkat kak" → "berangkat"). */
export function contentOf(text: string): string {
  return simplify(text)
    .split(" ")
    .filter((w) => w && !PARTICLES.has(w))
    .join(" ");
}

/**
 * Reads a typed reply as one of the quick replies on offer, the way a person answers: the number shown
 * ("2", "2. ya"), the label or another word for it (typos forgiven), a yes/no/not sure/skip in any form
 * ("iya", "boleh", "gak", "ga tau") when a choice stands for that, or a short reply naming one choice
 * ("kapan aja kak", "pulang"). Words after the answer come back as `extra` ("gak, 21" → no + "21").
 * `numbers: false` where a number is itself the answer (an age, a phone number).
 */
export function understandReply(
  text: string,
  offered: readonly Choice[],
  labelOf: (choice: Choice) => string,
  options: { numbers?: boolean } = {},
): Understood | null {
  const reply = simplify(text);
  if (!reply || offered.length === 0) return null;
  const withExtra = (id: string, rest: string): Understood => {
    const extra = contentOf(rest);
    return extra ? { id, extra: rest } : { id };
  };

  if (options.numbers !== false) {
    const number = /^(\d{1,2})(?:\s+(.*))?$/.exec(reply);
    if (number) {
      const choice = offered[Number(number[1]) - 1];
      if (choice) return withExtra(choice.id, number[2] ?? "");
    }
  }

  const names = offered.map((choice) => ({
    choice,
    names: [simplify(labelOf(choice)), ...(CHOICE_SYNONYMS[choice.id] ?? []).map(simplify)].filter(Boolean),
  }));

  // The whole reply is a label or another word for one choice (or is, but for a typo or two).
  const exact = names.find((n) => n.names.includes(reply)) ?? names.find((n) => n.names.includes(contentOf(reply)));
  if (exact) return { id: exact.choice.id };

  // It opens with a yes / no / not sure / skip that one of the choices stands for.
  const leading = leadingSense(reply);
  if (leading) {
    const bySense = offered.find((choice) => CHOICE_SENSE[choice.id] === leading.sense);
    if (bySense) {
      // "jangan hapus", "ga tau", "tidak setuju": a longer name of another choice wins over its first word.
      const longer = names.find((n) => n.names.some((name) => reply.startsWith(`${name} `) || reply === name));
      if (longer && longer.choice.id !== bySense.id) return withExtra(longer.choice.id, restAfter(reply, longer.names));
      return withExtra(bySense.id, leading.rest);
    }
  }

  const content = contentOf(reply);
  const fuzzy = names.filter((n) => n.names.some((name) => closeEnough(content, name)));
  if (fuzzy.length === 1) return { id: fuzzy[0]!.choice.id };

  // A short reply that names exactly one of the choices ("lewat chat aja", "kapan aja boleh", "pulang").
  const words = content.split(" ");
  if (words.length <= 6) {
    const containing = names.filter((n) =>
      n.names.some((name) => containsWords(content, name) || containsWords(reply, name)),
    );
    if (containing.length === 1) return withExtra(containing[0]!.choice.id, "");
    if (containing.length > 1) {
      // The longest name wins when one name is inside another ("konseling keluarga" over "keluarga").
      const best = containing
        .map((n) => ({
          n,
          length: Math.max(
            ...n.names
              .filter((name) => containsWords(content, name) || containsWords(reply, name))
              .map((x) => x.length),
          ),
        }))
        .sort((a, b) => b.length - a.length);
      if (best[0]!.length > best[1]!.length) return { id: best[0]!.n.choice.id };
    }
  }
  return null;
}

function restAfter(reply: string, names: string[]): string {
  const name = names.filter((n) => reply.startsWith(n)).sort((a, b) => b.length - a.length)[0] ?? "";
  return reply.slice(name.length).trim();
}

function containsWords(text: string, name: string): boolean {
  if (name.length < 2) return false;
  return ` ${text} `.includes(` ${name} `);
}

function closeEnough(reply: string, name: string): boolean {
  if (name.length < 4 || reply.length < 4) return false;
  const allowed = name.length >= 9 ? 2 : 1;
  return editDistance(reply, name, allowed) <= allowed;
}
