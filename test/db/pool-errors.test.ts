import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPrismaClient } from "../../src/db/create-prisma-client.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";

// The database "restarting" under a pooled client: a proxy between the pool and the embedded database that
// can cut every connection (what PostgreSQL does with 57P01 on a restart) and refuse new ones for a while.
let lentera: TestLentera;
let proxyDir: string;
let proxy: net.Server | undefined;
const open = new Set<net.Socket>();

beforeAll(async () => {
  lentera = await createTestLentera();
  proxyDir = await mkdtemp(path.join(os.tmpdir(), "lentera-proxy-"));
});
afterAll(async () => {
  await stopProxy();
  await lentera?.close();
  await rm(proxyDir, { recursive: true, force: true });
});

const upstream = () => {
  const host = new URL(lentera.databaseUrl).searchParams.get("host");
  return host ? path.join(host, ".s.PGSQL.5432") : undefined;
};

async function startProxy() {
  const target = upstream();
  proxy = net.createServer((client) => {
    const server = net.connect(target!);
    open.add(client).add(server);
    client.pipe(server).pipe(client);
    const drop = () => {
      client.destroy();
      server.destroy();
    };
    client.on("error", drop).on("close", drop);
    server.on("error", drop).on("close", drop);
  });
  await new Promise<void>((resolve) => proxy!.listen(path.join(proxyDir, ".s.PGSQL.5432"), resolve));
}

async function stopProxy() {
  for (const socket of open) socket.destroy();
  open.clear();
  if (proxy) await new Promise<void>((resolve) => proxy!.close(() => resolve()));
  proxy = undefined;
}

test.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  "connections cut under the pool never crash the process; queries fail while the database is away, then work again",
  { timeout: 60_000 },
  async () => {
    await startProxy();
    const errors: string[] = [];
    const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(proxyDir)}`;
    const db = createPrismaClient(url, { maxConnections: 2, onConnectionError: (e) => errors.push(e.message) });
    try {
      expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      // a restart: every connection is cut while the pooled client sits idle (an 'error' event on it)
      await stopProxy();
      await new Promise((r) => setTimeout(r, 200));
      expect(errors.length).toBeGreaterThan(0);
      // still down: the query fails (the webhook answers 500 and Telegram retries), nothing crashes
      await expect(db.$queryRaw`SELECT 1`).rejects.toThrow();
      // back: the pool reconnects on the next query
      await startProxy();
      expect(await db.$queryRaw`SELECT 2 AS two`).toEqual([{ two: 2 }]);
    } finally {
      await db.$disconnect();
    }
  },
);
