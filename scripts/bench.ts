// Throughput side by side, in one run, interleaved: Lentera (embedded PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), a bare grammY+Hono echo bot, and a store-and-200 floor (one durable write per
// update), driven by the same Telegram conversation stream at several user counts, against one local fake
// Bot API that answers after `--api-latency` ms.
//
//   npm run bench                                  # 10/50/200 users, 10 s each
//   npm run bench -- --users 10,50 --seconds 5 --only lentera-pglite,floor-pglite
//   TEST_DATABASE_URL=postgresql://… npm run bench # adds the PostgreSQL targets
//   npm run bench -- --processes 2                 # Lentera as 2 processes on one PostgreSQL (needs the URL)
//
// Each user is a closed loop: it posts one update, waits for the 200, posts the next (an 18-update
// conversation, then a new person). Printed per target and level: updates acknowledged per second, the ratio
// to the floor on the same database, webhook latency p50/p95/p99, CPU per update (the server's own user+system
// time from /proc), replies delivered during the window and how long the rest took, and RSS (idle and after).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { freePort } from "./support/free-port.ts";
import { npmStartArgs } from "./support/npm-start-args.ts";
import { postUpdate, STREAM, toUpdate } from "./bench/telegram-stream.ts";
import { startFakeTelegramApi, type FakeTelegramApi } from "../test/support/fake-telegram-api.ts";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "10,50,200" },
    seconds: { type: "string", default: "10" },
    "api-latency": { type: "string", default: "50" },
    only: { type: "string" },
    processes: { type: "string", default: "1" },
    "drain-seconds": { type: "string", default: "60" },
    "warmup-seconds": { type: "string", default: "5" },
  },
});
const LEVELS = values.users.split(",").map(Number);
const WINDOW_MS = Number(values.seconds) * 1000;
const DRAIN_MS = Number(values["drain-seconds"]) * 1000;
const WARMUP_MS = Number(values["warmup-seconds"]) * 1000;
const PROCESSES = Number(values.processes);
const SECRET = "bench-secret-0123456789abcdef";
const TICKS = 100; // USER_HZ on Linux
const PG_URL = process.env.TEST_DATABASE_URL;

type Target = {
  name: string;
  database: "pglite" | "postgresql";
  urls: string[];
  children: ChildProcess[];
  /** does the target send its replies through the outbox (Lentera) rather than inline (echo)? */
  delivers: boolean;
  stop(): Promise<void>;
};
type Result = {
  target: string;
  users: number;
  acked: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  cpuMsPerUpdate: number;
  repliesInWindow: number;
  repliesAfter: number;
  drainSeconds: number;
  deliveredPerSecond: number;
  rssIdleMb: number;
  rssAfterMb: number;
};

const cleanup: (() => Promise<void>)[] = [];
try {
  await main();
} finally {
  for (const undo of cleanup.reverse()) await undo().catch(() => {});
}

