import "server-only";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { processState } from "@/lib/server/process-state";
import { createLedger, type Ledger } from "./facade";

export { parseRunsQuery, RunsQueryError, type RunsQuery } from "./runs-query";
export { runsCsv } from "./csv";
export { CATCH_UP_INTERVAL_MS } from "./catch-up";
export type * from "./types";

const state = processState("ledger", () => ({ ledger: null as Ledger | null }));

/** This process's ledger, on the database the configuration names (or off). */
export function ledger(): Ledger {
  if (!state.ledger) {
    const engine = getConfig().ledgerEngine;
    state.ledger = createLedger({ engine, open: engine === "off" ? null : getDb });
  }
  return state.ledger;
}
