import path from "node:path";

/**
 * V8 flags for the Node processes of a test run (vitest's workers, and the servers and CLIs tests spawn).
 *
 * `--liftoff-only` compiles WebAssembly (PGlite's PostgreSQL, Prisma's query compiler and schema engine)
 * with V8's baseline compiler only. By default V8 recompiles the hot functions with its optimising compiler
 * in the background, which pays off in a server that runs for weeks; a test process lives seconds to a
 * minute, and that recompiling was about a third of the CPU of the database-heavy files. The code that runs
 * is the same; only how V8 compiles it differs. (Not allowed in NODE_OPTIONS, so each spawn passes it.)
 */
export const TEST_NODE_FLAGS = ["--liftoff-only"];

/** The run's bundles of the server and the CLI (global-setup.ts, build-process-bundles.ts), in a test run. */
const bundles = process.env.LENTERA_TEST_BUNDLES;

/**
 * `npm run cli -- …` (`tsx src/cli/main.ts`) in a process of its own: in a test run the same program bundled
 * (a second less CPU a start), otherwise node with tsx's loader; either way without tsx's wrapper process.
 */
export const CLI_ARGS = [
  ...TEST_NODE_FLAGS,
  ...(bundles ? [path.join(bundles, "cli.mjs")] : viaTsx("src/cli/main.ts")),
];

/** `npm start` (`node --import tsx src/main.ts`), likewise. */
export const MAIN_ARGS = [...TEST_NODE_FLAGS, ...(bundles ? [path.join(bundles, "main.mjs")] : viaTsx("src/main.ts"))];

function viaTsx(entry: string): string[] {
  return ["--import", "tsx", entry];
}
