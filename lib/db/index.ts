import "server-only";
import { getConfig } from "@/lib/config";
import { processState } from "@/lib/server/process-state";
import type { Database } from "./database";
import { openDatabase } from "./open";

export type { Database, Db, Engine } from "./database";
export { openDatabase, type DatabaseOptions } from "./open";

/** Thrown by getDb() on Vercel without DATABASE_URL, where the ledger is off. */
export class LedgerOffError extends Error {
  override name = "LedgerOffError";
  constructor() {
    super("The ledger is off: set DATABASE_URL to keep run history.");
  }
}

const state = processState("database", () => ({ opening: null as Promise<Database> | null }));

/**
 * The process's database, opened and migrated on first use. A failed open is forgotten, so the next call tries
 * again: the ledger comes back by itself when the database does.
 */
export function getDb(): Promise<Database> {
  const config = getConfig();
  if (config.ledgerEngine === "off") return Promise.reject(new LedgerOffError());
  state.opening ??= openDatabase(
    config.databaseUrl ? { engine: "postgres", url: config.databaseUrl } : { engine: "pglite", dataDir: config.dataDir },
  ).catch((error: unknown) => {
    state.opening = null;
    throw error;
  });
  return state.opening;
}

/** Tests only: close and forget the process's database. */
export async function closeDbForTests(): Promise<void> {
  const opening = state.opening;
  state.opening = null;
  await (await opening?.catch(() => null))?.close();
}
