/**
 * Scores the screening engine on labelled messages.
 *
 *   npm run eval:screening [-- [--misses] cases.json …]
 *
 * Default: every public set (DEFAULT_CASES). Several files are scored one by one and together. Each file
 * is also scored in two parts: "tuned" and "held aside" (every third case, by position). Change rules
 * while looking only at the tuned part's misses (`--misses` prints them); the held-aside part says
 * whether a change generalises. Each file is broken down by detected language and by kind of case.
 * Each case is `{ id, text, expect: { emergency?, child?, risk?: Risk[], intent?: Intent[],
 * indicators?: (id | id[])[] } }`; an inner id list means any one of them will do. Translations come
 * from locales/<lng>/screening.json through a real i18next instance, as in the app.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import i18next from "i18next";
import { z } from "zod";
import { assessText } from "../src/domain/screening/index.ts";
import type { Assessment, Locale, Translate } from "../src/domain/screening/index.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DEFAULT_CASES = [
  "test/domain/screening/dev-cases.json",
  "test/domain/screening/extra-cases.json",
  "test/screening/real-dev-cases.json",
  "test/screening/fresh-cases.json",
  "test/screening/fresh-cases-2.json",
  "test/screening/fresh-cases-3.json",
];
const TARGETS = { emergencyRecall: 0.95, falseEmergencies: 0.1, risk: 0.85, indicators: 0.8, intent: 0.85 } as const;

const EvalCase = z.object({
  id: z.string(),
  text: z.string(),
  locale: z.enum(["id", "en"]).optional(),
  expect: z.object({
    emergency: z.boolean().optional(),
    child: z.boolean().optional(),
    risk: z.array(z.enum(["high", "medium", "low", "none"])).optional(),
    intent: z.array(z.enum(["help", "family_tracing", "information", "report_recruiter", "other"])).optional(),
    indicators: z.array(z.union([z.string(), z.array(z.string())])).optional(),
  }),
});
type EvalCase = z.infer<typeof EvalCase>;

type Tally = { hit: number; total: number; misses: string[] };
type Report = {
  emergencyRecall: Tally;
  falseEmergencies: Tally;
  risk: Tally;
  indicators: Tally;
  intent: Tally;
  child: Tally;
  /** emergencies that get the emergency answer or the safety question (a person in danger can tap safety.danger) */
  safetyNet: Tally;
  /** non-emergencies that get the safety question (a question, not a ticket) */
  safetyAsked: Tally;
};

const args = process.argv.slice(2);
const showMisses = args.includes("--misses");
const paths = args.filter((arg) => !arg.startsWith("--"));
const files = paths.length > 0 ? paths : DEFAULT_CASES;
const t = await createI18nextTranslate();
const all: Array<[EvalCase, Assessment]> = [];
for (const file of files) {
  const cases = z.array(EvalCase).parse(JSON.parse(readFileSync(resolvePath(file), "utf8")));
  const results = cases.map((item): [EvalCase, Assessment] => [
    item,
    assessText({ text: item.text, locale: item.locale }, t),
  ]);
  all.push(...results);
  const tuned = results.filter((_, index) => !isHeldAside(index));
  const heldAside = results.filter((_, index) => isHeldAside(index));
  printReport(`${file} (${cases.length} cases)`, score(results), false);
  printReport(`${file}: tuned part (${tuned.length})`, score(tuned), showMisses);
  printReport(`${file}: held-aside part, every third case (${heldAside.length})`, score(heldAside), false);
  printBreakdown("by detected language", results, ([, got]) => got.language);
  printBreakdown("by kind of case", results, ([item]) => kindOf(item));
}
if (files.length > 1) printReport(`all files (${all.length} cases)`, score(all), false);

/** Every third case (the 3rd, 6th, …) is held aside: never read its misses while tuning. */
function isHeldAside(index: number): boolean {
  return index % 3 === 2;
}

function kindOf(item: EvalCase): string {
  if (item.expect.emergency === true) return "emergency";
  if (item.expect.child === true) return "child";
  const risk = item.expect.risk ?? [];
  if (risk.includes("high")) return "high risk";
  if (risk.includes("medium")) return "medium risk";
  if (risk.length > 0) return "harmless (low/none)";
  return "other";
}

