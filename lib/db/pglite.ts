import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { lockDataDir } from "./folder-lock";
import { LOCK_NAMESPACE, MIGRATION_LOCK, type Database, type Db } from "./database";
import * as schema from "./schema";

/** The embedded engine: PostgreSQL compiled to WASM, its files in `dataDir`. One process may open a folder at a time. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir);
  } catch (error) {
    release();
    throw error;
  }
  const db = drizzle({ client, schema });
  return {
    engine: "pglite",
    db: db as unknown as Db,
    async migrate(folder) {
      // PGlite has one connection, so the lock only matters for symmetry with the server engine.
      await db.execute(sql`select pg_advisory_lock(${LOCK_NAMESPACE}, ${MIGRATION_LOCK})`);
      try {
        await migrate(db, { migrationsFolder: folder });
      } finally {
        await db.execute(sql`select pg_advisory_unlock(${LOCK_NAMESPACE}, ${MIGRATION_LOCK})`);
      }
    },
    async close() {
      await client.close();
      release();
    },
  };
}
