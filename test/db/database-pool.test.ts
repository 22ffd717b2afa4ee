import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterEach, expect, test } from "vitest";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";
import { startChat } from "../support/webchat-client.ts";

// The test Lenteras of one worker share databases (test/support/embedded-database-pool.ts, and
// server-database-pool.ts on PostgreSQL): what one test writes must be gone when the next one starts, and a
// database a test reshaped is never lent again.
const started: TestLentera[] = [];
afterEach(async () => {
  for (const lentera of started.splice(0)) await lentera.close();
});
const start = async (options?: Parameters<typeof createTestLentera>[0]) => {
  const lentera = await createTestLentera(options);
  started.push(lentera);
  return lentera;
};
const close = async (lentera: TestLentera) => {
  started.splice(started.indexOf(lentera), 1);
  await lentera.close();
};

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Every table's rows as text, ordered: the whole content of the database. */
function dumpTables(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (client) => {
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const dump: Record<string, string[]> = {};
    for (const { name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT t::text AS row FROM "${name}" t ORDER BY 1`);
      dump[name] = rows.rows.map((r) => r.row);
    }
    return dump;
  });
}

const embedded = !process.env.TEST_DATABASE_URL;

test("a test Lentera after another one on the same running database finds nothing the first one wrote", async () => {
  const first = await start();
  const fresh = await dumpTables(first.databaseUrl);
  const chat = await startChat(first.app, "en");
  await chat.say("my boss took my passport");
  await first.db.setting.create({ data: { key: "left-behind", value: { secret: "from the first test" } } });
  await writeFile(path.join(first.dataDir, "media-left-behind"), "a file of the first test");
  const firstKey = await readFile(path.join(first.dataDir, "encryption.key"), "utf8");
  const written = await dumpTables(first.databaseUrl);
  expect(written.Message!.length).toBeGreaterThan(fresh.Message!.length);
  await close(first);

  const second = await start();
  // the same database, lent again (otherwise this test proves nothing)
  expect(second.databaseUrl).toBe(first.databaseUrl);
  // embedded: the same folder, emptied of the first one's files
  if (embedded) expect(second.dataDir).toBe(first.dataDir);
  const now = await dumpTables(second.databaseUrl);
  // the same tables, holding as many rows as the first one found (what a start seeds), and not one row
  // the first test added: their ids are gone
  expect(Object.keys(now)).toEqual(Object.keys(fresh));
  for (const [table, rows] of Object.entries(fresh)) expect(now[table]!.length, table).toBe(rows.length);
  const idOf = (row: string) => row.slice(1).split(",")[0]!;
  const added = Object.entries(written).flatMap(([table, rows]) =>
    rows.filter((row) => !fresh[table]!.includes(row)).map((row) => ({ table, id: idOf(row) })),
  );
  expect(added.map((row) => row.table)).toEqual(expect.arrayContaining(["Contact", "Message", "Setting"]));
  for (const { table, id } of added) expect(now[table]!.map(idOf), table).not.toContain(id);
  expect(JSON.stringify(now)).not.toContain(chat.conversationId);
  expect(await second.db.setting.findUnique({ where: { key: "left-behind" } })).toBeNull();
  // the first one's files and key are gone: the second one generated a key of its own
  expect(existsSync(path.join(second.dataDir, "media-left-behind"))).toBe(false);
  expect(await readFile(path.join(second.dataDir, "encryption.key"), "utf8")).not.toBe(firstKey);
  // the first chat's token opens nothing, and a new chat's first message is numbered from the start again
  const old = await second.app.request(`/api/webchat/conversations/${chat.conversationId}/messages`, {
    headers: { authorization: `Bearer ${chat.token}` },
  });
  expect(old.status).toBeGreaterThanOrEqual(400);
  const again = await startChat(second.app, "en");
  const messages = await second.db.message.findMany({ where: { conversationId: again.conversationId } });
  expect(messages.map((m) => m.seq).sort()[0]).toBe(1n);
});

test("a database whose schema a test changed is not lent again", async () => {
  const first = await start();
  await first.db.$executeRawUnsafe(`CREATE TABLE "LeftBehind" (id INT)`);
  await close(first);
  const second = await start();
  expect(second.databaseUrl).not.toBe(first.databaseUrl);
  const found = await withClient(second.databaseUrl, (client) =>
    client.query(`SELECT to_regclass('"LeftBehind"') AS t`),
  );
  expect(found.rows).toEqual([{ t: null }]);
});

test("ownDatabase, or a DATA_DIR of the test's own, gives a Lentera that starts and stops its own database", async () => {
  const pooled = await start();
  const own = await start({ ownDatabase: true });
  expect(own.databaseUrl).not.toBe(pooled.databaseUrl);
  const dataDir = own.dataDir;
  await close(own);
  // a Lentera on its own database deletes it on close
  expect(existsSync(dataDir)).toBe(false);
});
