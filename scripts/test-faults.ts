// Load-and-fault test of delivery against the real server process (not part of `npm test`).
//
//   npm run test:faults                       # PGlite scenarios, plus PostgreSQL ones when PostgreSQL 15 is installed
//   npm run test:faults -- --chats 30 --only redeliver,two-instances
//
// Telegram's side is simulated as Telegram behaves: each chat's updates are posted one after another, and an
// update is posted again until it gets a 200. Replies are collected by a local fake Bot API. Each chat's
// replies are compared with a fault-free baseline run: lost, doubled and out-of-order must all be 0.
// For PostgreSQL the script runs its own throwaway cluster (initdb into a temp folder, its own port), so it can
// stop and start it without touching anyone else's database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { postUpdate } from "./bench/telegram-stream.ts";
import { freePort } from "./support/free-port.ts";
import { npmStartArgs } from "./support/npm-start-args.ts";
import { startFakeTelegramApi, type FakeTelegramApi } from "../test/support/fake-telegram-api.ts";

const { values } = parseArgs({
  options: {
    chats: { type: "string", default: "20" },
    only: { type: "string" },
    verbose: { type: "boolean", default: false },
  },
});
const CHATS = Number(values.chats);
const ONLY = values.only ? new Set(values.only.split(",")) : undefined;
const SECRET = "faults-secret-0123456789abcdef";
const PG_BIN = "/usr/lib/postgresql/15/bin";
/** each person's conversation: start, language, consent, a story with indicators, menu, an emergency */
const STREAM = [
  "/start",
  "1",
  "1",
  "saya kerja di pabrik di Malaysia, paspor saya ditahan majikan dan gaji tidak dibayar",
  "menu",
  "2",
  "tolong saya disekap",
  "menu",
];

type Row = {
  scenario: string;
  sent: number;
  acknowledged: number;
  delivered: number;
  lost: number;
  doubled: number;
  outOfOrder: number;
  note: string;
};
type Replies = Map<number, string[]>;

const cleanup: (() => Promise<void>)[] = [];
const rows: Row[] = [];

try {
  await main();
} finally {
  for (const undo of cleanup.reverse()) await undo().catch(() => {});
}

async function main() {
  const api = await startFakeTelegramApi();
  cleanup.push(() => api.close());
  const want = (name: string) => !ONLY || ONLY.has(name);

  // Baseline: one instance on PGlite, no faults.
  const baseline = await runScenario(api, { name: "baseline (PGlite)", instances: 1, database: await pgliteDir() });
  const expected = baseline.replies;
  // A baseline with no replies makes every comparison read "0 lost": refuse it (a broken build, a stale client).
  if ([...expected.values()].every((replies) => replies.length === 0))
    throw new Error("the fault-free baseline delivered no reply: nothing can be compared (is the build broken?)");
  rows.push(compare("baseline (PGlite)", baseline, expected, ""));

  if (want("redeliver")) {
    const run = await runScenario(api, {
      name: "redeliver",
      instances: 1,
      database: await pgliteDir(),
      copies: 5,
    });
    rows.push(compare("every update posted 5× (PGlite)", run, expected, ""));
  }
  if (want("bot-api-faults")) {
    const run = await runScenario(api, {
      name: "bot-api-faults",
      instances: 1,
      database: await pgliteDir(),
      onStart: () => {
        // a burst of Bot API trouble: 5xx, 429 with retry_after, dropped connections
        for (let i = 0; i < 6; i++) {
          api.passNext("sendMessage", 3);
          api.failNext("sendMessage", { status: 502 });
          api.passNext("sendMessage", 2);
          api.failNext("sendMessage", { status: 429, retryAfter: 1 });
          api.passNext("sendMessage", 2);
          api.failNext("sendMessage", { status: "network" });
        }
      },
    });
    rows.push(compare("Bot API 5xx / 429 / drops (PGlite)", run, expected, ""));
  }
  if (want("kill-migrations"))
    rows.push(await killDuringMigrations("PGlite", async () => ({ dataDir: await tempDir() })));

  const pgServer = await startPrivatePostgres();
  if (!pgServer) {
    rows.push(empty("PostgreSQL scenarios", "skipped: PostgreSQL 15 binaries not found"));
  } else {
    const fresh = async () => ({ databaseUrl: await pgServer.createDatabase(), dataDir: await tempDir() });
    if (want("two-instances")) {
      const run = await runScenario(api, { name: "two-instances", instances: 2, database: await fresh(), copies: 2 });
      rows.push(compare("two instances, one PostgreSQL, updates spread, 2×", run, expected, ""));
    }
    if (want("pg-outage")) {
      let survived = true;
      const run = await runScenario(api, {
        name: "pg-outage",
        instances: 2,
        database: await fresh(),
        paceMs: 400,
        onStart: async (children) => {
          await sleep(1500);
          pgServer.stop();
          await sleep(15_000);
          survived = children.every((child) => child.exitCode === null && child.signalCode === null);
          pgServer.start();
        },
      });
      rows.push(
        compare(
          "PostgreSQL stopped 15 s under traffic (2 instances)",
          run,
          expected,
          survived ? "servers survived" : "A SERVER DIED",
        ),
      );
    }
    if (want("kill-migrations")) rows.push(await killDuringMigrations("PostgreSQL", fresh));
  }
  printTable(rows);
  const bad = rows.some((r) => r.lost || r.doubled || r.outOfOrder || /DIED|failed to come up/.test(r.note));
  process.exitCode = bad ? 1 : 0;
}

