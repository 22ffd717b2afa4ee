import { mkdir, open, readFile, rm, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";

/** What a caller gets back: a PostgreSQL URL for `@prisma/adapter-pg`, and how to let go of it. */
export type EmbeddedPostgres = { url: string; owner: boolean; close: () => Promise<void> };

const SOCKET_NAME = ".s.PGSQL.5432";
const LOCK_NAME = "pglite.lock";
const MAX_SOCKET_CONNECTIONS = 16;

/**
 * PGlite's defaults are a server's (128 MB of shared buffers, 4 MB of WAL buffers), and its WebAssembly memory
 * never shrinks: one process serving one helpline does not need them. 16 MB of buffers keeps idle RSS some
 * 130 MB lower (scripts/bench.ts prints it) and holds the hot tables of tens of thousands of tickets.
 */
const EMBEDDED_SETTINGS = ["shared_buffers = 16MB", "wal_buffers = 1MB"];

const WORKER_URL = new URL("./embedded-postgres-worker.mjs", import.meta.url);

/**
 * Serves the embedded PGlite database of `dataDir` on a unix socket, so that the server, the CLI and the
 * Prisma migration tool all reach one database the same way they would reach a PostgreSQL server.
 *
 * The database runs in a worker thread (embedded-postgres-worker.mjs): PostgreSQL's own work — about a third
 * of a turn's CPU — then runs beside the request path instead of on it, on a second core when there is one.
 * A new folder is first created (initdb) by a short-lived child process: initdb leaves some 450 MB of
 * WebAssembly and native memory behind that the serving database never needs, and only ending the process
 * gives all of it back (idle RSS after a fresh start ~650 → ~210 MB of the database's share).
 *
 * PGlite lets only one process open its folder. The first process to start owns it (a lock file with its pid
 * guards the folder); every other process connects through the owner's socket. A lock left by a process
 * that died is taken over.
 *
 * @example const pg = await startEmbeddedPostgres("./data"); // pg.url → postgresql://…?host=/abs/data
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = path.resolve(dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const socketPath = path.join(dir, SOCKET_NAME);
  const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}`;

  if (await canConnect(socketPath)) return { url, owner: false, close: async () => {} };

  const lockPath = path.join(dir, LOCK_NAME);
  await takeLock(lockPath);
  await rm(socketPath, { force: true });
  const pgdata = path.join(dir, "pgdata");
  try {
    if (!(await exists(path.join(pgdata, "PG_VERSION")))) await createDatabase(pgdata);
    const served = await runWorker({ pgdata, socketPath });
    return {
      url,
      owner: true,
      close: async () => {
        served.worker.postMessage("close");
        await served.closed;
        await rm(socketPath, { force: true });
        await rm(lockPath, { force: true });
      },
    };
  } catch (error) {
    await rm(lockPath, { force: true });
    throw error;
  }
}

/** initdb in a process of its own, which then exits */
async function createDatabase(pgdata: string): Promise<void> {
  const options = JSON.stringify({ pgdata, settings: EMBEDDED_SETTINGS });
  await promisify(execFile)(process.execPath, [fileURLToPath(WORKER_URL), options], { timeout: 300_000 });
}

type RunningWorker = { worker: Worker; closed: Promise<void> };

/**
 * Starts the database worker and resolves once it serves. A serving worker that fails later takes the process down with it, as PGlite
 * failing on the main thread would: the database is gone, and the supervisor restarts the process.
 */
function runWorker(data: { pgdata: string; socketPath: string }): Promise<RunningWorker> {
  const worker = new Worker(WORKER_URL, {
    workerData: { ...data, settings: EMBEDDED_SETTINGS, maxConnections: MAX_SOCKET_CONNECTIONS },
  });
  let state: "starting" | "serving" | "closing" = "starting";
  let onClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      if (state === "starting") return reject(error);
      if (state === "serving") throw new Error("The embedded database stopped unexpectedly", { cause: error });
    };
    worker.on("message", (message: { type: "ready" } | { type: "closed" } | { type: "error"; message: string }) => {
      if (message.type === "error") return fail(new Error(`The embedded database failed: ${message.message}`));
      if (message.type === "ready") {
        state = "serving";
        return resolve({ worker, closed });
      }
      state = "closing"; // closed after "close"
      void worker.terminate();
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      onClosed();
      if (state !== "closing") fail(new Error(`The embedded database's thread exited (code ${code})`));
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function takeLock(lockPath: string): Promise<void> {
  try {
    const handle = await open(lockPath, "wx", 0o600);
    await handle.writeFile(String(process.pid));
    await handle.close();
  } catch (error) {
    if (!isCode(error, "EEXIST")) throw error;
    const pid = Number((await readFile(lockPath, "utf8")).trim());
    if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${path.dirname(lockPath)} is in use by process ${pid}, but its socket does not answer. ` +
          `Stop that process, or set DATA_DIR to another folder.`,
        { cause: error },
      );
    }
    await rm(lockPath, { force: true });
    return takeLock(lockPath);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, "EPERM");
  }
}

async function canConnect(socketPath: string): Promise<boolean> {
  if (!(await exists(socketPath))) return false;
  return new Promise((resolve) => {
    const socket = net.connect(socketPath);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}
