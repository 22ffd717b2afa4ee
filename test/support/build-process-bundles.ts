import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";
import { buildCached } from "./build-cached.ts";

/** Inside the project, so the bundles' package imports resolve to its node_modules. */
const CACHE_DIR = path.resolve("node_modules/.cache/lentera-test-bundles");
const ENTRIES = { main: "src/main.ts", cli: "src/cli/main.ts" };

/**
 * `src/main.ts` and `src/cli/main.ts` bundled into ES modules, for the tests that start the server or
 * the CLI as a process of its own (node-args.ts). Run through tsx, every such process spent about a second
 * of CPU resolving and loading some 300 TypeScript files through tsx's loader thread before doing anything;
 * the bundle is the same code, transformed once per run.
 *
 * The packages stay outside the bundle (loaded from node_modules as `npm start` loads them), a dynamic import
 * stays one (a start without WhatsApp loads no Baileys: 1.53 → 1.27 s of CPU a server start), and each
 * source file keeps its own `import.meta.url`, so what the code finds beside itself (migrations, locales, the web
 * chat's files, the database worker) it finds where it is in the tree. Cached under a hash of the sources'
 * names, sizes and change times, so a run after the first, or one test file, does not build them again.
 * Returns the folder holding `main.mjs` and `cli.mjs`.
 */
export async function buildProcessBundles(): Promise<string> {
  const dir = path.join(CACHE_DIR, await sourcesHash());
  if (existsSync(path.join(dir, "cli.mjs"))) return dir;
  await buildCached(dir, (building) =>
    build({
      entryPoints: ENTRIES,
      outdir: building,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      // what the code imports only when needed (WhatsApp and Baileys, the server after the settings are read)
      // stays in chunks of its own, loaded when it is: one file would load all of it at every start
      splitting: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      plugins: [keepOwnUrls],
      logLevel: "warning",
    }).then(() => {}),
  );
  return dir;
}

/** Each of Lentera's own files keeps the `import.meta.url` of its place in the tree, not the bundle's. */
const keepOwnUrls: Plugin = {
  name: "keep-own-import-meta-url",
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]src[\\/].*\.(ts|tsx|js|mjs)$/ }, async (args) => {
      const ext = path.extname(args.path).slice(1);
      const source = await readFile(args.path, "utf8");
      return {
        contents: source.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
        loader: ext === "tsx" ? "tsx" : ext === "ts" ? "ts" : "js",
      };
    });
  },
};

async function sourcesHash(): Promise<string> {
  const hash = createHash("sha256");
  const files = (await readdir("src", { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...files, "package-lock.json", "tsconfig.json", "test/support/build-process-bundles.ts"]) {
    const { size, mtimeMs } = await stat(file);
    hash.update(`${file}\0${size}\0${mtimeMs}\0`);
  }
  return hash.digest("hex").slice(0, 16);
}
