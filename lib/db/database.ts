import "server-only";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

export type Engine = "pglite" | "postgres";

/** The query layer both engines share. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open ledger database, embedded or on a server. */
export interface Database {
  engine: Engine;
  db: Db;
  /** Applies every pending migration from `folder`, holding the migration advisory lock on one dedicated connection. */
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

/** Advisory lock keys (two-int form): the first int marks Export Desk, the second names the job. */
export const LOCK_NAMESPACE = 0x45584450; // "EXDP"
export const MIGRATION_LOCK = 1;
export const PRUNE_LOCK = 2;

/** Rows of a raw `db.execute()`: node-postgres and PGlite both answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