async function main() {
  const api = await startFakeTelegramApi({ latencyMs: Number(values["api-latency"]) });
  cleanup.push(() => api.close());
  const wanted = (name: string) => !values.only || values.only.split(",").includes(name);
  const targets: Target[] = [];
  const idle = new Map<string, number>();
  const starters: [string, () => Promise<Target>][] = [
    ["lentera-pglite", () => startLentera(api, "pglite")],
    ["floor-pglite", () => startFloor("pglite")],
    ["echo", () => startEcho(api)],
  ];
  if (PG_URL) {
    starters.push(["lentera-postgresql", () => startLentera(api, "postgresql")]);
    starters.push(["floor-postgresql", () => startFloor("postgresql")]);
  }
  for (const [name, start] of starters) {
    if (!wanted(name)) continue;
    const target = await start();
    targets.push(target);
    await sleep(1500);
    idle.set(name, rssMb(target.children));
  }

  const results: Result[] = [];
  let chatSeq = 1_000_000 + Math.floor(Math.random() * 1_000_000);
  let updateId = 1;
  /** closed-loop users posting the stream until the deadline; the latencies of the updates answered 200 */
  async function drive(target: Target, users: number, ms: number): Promise<number[]> {
    const latencies: number[] = [];
    const deadline = performance.now() + ms;
    await Promise.all(
      Array.from({ length: users }, async (_, user) => {
        while (performance.now() < deadline) {
          const chatId = chatSeq++;
          for (const step of STREAM) {
            if (performance.now() >= deadline) return;
            const update = toUpdate(api, chatId, updateId++, step);
            const url = target.urls[(user + chatId) % target.urls.length]!;
            const started = performance.now();
            const status = await postUpdate(url, SECRET, update);
            if (status === 200) latencies.push(performance.now() - started);
          }
        }
      }),
    );
    return latencies;
  }
  /** waits until the fake Bot API has been quiet for 3 s (at most DRAIN_MS); when it last heard a call */
  async function quiet(): Promise<number> {
    const drainStart = performance.now();
    let last = api.calls.length;
    let quietSince = performance.now();
    while (performance.now() - drainStart < DRAIN_MS) {
      await sleep(200);
      if (api.calls.length !== last) {
        last = api.calls.length;
        quietSince = performance.now();
      } else if (performance.now() - quietSince > 3000) break;
    }
    return quietSince;
  }
  // The first seconds of a process are spent compiling (V8's and WebAssembly's tiers, Prisma's query plans):
  // a warm-up at the first level, not counted, so that the first measured level is not the slowest by default.
  if (WARMUP_MS > 0) {
    for (const target of targets) await drive(target, LEVELS[0] ?? 10, WARMUP_MS);
    await quiet();
  }
  for (const users of LEVELS) {
    for (const target of targets) {
      const sendsBefore = api.callsOf("sendMessage").length;
      const cpuBefore = cpuTicks(target.children);
      const began = performance.now();
      const latencies = await drive(target, users, WINDOW_MS);
      const seconds = (performance.now() - began) / 1000;
      const cpu = cpuTicks(target.children) - cpuBefore;
      const inWindow = api.callsOf("sendMessage").length - sendsBefore;
      // Replies still owed after the load stops: wait until the fake has been quiet for 3 s.
      const drainStart = performance.now();
      const drainSeconds = target.delivers ? ((await quiet()) - drainStart) / 1000 : 0;
      const total = api.callsOf("sendMessage").length - sendsBefore;
      latencies.sort((a, b) => a - b);
      const pct = (p: number) =>
        round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
      results.push({
        target: target.name,
        users,
        acked: latencies.length,
        perSecond: round(latencies.length / seconds),
        p50: pct(0.5),
        p95: pct(0.95),
        p99: pct(0.99),
        cpuMsPerUpdate: round(((cpu / TICKS) * 1000) / Math.max(1, latencies.length), 2),
        repliesInWindow: inWindow,
        repliesAfter: total - inWindow,
        drainSeconds: round(drainSeconds),
        deliveredPerSecond: round(total / (seconds + drainSeconds)),
        rssIdleMb: idle.get(target.name) ?? 0,
        rssAfterMb: rssMb(target.children),
      });
      printRow(results.at(-1)!);
    }
  }
  for (const target of targets) await target.stop();
  printTable(results);
}

