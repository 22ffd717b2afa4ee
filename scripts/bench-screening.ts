/**
 * Times assessText on long messages: every text of the public real-world set, repeated to 4,000
 * characters, plus the worst shapes (one character, spaces, emoji repeated). Prints median, p99 and max.
 *
 *   npx tsx scripts/bench-screening.ts [rounds]
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { assessText } from "../src/domain/screening/index.ts";
import type { Translate } from "../src/domain/screening/index.ts";

const LENGTH = 4000;
const rounds = Number(process.argv[2] ?? 3);
const cases = z
  .array(z.object({ text: z.string() }))
  .parse(JSON.parse(readFileSync(new URL("../test/screening/real-dev-cases.json", import.meta.url), "utf8")));
const toLength = (text: string): string => (text + " ").repeat(Math.ceil(LENGTH / (text.length + 1))).slice(0, LENGTH);
const texts = cases.map((item) => toLength(item.text));
const worst = ["a", " ", "🆘", "tolong ", "dipukul ", "ha"].map((unit) => unit.repeat(LENGTH).slice(0, LENGTH));
const t: Translate = (_lng, key) => key;

for (const text of texts.slice(0, 5)) assessText({ text }, t); // warm up
const times: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const text of texts) {
    const start = performance.now();
    assessText({ text }, t);
    times.push(performance.now() - start);
  }
}
const worstTimes = worst.map((text) => {
  const start = performance.now();
  assessText({ text }, t);
  return performance.now() - start;
});
times.sort((a, b) => a - b);
const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
console.log(
  `4,000-character messages (${times.length} runs): median ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms, max ${at(1).toFixed(2)} ms`,
);
console.log(
  `worst shapes (a, spaces, 🆘, tolong, dipukul, ha): ${worstTimes.map((ms) => ms.toFixed(1)).join(" / ")} ms`,
);
