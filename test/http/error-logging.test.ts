import { Hono } from "hono";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createErrorHandler } from "../../src/http/errors.ts";
import { createLogger } from "../../src/log/create-logger.ts";
import { createTestLentera, type TestLentera } from "../support/create-test-lentera.ts";

let lentera: TestLentera;
beforeAll(async () => {
  lentera = await createTestLentera();
});
afterAll(() => lentera?.close());

/** Issue 13, item 8: a database error is logged by its class and code, never by its message (which holds values). */
test("an unexpected database error is logged by code, without the values in its message", async () => {
  const lines: string[] = [];
  const log = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
  const app = new Hono();
  app.onError(createErrorHandler(log));
  app.get("/boom", async () => {
    await lentera.db.$queryRaw`SELECT ${"rina.secret@example.org"}::int`;
    return new Response("unreachable");
  });
  const res = await app.request("/boom");
  expect(res.status).toBe(500);
  expect(await res.text()).not.toContain("rina.secret");
  const logged = lines.join("\n");
  expect(logged).toContain("unhandled error");
  expect(logged).not.toContain("rina.secret");
  const entry = JSON.parse(lines.find((l) => l.includes("unhandled error"))!) as {
    err: { name: string; code?: string; sqlState?: string; frames: string[] };
  };
  expect(entry.err.name).toMatch(/Error/);
  expect(entry.err.code ?? entry.err.sqlState).toBeDefined();
  expect(entry.err.frames.length).toBeGreaterThan(0);
});
