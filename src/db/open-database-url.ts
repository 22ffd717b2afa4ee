import { startEmbeddedPostgres, type EmbeddedPostgres } from "./start-embedded-postgres.ts";

/** The URL `prisma.config.ts` hands the CLI when DATABASE_URL is not set: "the embedded database of DATA_DIR". */
export const EMBEDDED_DATABASE_URL = "postgresql://embedded/lentera";

/**
 * Turns the configured database into a URL the PostgreSQL driver can reach: a server URL is used as it is;
 * without one, the embedded PGlite of `dataDir` is started (or reached through its owner's socket).
 */
export async function openDatabaseUrl(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
}): Promise<EmbeddedPostgres> {
  if (options.databaseUrl && options.databaseUrl !== EMBEDDED_DATABASE_URL) {
    return { url: options.databaseUrl, owner: false, close: async () => {} };
  }
  return startEmbeddedPostgres(options.dataDir);
}
