import pg from "pg";

/**
 * Puts a test database lent by a pool (embedded-database-pool.ts, server-database-pool.ts) back as it was
 * lent: the session reset (DISCARD ALL: advisory locks, prepared statements, settings, temporary tables),
 * then every row of every table but the migrations' bookkeeping deleted and every sequence used restarted.
 * Returns false, having changed nothing, when the database's schema or migration history is no longer the
 * one it was lent with (`fingerprint`, from readFingerprint): such a database must not be lent again.
 */
export async function resetTestDatabase(url: string, fingerprint: string): Promise<boolean> {
  return withClient(url, async (client) => {
    await client.query("DISCARD ALL");
    if ((await fingerprintOf(client)) !== fingerprint) return false;
    await client.query(EMPTY_TABLES_SQL);
    return true;
  });
}

/** The fingerprint resetTestDatabase compares: read it when the database is as it will be lent. */
export function readFingerprint(url: string): Promise<string> {
  return withClient(url, fingerprintOf);
}

/**
 * Every row of every table but the migrations' bookkeeping deleted, and every sequence used restarted, in
 * one statement (one transaction): a DELETE of the few rows a test writes takes milliseconds where a
 * TRUNCATE gives each table and index new files (hundreds of milliseconds in PGlite). Foreign keys are not
 * checked meanwhile (every table ends empty).
 */
const EMPTY_TABLES_SQL = `DO $$
DECLARE r record;
BEGIN
  SET LOCAL session_replication_role = replica;
  FOR r IN SELECT schemaname, tablename FROM pg_tables
           WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' LOOP
    EXECUTE format('DELETE FROM %I.%I', r.schemaname, r.tablename);
  END LOOP;
  FOR r IN SELECT schemaname, sequencename FROM pg_sequences
           WHERE schemaname = 'public' AND last_value IS NOT NULL LOOP
    EXECUTE format('ALTER SEQUENCE %I.%I RESTART', r.schemaname, r.sequencename);
  END LOOP;
END $$`;

/**
 * What tests must not change for a database to be pooled: every relation, column, constraint, index,
 * function, trigger, type and schema outside the system catalogues, and the migrations recorded.
 */
async function fingerprintOf(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ fingerprint: string }>(`
    WITH user_ns AS (
      SELECT oid, nspname FROM pg_namespace
      WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'
    )
    SELECT md5(coalesce(string_agg(item, E'\\n' ORDER BY item), '')) AS fingerprint FROM (
      SELECT 'schema ' || nspname AS item FROM user_ns
      UNION ALL
      SELECT 'relation ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text
      FROM pg_class c JOIN user_ns n ON n.oid = c.relnamespace
      UNION ALL
      SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || ' ' || a.attnotnull || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN user_ns n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attnum > 0 AND NOT a.attisdropped
      UNION ALL
      SELECT 'constraint ' || n.nspname || '.' || con.conname || ' ' || pg_get_constraintdef(con.oid)
      FROM pg_constraint con JOIN user_ns n ON n.oid = con.connamespace
      UNION ALL
      SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname IN (SELECT nspname FROM user_ns)
      UNION ALL
      SELECT 'function ' || n.nspname || '.' || p.proname || ' ' || md5(coalesce(p.prosrc, ''))
      FROM pg_proc p JOIN user_ns n ON n.oid = p.pronamespace
      UNION ALL
      SELECT 'trigger ' || tgname || ' ' || tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL
      SELECT 'type ' || n.nspname || '.' || t.typname || ' ' || coalesce(
        (SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = t.oid), '')
      FROM pg_type t JOIN user_ns n ON n.oid = t.typnamespace
      UNION ALL
      SELECT 'migration ' || migration_name || ' ' || checksum || ' ' || (finished_at IS NOT NULL)
        || ' ' || (rolled_back_at IS NOT NULL) FROM "_prisma_migrations"
    ) AS items`);
  return rows[0]!.fingerprint;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}
