import "server-only";
import type { Database } from "./database";
import { migrationsFolder } from "./migrations-folder";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";

export type DatabaseOptions =
  { engine: "postgres"; url: string; poolSize?: number } | { engine: "pglite"; dataDir: string };

/** Opens a ledger database and brings its schema up to date (tests open their own with this). */
export async function openDatabase(options: DatabaseOptions, folder = migrationsFolder()): Promise<Database> {
  const database =
    options.engine === "postgres"
      ? await openPostgres(options.url, options.poolSize)
      : await openPglite(options.dataDir);
  try {
    await database.migrate(folder);
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
  return database;
}