/** One compact line per group: the five headline rates. */
function printBreakdown(
  title: string,
  results: ReadonlyArray<[EvalCase, Assessment]>,
  groupOf: (result: [EvalCase, Assessment]) => string,
): void {
  const groups = new Map<string, Array<[EvalCase, Assessment]>>();
  for (const result of results) {
    const key = groupOf(result);
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  console.log(`  ${title}: (n, emergency recall, false emergencies, risk, indicators, intent)`);
  for (const [key, group] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    const report = score(group);
    const cells = [report.emergencyRecall, report.falseEmergencies, report.risk, report.indicators, report.intent].map(
      rate,
    );
    console.log(`    ${key.padEnd(22)} ${String(group.length).padStart(4)}  ${cells.join("  ")}`);
  }
}

function rate(value: Tally): string {
  return value.total === 0 ? "  -  " : (value.hit / value.total).toFixed(2).padStart(5);
}

function score(results: ReadonlyArray<[EvalCase, Assessment]>): Report {
  const report: Report = {
    emergencyRecall: tally(),
    falseEmergencies: tally(),
    risk: tally(),
    indicators: tally(),
    intent: tally(),
    child: tally(),
    safetyNet: tally(),
    safetyAsked: tally(),
  };
  for (const [item, got] of results) {
    const { expect } = item;
    const label = `${item.id} ${JSON.stringify(item.text.slice(0, 70))}`;
    if (expect.emergency === true) count(report.emergencyRecall, got.emergency, `${label}: not flagged`);
    if (expect.emergency === true)
      count(report.safetyNet, got.emergency || got.safetyCheck, `${label}: neither flagged nor asked`);
    if (expect.emergency === false) count(report.safetyAsked, got.safetyCheck, `${label}: safety question`, true);
    if (expect.emergency === false)
      count(
        report.falseEmergencies,
        got.emergency,
        `${label}: flagged (${got.indicators
          .filter((hit) => hit.category === "emergency")
          .map((hit) => `${hit.id} «${hit.evidence}»`)
          .join(", ")})`,
        true,
      );
    if (expect.risk !== undefined)
      count(
        report.risk,
        expect.risk.includes(got.risk),
        `${label}: risk ${got.risk}, expected ${expect.risk.join("|")} [${got.indicators.map((hit) => hit.id).join(" ")}]`,
      );
    if (expect.intent !== undefined)
      count(
        report.intent,
        expect.intent.includes(got.intent),
        `${label}: intent ${got.intent}, expected ${expect.intent.join("|")}`,
      );
    if (expect.child !== undefined) count(report.child, got.child === expect.child, `${label}: child ${got.child}`);
    const found = new Set(got.indicators.map((hit) => hit.id));
    for (const required of expect.indicators ?? []) {
      const options = typeof required === "string" ? [required] : required;
      count(
        report.indicators,
        options.some((id) => found.has(id)),
        `${label}: missing ${options.join("|")} (found ${[...found].join(" ") || "none"})`,
      );
    }
  }
  return report;
}

function printReport(title: string, report: Report, withMisses: boolean): void {
  console.log(`\n== ${title}`);
  line("emergency recall", report.emergencyRecall, TARGETS.emergencyRecall, "≥");
  line("false emergencies", report.falseEmergencies, TARGETS.falseEmergencies, "≤");
  line("risk right", report.risk, TARGETS.risk, "≥");
  line("required indicators found", report.indicators, TARGETS.indicators, "≥");
  line("intent right", report.intent, TARGETS.intent, "≥");
  line("child right", report.child, undefined, "≥");
  line("emergency or safety question", report.safetyNet, 0.97, "≥");
  line("safety question, no emergency", report.safetyAsked, undefined, "≤");
  const misses = Object.entries(report).flatMap(([metric, { misses: list }]) =>
    list.map((miss) => `  [${metric}] ${miss}`),
  );
  if (withMisses && misses.length > 0) console.log(`misses:\n${misses.join("\n")}`);
}

function line(name: string, value: Tally, target: number | undefined, direction: "≥" | "≤"): void {
  if (value.total === 0) return console.log(`${name.padEnd(28)} n/a`);
  const rate = value.hit / value.total;
  const ok =
    target === undefined ? "" : (direction === "≥" ? rate >= target : rate <= target) ? "  ok" : "  BELOW TARGET";
  const goal = target === undefined ? "" : ` (target ${direction} ${target})`;
  console.log(`${name.padEnd(28)} ${rate.toFixed(3)}  ${value.hit}/${value.total}${goal}${ok}`);
}

function tally(): Tally {
  return { hit: 0, total: 0, misses: [] };
}

/** `inverse`: a true outcome is the bad one (false emergencies); misses list those. */
function count(target: Tally, outcome: boolean, miss: string, inverse = false): void {
  target.total++;
  if (outcome) target.hit++;
  if (outcome === inverse) target.misses.push(miss);
}

function resolvePath(file: string): string {
  return file.startsWith("/") ? file : `${process.cwd()}/${file}`;
}

async function createI18nextTranslate(): Promise<Translate> {
  const load = (lng: Locale): Record<string, unknown> =>
    z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(`${ROOT}locales/${lng}/screening.json`, "utf8")));
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: "id",
    fallbackLng: false,
    ns: ["screening"],
    defaultNS: "screening",
    resources: { id: { screening: load("id") }, en: { screening: load("en") } },
    interpolation: { escapeValue: false },
  });
  return (lng, key, vars) => i18n.getFixedT(lng, "screening")(key, vars);
}
