// @ts-check
// The embedded PGlite database, run in a worker thread (see start-embedded-postgres.ts for why). Plain
// JavaScript so that it loads in any host: the server under tsx, and the test runner, which does not hand its
// TypeScript loader to worker threads.
//
// As a worker thread (workerData: { pgdata, socketPath, settings, maxConnections }) it serves the database on
// the socket until told "close", and tells its parent { type: "ready" } | { type: "closed" } | { type: "error" }.
// As a child process (`node embedded-postgres-worker.mjs '<the same options as JSON>'`, no socket) it only
// creates the database (initdb), closes it and exits 0.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

/** @type {{ pgdata: string, socketPath?: string, settings: string[], maxConnections: number }} */
const options = parentPort ? workerData : JSON.parse(process.argv[2] ?? "{}");

if (!parentPort) {
  const db = await PGlite.create(options.pgdata, { postgresqlconf: options.settings });
  await db.close();
} else {
  await serve(parentPort);
}

/** @param {import("node:worker_threads").MessagePort} port */
async function serve(port) {
  try {
    const db = await PGlite.create(options.pgdata, { postgresqlconf: options.settings });
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    const server = new PGLiteSocketServer({ db, path: options.socketPath, maxConnections: options.maxConnections });
    await server.start();
    port.on("message", async (message) => {
      if (message !== "close") return;
      await server.stop();
      await db.close();
      port.postMessage({ type: "closed" });
      port.close();
    });
    port.postMessage({ type: "ready" });
  } catch (error) {
    port.postMessage({
      type: "error",
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
}
