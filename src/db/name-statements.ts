import { randomBytes } from "node:crypto";

/**
 * How many distinct statements are kept prepared at most. A turn and its delivery use a few dozen; statements
 * whose text varies (an insert of n rows, an `IN` list of n values) stop being named once the budget is spent,
 * so the database's memory for plans stays bounded.
 */
export const MAX_PREPARED_STATEMENTS = 200;

/**
 * Names for the statements Prisma sends to the embedded database, so that `pg` prepares each distinct SQL text
 * once and then only binds and executes it: PostgreSQL skips parsing it and, once its plan is generic, planning
 * it — work that runs in this process when the database is the embedded PGlite (issue #18).
 *
 * The embedded PGlite is one PostgreSQL session whatever the number of connections to its socket, so prepared
 * statements outlive a connection and are seen by every client: names carry a random prefix of this client, and
 * a new connection after the first (one was lost) gets fresh names, so that it never prepares a name the session
 * still holds. The lost connection's statements stay in the session (at most `max` per reconnection, and with
 * the database in this process a connection is lost only when something is badly wrong).
 */
export function createStatementNames(max = MAX_PREPARED_STATEMENTS) {
  const prefix = `lentera_${randomBytes(4).toString("hex")}`;
  let connections = 0;
  let epoch = 0;
  let names = new Map<string, string>();
  return {
    /** for the pool's "connect" event */
    onConnect() {
      connections += 1;
      // names given before the first connection were never prepared anywhere: they stay
      if (connections === 1) return;
      epoch += 1;
      names = new Map();
    },
    /** the statement's name, or undefined (unnamed: parsed each time) once the budget is spent */
    name(query: { sql: string }): string {
      let name = names.get(query.sql);
      if (name === undefined && names.size < max) {
        name = `${prefix}_${epoch}_${names.size}`;
        names.set(query.sql, name);
      }
      return name as string;
    },
  };
}