async function startLentera(api: FakeTelegramApi, database: "pglite" | "postgresql"): Promise<Target> {
  const dataDir = await tempDir();
  const databaseUrl = database === "postgresql" ? await freshDatabase() : undefined;
  const count = database === "postgresql" ? PROCESSES : 1;
  const children: ChildProcess[] = [];
  const urls: string[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const child = await startChild(
      [
        ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
        ...npmStartArgs(),
      ],
      /Lentera is running/,
      {
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "error",
        DATA_DIR: path.join(dataDir, `instance-${i}`),
        ENCRYPTION_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        TELEGRAM_BOT_TOKEN: api.token,
        TELEGRAM_API_ROOT: api.url,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_MODE: "webhook",
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
    );
    children.push(child);
    urls.push(`http://127.0.0.1:${port}`);
  }
  const name = `lentera-${database}${count > 1 ? `×${count}` : ""}`;
  return { name, database, urls, children, delivers: true, stop: () => stopAll(children) };
}

async function startFloor(database: "pglite" | "postgresql"): Promise<Target> {
  const port = await freePort();
  const env: Record<string, string> =
    database === "postgresql" ? { DATABASE_URL: await freshDatabase() } : { DATA_DIR: await tempDir() };
  const child = await startChild(["--import", "tsx", "scripts/bench/floor-server.ts"], /ready/, {
    PORT: String(port),
    ...env,
  });
  const children = [child];
  return {
    name: `floor-${database}`,
    database,
    urls: [`http://127.0.0.1:${port}`],
    children,
    delivers: false,
    stop: () => stopAll(children),
  };
}

async function startEcho(api: FakeTelegramApi): Promise<Target> {
  const port = await freePort();
  const child = await startChild(["--import", "tsx", "scripts/bench/echo-bot.ts"], /ready/, {
    PORT: String(port),
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  });
  const children = [child];
  return {
    name: "echo",
    database: "pglite",
    urls: [`http://127.0.0.1:${port}`],
    children,
    delivers: false,
    stop: () => stopAll(children),
  };
}

async function startChild(args: string[], ready: RegExp, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (chunk) => (out += chunk));
  child.stderr!.on("data", (chunk) => (out += chunk));
  cleanup.push(async () => void (child.exitCode === null && child.kill("SIGKILL")));
  const deadline = Date.now() + 120_000;
  while (!ready.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${args.at(-1)} did not start: ${out}`);
    await sleep(100);
  }
  return child;
}

async function stopAll(children: ChildProcess[]) {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
}

/** A new database on the TEST_DATABASE_URL server, dropped at the end. */
async function freshDatabase(): Promise<string> {
  const name = `lentera_bench_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanup.push(async () => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  });
  const url = new URL(PG_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** user + system CPU ticks of the processes (and their threads) so far */
function cpuTicks(children: ChildProcess[]): number {
  return children.reduce((sum, child) => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return sum + Number(fields[11]) + Number(fields[12]);
  }, 0);
}

function rssMb(children: ChildProcess[]): number {
  return children.reduce((sum, child) => {
    const line = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
    return sum + Math.round(Number(line?.[1] ?? 0) / 1024);
  }, 0);
}

function printRow(r: Result) {
  console.error(
    `${r.target} @${r.users}: ${r.perSecond}/s, p99 ${r.p99} ms, cpu ${r.cpuMsPerUpdate} ms, replies ${r.repliesInWindow}+${r.repliesAfter} (${r.drainSeconds} s after)`,
  );
}

function printTable(results: Result[]) {
  const floor = (r: Result) =>
    results.find((f) => f.users === r.users && f.target === `floor-${r.target.split("-")[1]?.replace(/×\d+$/, "")}`);
  console.log(
    "| target | users | updates/s | ÷ floor | p50 ms | p95 ms | p99 ms | CPU ms/update | replies in window + after | drain s | delivered/s | RSS idle → after MB |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
  for (const r of results) {
    const f = floor(r);
    const ratio = f && r.target.startsWith("lentera") ? round(r.perSecond / f.perSecond, 3) : "";
    console.log(
      `| ${r.target} | ${r.users} | ${r.perSecond} | ${ratio} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.cpuMsPerUpdate} | ${r.repliesInWindow} + ${r.repliesAfter} | ${r.drainSeconds} | ${r.deliveredPerSecond} | ${r.rssIdleMb} → ${r.rssAfterMb} |`,
    );
  }
}

async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lentera-bench-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function round(value: number, digits = 1) {
  return Number(value.toFixed(digits));
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
