import "server-only";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import { LOCK_NAMESPACE, MIGRATION_LOCK, type Database, type Db } from "./database";
import * as schema from "./schema";

/** The server engine: a node-postgres pool on DATABASE_URL. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection that dies (server restart, dropped database) must not crash the process; the next query
  // fails instead and the ledger reports itself unavailable.
  pool.on("error", () => undefined);
  const db = drizzle({ client: pool, schema });
  try {
    await db.execute(sql`select 1`);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return {
    engine: "postgres",
    db: db as unknown as Db,
    async migrate(folder) {
      // Session-level advisory locks belong to a connection: lock, migrate and unlock on the same one.
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1, $2)", [LOCK_NAMESPACE, MIGRATION_LOCK]);
        try {
          await migrate(drizzle({ client, schema }), { migrationsFolder: folder });
        } finally {
          await client.query("select pg_advisory_unlock($1, $2)", [LOCK_NAMESPACE, MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
