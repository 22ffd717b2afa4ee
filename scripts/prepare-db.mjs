// `npm run prepare:db` (run before `npm start`, `npm test` and the typecheck): generates the Prisma client
// into src/db/generated, unless what it would generate from is unchanged since the last time. `prisma
// generate` takes about two seconds of every start and test run; the client depends only on the schema and
// the installed Prisma, so a hash of those (kept beside the client) tells when it must run again.
// Plain JavaScript: it runs before anything else, without a TypeScript loader.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const OUTPUT = "src/db/generated";
const STAMP = `${OUTPUT}/.inputs-hash`;
const INPUTS = [
  "prisma/schema.prisma",
  "prisma.config.ts",
  "node_modules/prisma/package.json",
  "node_modules/@prisma/client/package.json",
];

const hash = createHash("sha256");
for (const file of INPUTS) hash.update(`${file}\0`).update(readFileSync(file));
const inputs = hash.digest("hex");

const fresh = existsSync(`${OUTPUT}/client.ts`) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === inputs;
if (!fresh || process.argv.includes("--force")) {
  const generate = spawnSync("node_modules/.bin/prisma", ["generate"], { stdio: "inherit" });
  if (generate.status !== 0) process.exit(generate.status ?? 1);
  writeFileSync(STAMP, inputs);
}
