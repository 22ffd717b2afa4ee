// The floor of one durable write per message: a bare Hono server that stores each update and answers 200.
// Started by scripts/bench.ts with PORT and either DATA_DIR (embedded PGlite) or DATABASE_URL (PostgreSQL).
import { serve } from "@hono/node-server";
import { PGlite } from "@electric-sql/pglite";
import { Hono } from "hono";
import pg from "pg";

const env = process.env as Record<string, string>;
type Store = (body: string) => Promise<unknown>;
const DDL = "CREATE TABLE IF NOT EXISTS bench_update (id bigserial PRIMARY KEY, body jsonb NOT NULL)";
const INSERT = "INSERT INTO bench_update (body) VALUES ($1)";

async function openStore(): Promise<Store> {
  if (env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
    await pool.query(DDL);
    return (body) => pool.query(INSERT, [body]);
  }
  const db = await PGlite.create(env.DATA_DIR!);
  await db.query(DDL);
  return (body) => db.query(INSERT, [body]);
}

const store = await openStore();
const app = new Hono();
app.post("/webhooks/telegram", async (c) => {
  await store(await c.req.text());
  return c.body(null, 200);
});
serve({ fetch: app.fetch, port: Number(env.PORT), hostname: "127.0.0.1" }, () => console.log("ready"));
