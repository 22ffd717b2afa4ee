import { randomBytes } from "node:crypto";
import type pg from "pg";

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
 * statements outlive a connection and are seen by every client: names carry a random prefix of this client,
 * and a new connection (after one was lost) gets fresh names and first deallocates the old ones.
 */
export function createStatementNames(max = MAX_PREPARED_STATEMENTS) {
  const prefix = `lentera_${randomBytes(4).toString("hex")}`;
  let epoch = 0;
  let names = new Map<string, string>();
  return {
    /** for the pool's "connect" event (queries queued here run before any other on the connection) */
    onConnect(client: pg.PoolClient) {
      const old = [...names.values()];
      epoch += 1;
      names = new Map();
      for (const name of old) client.query(`DEALLOCATE ${name}`).catch(() => {});
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
