// @ts-check
// Serves a PGlite database on a unix socket in PostgreSQL's wire protocol, for the embedded database's worker
// (embedded-postgres-worker.mjs). Plain JavaScript for the same reason as the worker.
//
// It replaces @electric-sql/pglite-socket's server, which hands PGlite one protocol message at a time and
// writes each answer on its own: a statement from `pg` (Parse, Bind, Describe, Execute, Sync) cost five passes
// into PGlite and five socket writes, each waking the server's thread. Here every complete message that has
// arrived goes to PGlite in one call (PGlite's loop takes as many messages as it is given) and the answers go
// back in one write (issue #18). Like pglite-socket, it serves several connections on PGlite's one session:
// their calls take turns, and while one connection is inside a transaction the others wait for it to end.
import net from "node:net";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
const TERMINATE = 0x58; // 'X'

/**
 * @param {import("@electric-sql/pglite").PGlite} db
 * @param {{ path: string, maxConnections: number }} options
 */
export function createPgliteSocketServer(db, options) {
  /** @type {Set<Connection>} */
  const connections = new Set();
  /** @type {{ connection: Connection, messages: Buffer }[]} */
  const queue = [];
  /** the connection of the last call: while PGlite is in a transaction, only its calls run */
  /** @type {Connection | null} */
  let last = null;
  let running = false;
  let stopped = false;

  async function pump() {
    if (running) return;
    running = true;
    try {
      while (queue.length && !stopped) {
        const index = last && db.isInTransaction() ? queue.findIndex((job) => job.connection === last) : 0;
        if (index === -1) break;
        const [job] = queue.splice(index, 1);
        if (!job || job.connection.closed) continue;
        /** @type {Buffer[]} */
        const answers = [];
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(job.messages, { onRawData: (data) => void answers.push(Buffer.from(data)) }),
          );
        } catch {
          // PGlite itself failed (not an SQL error, which is an answer): this connection cannot go on.
          job.connection.socket.destroy();
          continue;
        }
        last = job.connection;
        if (answers.length && !job.connection.closed)
          job.connection.socket.write(answers.length === 1 ? answers[0] : Buffer.concat(answers));
      }
    } finally {
      running = false;
    }
  }

  /** @param {Connection} connection */
  async function forget(connection) {
    if (connection.closed) return;
    connection.closed = true;
    connections.delete(connection);
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i]?.connection === connection) queue.splice(i, 1);
    if (stopped) return;
    // A connection lost inside its transaction: roll it back, so that the others can go on.
    if (last === connection) {
      last = null;
      if (db.isInTransaction()) await db.exec("ROLLBACK").catch(() => {});
    }
    void pump();
  }

  /** @param {net.Socket} socket */
  function accept(socket) {
    if (connections.size >= options.maxConnections) {
      socket.end("Too many connections\n");
      return;
    }
    /** @type {Connection} */
    const connection = { socket, started: false, closed: false, pending: Buffer.alloc(0) };
    connections.add(connection);
    socket.setNoDelay(true);
    socket.on("data", (chunk) => {
      connection.pending = connection.pending.length ? Buffer.concat([connection.pending, chunk]) : chunk;
      read(connection);
    });
    socket.on("error", () => void forget(connection));
    socket.on("close", () => void forget(connection));
  }

  /**
   * Takes the complete messages that have arrived: the untyped ones of the start (SSL and cancel requests are
   * declined, the startup message goes alone), then every typed message in one call; a Terminate closes.
   * @param {Connection} connection
   */
  function read(connection) {
    let buffer = connection.pending;
    while (!connection.started && buffer.length >= 8) {
      const length = buffer.readInt32BE(0);
      if (buffer.length < length) break;
      const code = buffer.readInt32BE(4);
      if (code === SSL_REQUEST) connection.socket.write("N");
      else if (code === PROTOCOL_3) {
        connection.started = true;
        enqueue(connection, buffer.subarray(0, length));
      }
      // a cancel request (or anything else untyped) is not supported: ignored
      else if (code !== CANCEL_REQUEST) {
        connection.socket.destroy();
        return;
      }
      buffer = buffer.subarray(length);
    }
    if (connection.started) {
      let end = 0;
      while (buffer.length - end >= 5) {
        const length = 1 + buffer.readInt32BE(end + 1);
        if (buffer.length - end < length) break;
        if (buffer[end] === TERMINATE) {
          if (end > 0) enqueue(connection, buffer.subarray(0, end));
          connection.pending = Buffer.alloc(0);
          connection.socket.end();
          return;
        }
        end += length;
      }
      if (end > 0) {
        enqueue(connection, buffer.subarray(0, end));
        buffer = buffer.subarray(end);
      }
    }
    connection.pending = buffer;
  }

  /** @param {Connection} connection @param {Buffer} messages */
  function enqueue(connection, messages) {
    queue.push({ connection, messages });
    void pump();
  }

  const server = net.createServer(accept);
  return {
    /** @returns {Promise<void>} */
    start: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.path, () => {
          server.off("error", reject);
          resolve();
        });
      }),
    /** @returns {Promise<void>} */
    stop: () =>
      new Promise((resolve) => {
        stopped = true;
        queue.length = 0;
        for (const connection of connections) connection.socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** @typedef {{ socket: net.Socket, started: boolean, closed: boolean, pending: Buffer }} Connection */
