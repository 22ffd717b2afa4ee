import { mkdir, open, readFile, rm, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

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

/**
 * Serves the embedded PGlite database of `dataDir` on a unix socket, so that the server, the CLI and the
 * Prisma migration tool all reach one database the same way they would reach a PostgreSQL server.
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
  // Loaded only by the owner: PGlite's runtime is large, and clients of the socket never need it.
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create(path.join(dir, "pgdata"), { postgresqlconf: EMBEDDED_SETTINGS });
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: MAX_SOCKET_CONNECTIONS });
  await server.start();
  return {
    url,
    owner: true,
    close: async () => {
      await server.stop();
      await db.close();
      await rm(socketPath, { force: true });
      await rm(lockPath, { force: true });
    },
  };
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
  const exists = await stat(socketPath).then(
    () => true,
    () => false,
  );
  if (!exists) return false;
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