type Database = { dataDir: string; databaseUrl?: string };

/** Starts `instances` servers on one database, drives CHATS conversations through them, collects replies. */
async function runScenario(
  api: FakeTelegramApi,
  options: {
    name: string;
    instances: number;
    database: Database;
    copies?: number;
    paceMs?: number;
    onStart?: (children: ChildProcess[]) => void | Promise<void>;
  },
) {
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  for (let i = 0; i < options.instances; i++) servers.push(await startServer(api, options.database, i));
  const chatBase = 100_000 + Math.floor(Math.random() * 800_000);
  const chatIds = Array.from({ length: CHATS }, (_, i) => chatBase + i * 7);
  const before = new Map(chatIds.map((id) => [id, api.sentTo(id).length]));
  let sent = 0;
  let acknowledged = 0;
  let updateId = Math.floor(Math.random() * 1_000_000);
  const faults = options.onStart?.(servers.map((s) => s.child));
  await Promise.all(
    chatIds.map(async (chatId, chatIndex) => {
      for (const text of STREAM) {
        const update = textUpdate(api, chatId, ++updateId, text);
        sent += 1;
        const copies = options.copies ?? 1;
        // Telegram posts to whichever instance the balancer picks; the copies of one update may land anywhere
        await Promise.all(
          Array.from({ length: copies }, (_, copy) =>
            postUntilOk(servers[(chatIndex + copy + updateId) % servers.length]!.url, update),
          ),
        );
        acknowledged += 1;
        if (options.paceMs) await sleep(options.paceMs);
      }
    }),
  );
  await faults;
  // wait until delivery is quiet: no new reply for 4 s (or 90 s in all)
  let last = -1;
  let quietSince = Date.now();
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const count = chatIds.reduce((n, id) => n + api.sentTo(id).length, 0);
    if (count !== last) {
      last = count;
      quietSince = Date.now();
    } else if (Date.now() - quietSince > 4_000) break;
    await sleep(250);
  }
  for (const server of servers) await server.stop();
  const replies: Replies = new Map();
  chatIds.forEach((id, index) =>
    replies.set(
      index,
      api
        .sentTo(id)
        .slice(before.get(id))
        .map((m) => normalize(m.text)),
    ),
  );
  return { sent, acknowledged, replies };
}

function textUpdate(api: FakeTelegramApi, chatId: number, updateId: number, text: string) {
  const from = { id: chatId, is_bot: false, first_name: "Uji", language_code: "id" };
  const command = /^\/\w+/.exec(text);
  return {
    update_id: updateId,
    message: {
      message_id: api.nextMessageId(chatId),
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "Uji" },
      from,
      text,
      ...(command ? { entities: [{ type: "bot_command", offset: 0, length: command[0].length }] } : {}),
    },
  };
}

/** Telegram's side: post again (after a short wait) until the answer is 200. */
async function postUntilOk(url: string, update: unknown) {
  for (let attempt = 0; ; attempt++) {
    if ((await postUpdate(url, SECRET, update)) === 200) return;
    await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 4)));
  }
}

