import { defineConfig } from "vitest/config";
import { TEST_NODE_FLAGS } from "./test/support/node-args.ts";
import SuiteSequencer from "./test/support/suite-sequencer.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: "forks",
    // Files share a worker process (and its warmed-up PGlite and Prisma): about half the CPU of isolating each file.
    // Tests must leave no module state behind (real timers restored, nothing patched on shared modules).
    isolate: false,
    maxWorkers: 2,
    // WebAssembly on V8's baseline compiler only (why: test/support/node-args.ts)
    execArgv: TEST_NODE_FLAGS,
    reporters: ["default", "./test/support/slowest-files-reporter.ts"],
    // each worker starts on a short file (test/support/suite-sequencer.ts)
    sequence: { sequencer: SuiteSequencer },
  },
});
