import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
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

let bindings: Promise<WasmBindings> | undefined;

/**
 * Prisma's own schema engine, compiled to WebAssembly, over a driver adapter: migrations without the native
 * engine binary that the Prisma CLI would download (impossible air-gapped). Pinned to the engine build that
 * matches prisma 7.10.0; the protocol is internal to Prisma.
 */
export async function loadSchemaEngine(url: string, options: { datamodels?: [string, string][]; log?: LogLine } = {}) {
  const wasm = await (bindings ??= instantiate());
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
      await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
    },
  };
}

async function instantiate(): Promise<WasmBindings> {
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: () => {} };
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as WasmBindings;
  const bytes = await readFile(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  glue.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start === "function") start();
  return glue;
}
