// Prisma CLI configuration. The CLI reaches the same database as the server: DATABASE_URL when set,
// otherwise the embedded PGlite of DATA_DIR (through its socket while the server runs).
// Migrations run through Prisma's WebAssembly schema engine (prisma/schema-engine.mjs), so no engine
// binary is downloaded; see README "Database".
import path from "node:path";
import { defineConfig } from "prisma/config";

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("prisma/schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://embedded/lentera" },
});
