import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type WasmBindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
  SchemaEngine: typeof SchemaEngine;
};

export type LogLine = (line: string) => void;

declare global {
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void } | undefined;
}

let compiled: Promise<WebAssembly.Module> | undefined;
let instances = 0;

/**
 * Prisma's own schema engine, compiled to WebAssembly, over a driver adapter: migrations without the native
 * engine binary that the Prisma CLI would download (impossible air-gapped). Pinned to the engine build that
 * matches prisma 7.10.0; the protocol is internal to Prisma.
 *
 * Each engine gets its own instance of the WebAssembly module and of its JS glue (compiled once per process),
 * so nothing one engine leaves in its memory can reach the next: in one CI run an engine that followed another
 * in the same process hung for a minute, then panicked with a message that was no longer valid text.
 */
export async function loadSchemaEngine(url: string, options: { datamodels?: [string, string][]; log?: LogLine } = {}) {
  const wasm = await instantiate();
  const factory = new PrismaPg({ connectionString: url, max: 1 });
  const opened: { dispose(): Promise<void> }[] = [];
  const tracked = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(await factory.connect()),
    connectToShadowDb: async () => remember(await factory.connectToShadowDb()),
  };
  function remember<T extends { dispose(): Promise<void> }>(adapter: T): T {
    opened.push(adapter);
    return adapter;
  }
  const engine = await wasm.SchemaEngine.new(
    { datamodels: options.datamodels },
    options.log ?? (() => {}),
    bindMigrationAwareSqlAdapterFactory(tracked as unknown as PrismaPg),
  );
  return {
    engine,
    /** Frees the engine and closes its connections (engine.free() alone leaves the pool open). */
    close: async () => {
      engine.free();
      wasm.__wbg_set_wasm(undefined as never); // Node keeps the glue module; let the instance's memory go
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    },
  };
}

async function instantiate(): Promise<WasmBindings> {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: () => {} };
  const require = createRequire(import.meta.url);
  const file = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  // a query string makes Node evaluate the glue afresh: its own `wasm` and its own views of that memory
  const glue = (await import(`${pathToFileURL(file).href}?instance=${++instances}`)) as WasmBindings;
  const module = await (compiled ??= readFile(path.join(path.dirname(file), "schema_engine_bg.wasm")).then((bytes) =>
    WebAssembly.compile(bytes),
  ));
  const instance = await WebAssembly.instantiate(module, {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === "function") start();
  return glue;
}
