// Prisma's schema engine diagnosing a database's migration history, in a process of its own, for
// apply-migrations.test.ts: prints the diagnosis as JSON. Usage: diagnose-history.ts <database url> <migrations dir>
import { loadSchemaEngine } from "../../src/db/load-schema-engine.ts";
import { readMigrations } from "../../src/db/read-migrations.ts";

const [url, dir] = process.argv.slice(2);
const { engine, close } = await loadSchemaEngine(url!);
try {
  const diagnosis = await engine.diagnoseMigrationHistory({
    migrationsList: await readMigrations(dir!),
    optInToShadowDatabase: false,
    filters: { externalTables: [], externalEnums: [] },
  });
  process.stdout.write(JSON.stringify(diagnosis));
} finally {
  await close();
}
