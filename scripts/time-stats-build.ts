// Times the statistics work on a kept seeded database (no HTTP): loading the facts, building the
// unfiltered report, CPU and wall. Seeds once into --dir (kept), then reuses it.
// Usage: node --import tsx scripts/time-stats-build.ts --dir /tmp/stats-50k [--tickets 50000]
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { seedDemoCases } from "../src/domain/stats/seed-demo-cases.ts";
import { loadCaseFacts } from "../src/domain/stats/load-case-facts.ts";
import { buildStats } from "../src/domain/stats/build-stats.ts";
import { DEFAULT_STATS_RULE } from "../src/domain/stats/apply-privacy-rule.ts";
import { createTestLentera } from "../test/support/create-test-lentera.ts";

const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    tickets: { type: "string", default: "50000" },
    rounds: { type: "string", default: "2" },
  },
});
const dir = values.dir!;
const fresh = !existsSync(dir);
const lentera = await createTestLentera({ env: { DATA_DIR: dir } });
try {
  if (fresh || (await lentera.db.ticket.count()) === 0)
    await seedDemoCases({ db: lentera.db, cipher: lentera.cipher }, { tickets: Number(values.tickets) });
  const time = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
    const began = performance.now();
    const cpu = process.cpuUsage();
    const out = await run();
    const used = process.cpuUsage(cpu);
    console.log(label, {
      ms: Math.round(performance.now() - began),
      cpuMs: Math.round((used.user + used.system) / 1000),
    });
    return out;
  };
  for (let round = 0; round < Number(values.rounds); round++) {
    const facts = await time("load", () => loadCaseFacts(lentera.db));
    await time("build", () => buildStats(facts, {}, DEFAULT_STATS_RULE));
    await time("build filtered", () =>
      buildStats(facts, { from: "2026-01", to: "2026-06", channel: "whatsapp" }, DEFAULT_STATS_RULE),
    );
  }
} finally {
  await lentera.close();
}
