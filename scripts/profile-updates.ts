// CPU per Telegram update, without the side-by-side of `npm run bench`: starts one Lentera process (embedded
// PGlite, or DATABASE_URL), posts a fixed number of updates of the bench's conversation stream through the real
// webhook from a few closed-loop users, waits until every reply is delivered, and prints the process's user +
// system CPU per update — split by thread (the main thread, the embedded database's worker, the rest), which
// /proc keeps apart — so that a change to the hot path can be judged on a shared machine where wall-clock
// throughput is noise.
//
//   npx tsx scripts/profile-updates.ts                    # 1,800 updates, 10 users, PGlite
//   npx tsx scripts/profile-updates.ts --updates 3600 --users 20
//   npx tsx scripts/profile-updates.ts --cpu-prof /tmp/prof   # also writes a V8 CPU profile of the process
//   DATABASE_URL=postgresql://… npx tsx scripts/profile-updates.ts
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { npmStartArgs } from "./support/npm-start-args.ts";
import { freePort } from "./support/free-port.ts";
import { postUpdate, STREAM, toUpdate } from "./bench/telegram-stream.ts";
import { startFakeTelegramApi, type FakeTelegramApi } from "../test/support/fake-telegram-api.ts";

const { values } = parseArgs({
  options: {
    updates: { type: "string", default: "1800" },
    users: { type: "string", default: "10" },
    warmup: { type: "string", default: "360" },
    "cpu-prof": { type: "string" },
  },
});
const SECRET = "profile-secret-0123456789abcdef";
const TICKS = 100; // USER_HZ on Linux

const api = await startFakeTelegramApi({ latencyMs: 5 });
const dataDir = await mkdtemp(path.join(os.tmpdir(), "lentera-profile-"));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const child = spawn(
  process.execPath,
  [...(values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${values["cpu-prof"]}`] : []), ...npmStartArgs()],
  {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "error",
      DATA_DIR: dataDir,
      ENCRYPTION_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
      TELEGRAM_BOT_TOKEN: api.token,
      TELEGRAM_API_ROOT: api.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_MODE: "webhook",
    },
    stdio: ["ignore", "pipe", "pipe"],
  },
);
try {
  await ready(child, /Lentera is running/);
  let chatSeq = 5_000_000 + Math.floor(Math.random() * 1_000_000);
  let updateId = 1;
  const drive = async (total: number, users: number) => {
    let left = total;
    let failed = 0;
    await Promise.all(
      Array.from({ length: users }, async () => {
        while (left > 0) {
          const chatId = chatSeq++;
          for (const step of STREAM) {
            if (left-- <= 0) return;
            if ((await postUpdate(url, SECRET, toUpdate(api, chatId, updateId++, step))) !== 200) failed++;
          }
        }
      }),
    );
    await quiet(api);
    return failed;
  };
  await drive(Number(values.warmup), Number(values.users));
  const before = threadTicks(child.pid!);
  const sendsBefore = api.callsOf("sendMessage").length;
  const began = performance.now();
  const n = Number(values.updates);
  const failed = await drive(n, Number(values.users));
  const seconds = (performance.now() - began) / 1000;
  const after = threadTicks(child.pid!);
  const sends = api.callsOf("sendMessage").length - sendsBefore;
  const ms = (ticks: number) => ((ticks / TICKS) * 1000) / n;
  const lines = [...after].map(([name, ticks]) => [name, ms(ticks - (before.get(name) ?? 0))] as const);
  const total = lines.reduce((sum, [, v]) => sum + v, 0);
  console.log(
    `${n} updates (${failed} not 200), ${sends} replies sent, ${seconds.toFixed(1)} s incl. drain; CPU per update ${total.toFixed(2)} ms`,
  );
  for (const [name, v] of lines.sort((a, b) => b[1] - a[1]))
    if (v > 0.005) console.log(`  ${name}: ${v.toFixed(2)} ms`);
} finally {
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
}

/** user and system CPU ticks so far by thread name (the main thread is the one whose id is the pid) */
function threadTicks(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const name = Number(tid) === pid ? "main" : /\((.*)\)/.exec(stat)![1]!;
      const fields = stat.split(") ")[1]!.split(" ");
      out.set(`${name} user`, (out.get(`${name} user`) ?? 0) + Number(fields[11]));
      out.set(`${name} sys`, (out.get(`${name} sys`) ?? 0) + Number(fields[12]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

async function quiet(fake: FakeTelegramApi) {
  let last = fake.calls.length;
  let since = performance.now();
  while (performance.now() - since < 1500) {
    await new Promise((r) => setTimeout(r, 100));
    if (fake.calls.length !== last) {
      last = fake.calls.length;
      since = performance.now();
    }
  }
}

async function ready(proc: ChildProcess, line: RegExp) {
  let out = "";
  proc.stdout!.on("data", (chunk) => (out += chunk));
  proc.stderr!.on("data", (chunk) => (out += chunk));
  const deadline = Date.now() + 120_000;
  while (!line.test(out)) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`Lentera did not start: ${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
