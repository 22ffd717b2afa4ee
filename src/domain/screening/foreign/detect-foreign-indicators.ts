import { isIndicatorId, type IndicatorId } from "../catalogue.ts";
import { FOREIGN_LEXICON, UNSPACED, type ForeignLanguage } from "./foreign-lexicon.ts";
import { foldText } from "./fold-text.ts";

/** One concept found by the foreign-language lexicon, with the person's words that carried it. */
export type ForeignHit = { id: IndicatorId | "SOS" | "HELP"; language: ForeignLanguage; evidence: string };

type Compiled = { id: IndicatorId | "SOS" | "HELP"; language: ForeignLanguage; re: RegExp };

const COMPILED: readonly Compiled[] = (Object.entries(FOREIGN_LEXICON) as [ForeignLanguage, object][]).flatMap(
  ([language, entries]) =>
    (Object.entries(entries) as [string, readonly string[]][]).flatMap(([id, sources]) => {
      if (id !== "SOS" && id !== "HELP" && !isIndicatorId(id)) return [];
      // Latin-script words must stand alone; unspaced scripts match inside a run of letters.
      const wrap = (source: string): RegExp =>
        UNSPACED.has(language) ? new RegExp(source, "u") : new RegExp(`(?<= )(?:${source})(?= )`, "u");
      return sources.map((source) => ({ id: id as Compiled["id"], language, re: wrap(source) }));
    }),
);

const OURS: ReadonlySet<string> = new Set(["id", "en", "ms"]);

/** Scripts that by themselves name the language. */
const SCRIPT_OF: ReadonlyArray<readonly [RegExp, ForeignLanguage]> = [
  [/[\u0e00-\u0e7f]/u, "th"],
  [/[\u1000-\u109f]/u, "my"],
  [/[\u1780-\u17ff]/u, "km"],
  [/\p{Script=Han}/u, "zh"],
];

/**
 * Looks up every concept of the foreign-language lexicon in a message: the first match of each concept.
 * Languages in a script of their own are only tried when that script is present (cheap and exact);
 * Latin-script languages are always tried, since people mix them with Indonesian and English.
 */
export function detectForeignIndicators(original: string, language?: string): ForeignHit[] {
  // Long Indonesian or English messages skip the Latin-script lexicons: a few mixed-in foreign words
  // are short messages' habit, and the lexicons cost time on 4,000 characters.
  const latin = language === undefined || !OURS.has(language) || original.length <= 400;
  const scripts = new Set(SCRIPT_OF.filter(([re]) => re.test(original)).map(([, language]) => language));
  // No lexicon to try: folding the text would be wasted.
  if (!latin && scripts.size === 0) return [];
  const folded = foldText(original.slice(0, 4000));
  const hits: ForeignHit[] = [];
  const seen = new Set<string>();
  for (const entry of COMPILED) {
    if (UNSPACED.has(entry.language) ? !scripts.has(entry.language) : !latin) continue;
    if (seen.has(entry.id)) continue;
    const found = entry.re.exec(folded.text);
    if (found === null) continue;
    seen.add(entry.id);
    const start = folded.origin[found.index] ?? 0;
    const end = folded.origin[found.index + found[0].length - 1] ?? start;
    hits.push({ id: entry.id, language: entry.language, evidence: original.slice(start, end + 1).trim() });
  }
  return hits;
}
