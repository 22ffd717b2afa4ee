import { loadSchemaEngine } from "./load-schema-engine.ts";
import { readMigrations } from "./read-migrations.ts";

export const MIGRATIONS_DIR = new URL("../../prisma/migrations/", import.meta.url).pathname;

/**
 * Applies the pending migrations of `prisma/migrations`, recording them in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does, so the two agree. Safe to call on every start: nothing pending, nothing done.
 */
export async function applyMigrations(url: string, baseDir = MIGRATIONS_DIR): Promise<string[]> {
  const { engine, close } = await loadSchemaEngine(url);
  try {
    const result = await engine.applyMigrations({
      migrationsList: await readMigrations(baseDir),
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}
