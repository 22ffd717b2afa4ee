import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { findCycles, readImports, SRC, type SourceFile } from "./read-imports.ts";

/**
 * The README's import rule, enforced by reading the imports of src/ (TypeScript's parser, no bundler):
 * a layer imports its own area, a toolkit, or a layer below it — never one above, never a sibling — and no
 * file takes part in an import cycle. Prisma is called only where data lives.
 */

/** Toolkits anyone may import; they import only each other (a leaf stays a leaf: Hono's HTTPException). */
const TOOLKITS = new Set(["config", "log", "crypto", "i18n", "events", "retry", "http"]);

/** Layers, highest first: each may import the ones after it (same rank = siblings, which may not). */
const RANK: Record<string, number> = {
  main: 8,
  boot: 7,
  cli: 6,
  api: 5,
  console: 5,
  channels: 5,
  casework: 4,
  outbox: 4,
  conversations: 3,
  engine: 2,
  domain: 1,
  db: 0,
};

/** Where Prisma may be called: the data layers, the composition root, and a channel's own store files. */
const PRISMA_AREAS = ["casework/", "conversations/", "domain/", "db/", "outbox/", "boot/"];
const CHANNEL_STORES = ["channels/whatsapp/create-db-auth-state.ts", "channels/whatsapp/create-lease.ts"];

/**
 * Prisma calls not yet moved behind a casework/conversation verb (issue #15, item 2). The list may only
 * shrink: an entry that no longer calls Prisma fails the test, so it is taken off when the file is fixed.
 */
const PRISMA_NOT_YET_MOVED: string[] = [];

const files = readImports();
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join("/");
const areaOf = (file: string) => {
  const first = rel(file).split("/")[0]!;
  return first.replace(/\.tsx?$/, "");
};
/** the channel a file belongs to (channels/<name>/…), to tell siblings apart */
const unitOf = (file: string) => {
  const parts = rel(file).split("/");
  return parts[0] === "channels" ? `channels/${parts[1]}` : areaOf(file);
};

/** Why `from` may not import `to`, or undefined when it may. */
function ruleBroken(from: SourceFile, to: string, typeOnly: boolean): string | undefined {
  const a = areaOf(from.file);
  const b = areaOf(to);
  if (unitOf(from.file) === unitOf(to)) return undefined;
  if (TOOLKITS.has(b)) return TOOLKITS.has(a) || a in RANK ? undefined : `unknown area ${a}`;
  if (TOOLKITS.has(a)) return `the toolkit ${a}/ imports ${b}/ (a toolkit imports only toolkits)`;
  if (!(a in RANK) || !(b in RANK)) return `unknown area ${!(a in RANK) ? a : b} (add it to RANK)`;
  // a sibling's public types (its types.ts) are its contract; its code is not
  if (RANK[a] === RANK[b] && typeOnly && path.basename(to) === "types.ts") return undefined;
  if (RANK[a]! < RANK[b]!) return `${a}/ imports ${b}/, a layer above it`;
  if (RANK[a] === RANK[b]) return `${unitOf(from.file)} imports ${unitOf(to)}, a sibling`;
  return undefined;
}

describe("imports of src/", () => {
  test("the reader sees the tree (a guard against a test that checks nothing)", () => {
    expect(files.length).toBeGreaterThan(100);
    const handleInbound = files.find((f) => rel(f.file) === "conversations/handle-inbound.ts")!;
    expect(handleInbound.valueImports.map(rel)).toContain("engine/run-turn.ts");
    const broken = ruleBroken(
      { file: path.join(SRC, "engine/run-turn.ts"), text: "", imports: [], valueImports: [] },
      path.join(SRC, "conversations/handle-inbound.ts"),
      false,
    );
    expect(broken).toBe("engine/ imports conversations/, a layer above it");
    expect(
      findCycles(
        [
          { file: "a", text: "", imports: ["b"], valueImports: ["b"] },
          { file: "b", text: "", imports: ["a"], valueImports: ["a"] },
        ],
        (f) => f.imports,
      ),
    ).toEqual([["a", "b"]]);
  });

  /**
   * Debt from the December merge of parallel work, to be paid like PRISMA_NOT_YET_MOVED: these lists can only
   * shrink (an entry that no longer occurs fails the test).
   */
  const KNOWN_CYCLES: string[] = [];
  const KNOWN_LAYER_DEBT: string[] = [];

  test("no import cycles, counting type imports too", () => {
    const cycles = findCycles(files, (f) => f.imports).map((cycle) => cycle.map(rel).join(" → "));
    expect(cycles.filter((cycle) => !KNOWN_CYCLES.includes(cycle))).toEqual([]);
    expect(KNOWN_CYCLES.filter((cycle) => !cycles.includes(cycle))).toEqual([]);
  });

  test("no upward or sideways imports; toolkits (http/, log/, …) import only toolkits", () => {
    const broken: string[] = [];
    for (const file of files) {
      const values = new Set(file.valueImports);
      for (const to of new Set(file.imports)) {
        const reason = ruleBroken(file, to, !values.has(to));
        if (reason) broken.push(`${rel(file.file)} → ${rel(to)}: ${reason}`);
      }
    }
    expect(broken.filter((edge) => !KNOWN_LAYER_DEBT.includes(edge))).toEqual([]);
    expect(KNOWN_LAYER_DEBT.filter((edge) => !broken.includes(edge))).toEqual([]);
  });

  test("Prisma is called only in casework/, conversations/, domain/, db/, outbox/, boot/ and a channel's store", () => {
    const models = [
      ...readFileSync(path.join(SRC, "../prisma/schema.prisma"), "utf8").matchAll(/^model (\w+) \{/gm),
    ].map((m) => m[1]![0]!.toLowerCase() + m[1]!.slice(1));
    expect(models).toContain("ticket");
    const call = new RegExp(
      `\\.(?:(?:${models.join("|")})\\.(?:find\\w*|create\\w*|update\\w*|upsert|delete\\w*|count|aggregate|groupBy)|\\$transaction|\\$queryRaw\\w*|\\$executeRaw\\w*)\\(`,
    );
    const callers = files
      .map((f) => rel(f.file))
      .filter((file) => !PRISMA_AREAS.some((area) => file.startsWith(area)) && !CHANNEL_STORES.includes(file))
      .filter((file) => call.test(files.find((f) => rel(f.file) === file)!.text));
    expect(callers.filter((file) => !PRISMA_NOT_YET_MOVED.includes(file))).toEqual([]);
    // the list only shrinks: a fixed file must come off it
    expect(PRISMA_NOT_YET_MOVED.filter((file) => !callers.includes(file))).toEqual([]);
  });
});
