import { readFileSync } from "node:fs";

/**
 * The node arguments of `npm start` (its last command, `node … src/main.ts`), so a benchmark runs Lentera
 * exactly as it is started, with the same V8 settings.
 */
export function npmStartArgs(): string[] {
  const start = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
  const [command, ...args] = start.split("&&").at(-1)!.trim().split(/\s+/);
  if (command !== "node" || args.at(-1) !== "src/main.ts")
    throw new Error(`npm start is expected to end in "node … src/main.ts": ${start}`);
  return args;
}
