import { appendFileSync } from "node:fs";
import { afterAll, beforeAll, expect } from "vitest";
let start: NodeJS.CpuUsage;
let t0 = 0;
let file = "";
beforeAll(() => {
  start = process.cpuUsage();
  t0 = performance.now();
  file = expect.getState().testPath ?? "?";
});
afterAll(() => {
  const u = process.cpuUsage(start);
  appendFileSync(
    "/tmp/suite/cpu.tsv",
    `${file.replace(process.cwd() + "/", "")}\t${((performance.now() - t0) / 1000).toFixed(2)}\t${(u.user / 1e6).toFixed(2)}\t${(u.system / 1e6).toFixed(2)}\n`,
  );
});
