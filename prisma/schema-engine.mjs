#!/usr/bin/env node
// A stand-in for Prisma's native schema engine binary, named by PRISMA_SCHEMA_ENGINE_BINARY (prisma.config.ts).
// It speaks the engine's newline-delimited JSON-RPC on stdin/stdout and delegates every call to Prisma's own
// WebAssembly schema engine through a driver adapter, so `prisma migrate deploy|status|diff` work offline.
// stdout carries only JSON-RPC; stderr only JSON log lines (the CLI parses both).
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { register } from "tsx/esm/api";

register();
const { loadSchemaEngine } = await import("../src/db/load-schema-engine.ts");
const { openDatabaseUrl } = await import("../src/db/open-database-url.ts");

const args = process.argv.slice(2);
const datamodelPaths = args.flatMap((arg, i) => (args[i - 1] === "--datamodels" ? [arg] : []));
const datasourceArg = args[args.indexOf("--datasource") + 1];
const configuredUrl = args.includes("--datasource") && datasourceArg ? JSON.parse(datasourceArg).url : undefined;
const log = (line) => process.stderr.write(`${typeof line === "string" ? line : JSON.stringify(line)}\n`);
const logJson = (message) =>
  log(
    JSON.stringify({
      timestamp: new Date().toISOString(),
      level: "INFO",
      fields: { message },
      target: "schema-engine-wasm",
    }),
  );

const database = await openDatabaseUrl({
  databaseUrl: configuredUrl ?? process.env.DATABASE_URL,
  dataDir: process.env.DATA_DIR ?? "./data",
});
let exitCode = 0;

if (args.includes("cli")) {
  // `[--datasource …] cli can-connect-to-database | create-database | drop-database`: answer by trying a connection.
  try {
    const { engine, close } = await loadSchemaEngine(database.url);
    await engine.ensureConnectionValidity({ datasource: { tag: "ConnectionString", url: database.url } });
    await close();
  } catch (error) {
    logJson(String(error?.message ?? error));
    exitCode = 1;
  }
  await database.close();
  process.exit(exitCode);
}

const datamodels = datamodelPaths.length ? datamodelPaths.map((p) => [p, readFileSync(p, "utf8")]) : undefined;
const { engine, close } = await loadSchemaEngine(database.url, { datamodels, log: (line) => log(line) });
let nextId = 1_000_000;
const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);

const lines = createInterface({ input: process.stdin });
const pending = [];
lines.on("line", (line) => {
  if (!line.trim()) return;
  const request = JSON.parse(line);
  if (!request.method) return; // the CLI's answer to a request of ours (print)
  pending.push(handle(request));
});
lines.on("close", async () => {
  await Promise.allSettled(pending);
  await close();
  await database.close();
  process.exit(exitCode);
});

async function handle({ id, method, params }) {
  try {
    const result = await engine[method](params ?? {});
    if (method === "diff" && result && typeof result.stdout === "string") {
      send({ id: nextId++, method: "print", params: { content: result.stdout } });
      send({ id, result: { exitCode: result.exitCode } });
      return;
    }
    send({ id, result: result ?? null });
  } catch (error) {
    const message = String(error?.message ?? error);
    send({
      id,
      error: {
        code: 4466,
        message,
        data: {
          is_panic: false,
          message,
          meta: error?.meta ?? null,
          error_code: error?.error_code ?? error?.code ?? null,
        },
      },
    });
  }
}
