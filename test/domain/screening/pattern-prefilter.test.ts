import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { firstWordPrefixes } from "../../../src/domain/screening/first-word-prefixes.ts";
import { compilePatternTable, matchPatterns } from "../../../src/domain/screening/match-patterns.ts";
import { normalizeText } from "../../../src/domain/screening/normalize-text.ts";
import { CHILD_PATTERNS } from "../../../src/domain/screening/patterns/child-patterns.ts";
import { COERCION_PATTERNS } from "../../../src/domain/screening/patterns/coercion-patterns.ts";
import { CONDITIONS_PATTERNS } from "../../../src/domain/screening/patterns/conditions-patterns.ts";
import { COUNTER_PATTERNS } from "../../../src/domain/screening/patterns/counter-patterns.ts";
import { EMERGENCY_PATTERNS } from "../../../src/domain/screening/patterns/emergency-patterns.ts";
import type { PatternTable } from "../../../src/domain/screening/patterns/pattern-spec.ts";
import { PURPOSE_PATTERNS } from "../../../src/domain/screening/patterns/purpose-patterns.ts";
import { RECRUITMENT_PATTERNS } from "../../../src/domain/screening/patterns/recruitment-patterns.ts";
import { VIOLENCE_PATTERNS } from "../../../src/domain/screening/patterns/violence-patterns.ts";
import { VULNERABILITY_PATTERNS } from "../../../src/domain/screening/patterns/vulnerability-patterns.ts";
import * as URGENCY from "../../../src/domain/screening/urgency-vocabulary.ts";
import {
  compileAnchored,
  compileWordPattern,
  firstWordMatch,
  wordMatches,
} from "../../../src/domain/screening/word-index.ts";

describe("firstWordPrefixes reads what a pattern's first word begins with", () => {
  it.each([
    ["(?:ditusuk|dibacok|disiram air (?:panas|keras))", ["ditusu", "dibaco", "disira"]],
    ["hp (?:[^ .,]+ ){0,3}(?:ditaruh|disita)", ["hp"]],
    ["dipukul(?:i|in)?", ["dipuku"]],
    ["(?:i|we) (?:am|are) stuck", ["i", "we"]],
    ["(?<!(?:hp|akun) )dikunci", ["dikunc"]],
    ["a?b", ["ab", "b"]],
    ["(?:a|b)+c", ["a", "b"]],
    ["a*b", ["a", "b"]],
    ["\\.\\.\\. sos", ["..."]],
  ])("%s", (source, prefixes) => {
    expect(firstWordPrefixes(source)?.sort()).toEqual([...prefixes].sort());
  });

  it.each(["\\d+ tahun", "(?:[^ .,]+ ){0,2}dikunci", "(?:x|\\S+) y", "a*", "(?:)x|", "[ab]c", "."])(
    "%s can begin with anything",
    (source) => {
      expect(firstWordPrefixes(source)).toBeUndefined();
    },
  );
});

const TABLES: ReadonlyArray<[string, PatternTable]> = [
  ["emergency", EMERGENCY_PATTERNS],
  ["recruitment", RECRUITMENT_PATTERNS],
  ["coercion", COERCION_PATTERNS],
  ["violence", VIOLENCE_PATTERNS],
  ["conditions", CONDITIONS_PATTERNS],
  ["purpose", PURPOSE_PATTERNS],
  ["vulnerability", VULNERABILITY_PATTERNS],
  ["counter", COUNTER_PATTERNS],
  ["child", CHILD_PATTERNS],
];
const CASE_FILES = [
  "../../domain/screening/dev-cases.json",
  "../../domain/screening/extra-cases.json",
  "../../screening/real-dev-cases.json",
  "../../screening/fresh-cases.json",
];
const texts = CASE_FILES.flatMap((file) =>
  z
    .array(z.object({ text: z.string() }))
    .parse(JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8")))
    .map((item) => item.text),
);
// Long run-ons too: repeated texts put a rejected (negated) match before an accepted one.
const normalized = [...texts, ...texts.slice(0, 60).map((text) => `tidak ${text} ${text}. ${text}`)].map((text) =>
  normalizeText(text),
);

describe("skipping patterns by their first word finds exactly what a scan of the whole text finds", () => {
  it.each(TABLES)("%s patterns on every case text", (_name, table) => {
    const fast = compilePatternTable(table);
    const reference = compilePatternTable(table, { prefilter: false });
    let found = 0;
    for (const text of normalized) {
      const got = matchPatterns(text, fast);
      expect(got, text.original).toEqual(matchPatterns(text, reference));
      found += got.length;
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe("alarm vocabularies found by their first word give the matches a whole-text scan gives", () => {
  const sources = Object.entries(URGENCY as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  it.each(sources)("%s", (_name, source) => {
    const fast = compileWordPattern(source);
    const reference = compileWordPattern(source, false);
    // Refusing every other match walks the same sequence of matches both ways.
    const everyOther = () => {
      let seen = 0;
      return () => seen++ % 2 === 1;
    };
    for (const text of normalized) {
      expect(firstWordMatch(text, fast), text.original).toEqual(firstWordMatch(text, reference));
      expect(firstWordMatch(text, fast, everyOther()), text.original).toEqual(
        firstWordMatch(text, reference, everyOther()),
      );
    }
  });
});

describe("every match of an expression that starts at a word, found by its first word, is a match of matchAll", () => {
  const AGE = "(\\d{1,2}|sebelas|dua belas|seventeen)";
  it.each([
    `(?<=^| )(?:adik|anak|keponakan) (?:saya |nya )?(?:baru |masih )?${AGE} (?:tahun|th|thn)(?= |$)(?! (?:lalu|yang lalu))`,
    `(?<=^| )(?<!gaji |kontrak )(?:saya|dia|anak|she|he) (?:[^ .,]+ ){0,2}?${AGE} (?:tahun|years? old)(?= |$)`,
    "(?<=^| )(?:masih|anak|murid|siswa|kelas (?:\\d{1,2}|satu|dua)) (?:sd|smp|sma)(?= |$)",
    "(?<=^| )(?:tidak|not) (?:\\S+ ){0,2}(?:dibayar|paid)(?= |$)",
    "(?<=^|[.,] )(?:[^ .,]+ )?(?:saya|i) \\d+(?= |$)",
  ])("%s", (source) => {
    const fast = compileAnchored(source);
    const plain = new RegExp(source, "g");
    expect(fast.starts === undefined).toBe(source.startsWith("(?<=^|[.,] )"));
    for (const text of normalized) {
      const got = [...wordMatches(text, fast)].map((m) => [m.index, m[0], m[1]]);
      expect(got, text.original).toEqual([...text.text.matchAll(plain)].map((m) => [m.index, m[0], m[1]]));
    }
  });
});
