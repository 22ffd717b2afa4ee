/**
 * Times assessText on long messages: every text of the public real-world set, repeated to 4,000
 * characters, plus the worst shapes (one character, spaces, emoji repeated). Prints median, p99 and max,
 * in wall-clock time and in this process's CPU time (on a shared machine the CPU time is the steadier one:
 * it leaves out the time spent waiting for a core).
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
const cpuTimes: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const text of texts) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    assessText({ text }, t);
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
}
const worstTimes = worst.map((text) => {
  const start = performance.now();
  assessText({ text }, t);
  return performance.now() - start;
});
const summary = (values: number[]): string => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): string =>
    (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(2);
  return `median ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`;
};
console.log(`4,000-character messages (${times.length} runs): ${summary(times)}`);
console.log(`  CPU time of the same runs: ${summary(cpuTimes)}`);
console.log(
  `worst shapes (a, spaces, 🆘, tolong, dipukul, ha): ${worstTimes.map((ms) => ms.toFixed(1)).join(" / ")} ms`,
);
