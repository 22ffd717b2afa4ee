import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** A file that starts a whole Lentera, and so loads the whole app into its worker. */
const startsLentera = (spec: TestSpecification) =>
  !spec.moduleId.endsWith(".e2e.test.ts") && readFileSync(spec.moduleId, "utf8").includes("createTestLentera(");

/**
 * vitest's order (failed files first, then the slowest), but each worker starts on a short file. The first
 * file a worker runs also pays for the worker: it loads the whole app (about 3 s of transforming and
 * importing, while the other worker and vitest's own process do the same) and starts the worker's database.
 * Run first, the slowest files took up to twice their time (11-13 s for files of 5-7 s). The shortest of the
 * files that start a Lentera, which load all of it anyway, now go first, one per worker; the rest follow in
 * vitest's order. Same files, same total; the cost of starting a worker shows on a file of under a second.
 */
export default class SuiteSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const workers = Math.max(1, Number(this.ctx.config.maxWorkers) || 1);
    // a file's time in the last run, or, never run (a fresh clone), its size: the smallest files are short
    const cost = (spec: TestSpecification) => {
      const key = `${spec.project.name}:${path.relative(this.ctx.config.root, spec.moduleId)}`;
      return this.ctx.cache.getFileTestResults(key)?.duration ?? statSync(spec.moduleId).size;
    };
    const openers = sorted
      .filter(startsLentera)
      .sort((a, b) => cost(a) - cost(b))
      .slice(0, workers);
    return [...openers, ...sorted.filter((spec) => !openers.includes(spec))];
  }
}
