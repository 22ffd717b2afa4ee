import path from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/** Files slower than this are marked: the suite's budget is under 10 s a file (issue #15). */
const FILE_BUDGET_MS = 10_000;
const SHOWN = 10;

/**
 * Prints the ten slowest test files after every run (CI's log shows where the time goes): import plus tests
 * and hooks, per file, with the ones over the 10 s budget marked.
 */
export default class SlowestFilesReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const files = testModules
      .map((module) => {
        const diagnostic = module.diagnostic();
        return {
          file: path.relative(process.cwd(), module.moduleId),
          ms: diagnostic.collectDuration + diagnostic.duration,
        };
      })
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SHOWN);
    if (!files.length) return;
    const lines = files.map(
      ({ file, ms }) =>
        `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}${ms > FILE_BUDGET_MS ? "  (over 10 s)" : ""}`,
    );
    process.stdout.write(`\nSlowest test files (import + tests):\n${lines.join("\n")}\n`);
  }
}
