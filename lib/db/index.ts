import "server-only";
import { getConfig } from "@/lib/config";
import { processState } from "@/lib/server/process-state";
import type { Database } from "./database";
import { openOnce } from "./open-once";
import { openDatabase } from "./open";

export type { Database, Db, Engine } from "./database";

/** Thrown by getDb() on Vercel without DATABASE_URL, where the ledger is off. */
export class LedgerOffError extends Error {
  override name = "LedgerOffError";
  constructor() {
    super("The ledger is off: set DATABASE_URL to keep run history.");
  }
}

const state = processState("database", () =>
  openOnce(() => {
    const config = getConfig();
    return openDatabase(
      config.databaseUrl
        ? { engine: "postgres", url: config.databaseUrl }
        : { engine: "pglite", dataDir: config.dataDir },
    );
  }),
);

/** The process's database, opened and migrated on first use (and opened again after a failed open). */
export function getDb(): Promise<Database> {
  if (getConfig().ledgerEngine === "off") return Promise.reject(new LedgerOffError());
  return state.get();
}

/** Tests only: close the process's database, so the next getDb() opens what the configuration names then. */
export function closeDbForTests(): Promise<void> {
  return state.close();
}