async function startServer(api: FakeTelegramApi, database: Database, index: number) {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: values.verbose ? "info" : "error",
    DATA_DIR: database.databaseUrl ? path.join(database.dataDir, `instance-${index}`) : database.dataDir,
    ENCRYPTION_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.url,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_MODE: "webhook",
    ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
  };
  const child = spawn(process.execPath, npmStartArgs(), {
    env,
    stdio: ["ignore", "pipe", values.verbose ? "inherit" : "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  cleanup.push(async () => void (child.exitCode === null && child.kill("SIGKILL")));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!/Lentera is running/.test(stdout)) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`instance ${index} did not start: ${stderr.slice(-2000)}`);
    await sleep(100);
  }
  return {
    url,
    child,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * kill -9 at several moments of a first start's migrations, then every next start must come up (twice).
 * The moment is taken from the database itself: on PGlite once its socket appears (the next thing the server
 * does is migrate), on PostgreSQL once the migration advisory lock is held.
 */
async function killDuringMigrations(kind: string, freshDatabase: () => Promise<Database>): Promise<Row> {
  const delaysMs = [0, 15, 40, 100, 250];
  let ok = 0;
  let hit = 0;
  for (const delayMs of delaysMs) {
    const database = await freshDatabase();
    const env = {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "error",
      DATA_DIR: database.dataDir,
      ENCRYPTION_KEY: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
    };
    const victim = spawn(process.execPath, npmStartArgs(), { env, stdio: "ignore" });
    await migrationsStarted(database, victim);
    await sleep(delayMs);
    if (database.databaseUrl ? await migrationsRunning(database.databaseUrl) : true) hit += 1;
    victim.kill("SIGKILL");
    await new Promise((resolve) => (victim.exitCode !== null ? resolve(null) : victim.once("exit", resolve)));
    let up = 0;
    for (let round = 0; round < 2; round++) {
      const next = spawn(process.execPath, npmStartArgs(), {
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      next.stdout.on("data", (chunk) => (out += chunk));
      const deadline = Date.now() + 120_000;
      while (!/Lentera is running/.test(out) && next.exitCode === null && Date.now() < deadline) await sleep(100);
      if (/Lentera is running/.test(out)) up += 1;
      next.kill("SIGTERM");
      await new Promise((resolve) => (next.exitCode !== null ? resolve(null) : next.once("exit", resolve)));
    }
    if (up === 2) ok += 1;
  }
  const where = kind === "PostgreSQL" ? `, ${hit} killed with the migration lock held` : "";
  return empty(
    `kill -9 during the first start's migrations (${kind})`,
    ok === delaysMs.length
      ? `${ok}/${delaysMs.length} databases${where}: every next start came up`
      : `${delaysMs.length - ok}/${delaysMs.length} failed to come up`,
  );
}

async function migrationsStarted(database: Database, child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    if (
      database.databaseUrl
        ? await migrationsRunning(database.databaseUrl)
        : existsSync(path.join(database.dataDir, ".s.PGSQL.5432"))
    )
      return;
    await sleep(database.databaseUrl ? 2 : 10);
  }
}

async function migrationsRunning(url: string): Promise<boolean> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  try {
    await client.connect();
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 AND granted",
    );
    return rows[0].n > 0;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function compare(
  scenario: string,
  run: { sent: number; acknowledged: number; replies: Replies },
  expected: Replies,
  note: string,
): Row {
  let lost = 0;
  let doubled = 0;
  let outOfOrder = 0;
  let delivered = 0;
  for (const [chat, want] of expected) {
    const got = run.replies.get(chat) ?? [];
    delivered += got.length;
    const counts = new Map<string, number>();
    for (const text of want) counts.set(text, (counts.get(text) ?? 0) + 1);
    for (const text of got) counts.set(text, (counts.get(text) ?? 0) - 1);
    for (const balance of counts.values()) {
      if (balance > 0) lost += balance;
      if (balance < 0) doubled -= balance;
    }
    if (got.length === want.length && got.some((text, i) => text !== want[i])) outOfOrder += 1;
  }
  return { scenario, sent: run.sent, acknowledged: run.acknowledged, delivered, lost, doubled, outOfOrder, note };
}

function empty(scenario: string, note: string): Row {
  return { scenario, sent: 0, acknowledged: 0, delivered: 0, lost: 0, doubled: 0, outOfOrder: 0, note };
}

/** Reference codes are random per run; everything else in a reply is deterministic. */
function normalize(text: string): string {
  return text.replace(/LNT-[A-Z0-9]{6}/g, "LNT-XXXXXX");
}

function printTable(table: Row[]) {
  const head = ["scenario", "sent", "acknowledged", "delivered", "lost", "doubled", "out of order", "note"];
  const lines = table.map((r) => [
    r.scenario,
    String(r.sent),
    String(r.acknowledged),
    String(r.delivered),
    String(r.lost),
    String(r.doubled),
    String(r.outOfOrder),
    r.note,
  ]);
  process.stdout.write(`\n| ${head.join(" | ")} |\n|${head.map(() => "---").join("|")}|\n`);
  for (const line of lines) process.stdout.write(`| ${line.join(" | ")} |\n`);
  process.stdout.write("\n");
}

/** A throwaway PostgreSQL 15 cluster in a temp folder on its own port (run as `postgres` when we are root). */
async function startPrivatePostgres() {
  if (!existsSync(path.join(PG_BIN, "initdb"))) return undefined;
  const dir = await mkdtemp(path.join(os.tmpdir(), "lentera-faults-pg-"));
  await chmod(dir, 0o777);
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const result = asRoot
      ? spawnSync("runuser", ["-u", "postgres", "--", path.join(PG_BIN, command), ...args], { encoding: "utf8" })
      : spawnSync(path.join(PG_BIN, command), args, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  };
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const start = () =>
    run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c fsync=off`, "start"]);
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  cleanup.push(async () => {
    try {
      stop();
    } catch {
      // already stopped
    }
    await rm(dir, { recursive: true, force: true });
  });
  let counter = 0;
  return {
    stop,
    start,
    async createDatabase() {
      const name = `lentera_faults_${process.pid}_${++counter}`;
      const { default: pg } = await import("pg");
      const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return `postgresql://postgres@127.0.0.1:${port}/${name}`;
    },
  };
}

async function pgliteDir(): Promise<Database> {
  return { dataDir: await tempDir() };
}

async function tempDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "lentera-faults-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
