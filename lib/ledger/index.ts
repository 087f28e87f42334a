import "server-only";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { logEvent } from "@/lib/server/log";
import { processState } from "@/lib/server/process-state";
import { databaseErrorCode } from "@/lib/db/errors";
import { createEventBus, type EventBus } from "./event-bus";
import { createLedger, type Ledger } from "./facade";
import { postgresTransport } from "./pg-transport";

export { parseRunsQuery, RunsQueryError, type RunsQuery } from "./runs-query";
export { runsCsv } from "./csv";
export { CATCH_UP_INTERVAL_MS } from "./catch-up";
export { scopeKey, type LedgerEvent } from "./event-bus";
export type * from "./types";

const state = processState("ledger", () => ({ ledger: null as Ledger | null }));
const bus = processState("ledger-events", () => ({ bus: null as EventBus | null }));

/** This process's ledger, on the database the configuration names (or off). */
export function ledger(): Ledger {
  if (!state.ledger) {
    const engine = getConfig().ledgerEngine;
    state.ledger = createLedger({
      engine,
      open: engine === "off" ? null : getDb,
      publish: (event) => ledgerEvents().publish(event),
    });
  }
  return state.ledger;
}

/**
 * This process's ledger events: in-process only on the embedded database (one process owns it) or with the ledger
 * off; with DATABASE_URL, also PostgreSQL NOTIFY/LISTEN, so every instance's open pages hear every instance's events.
 */
export function ledgerEvents(): EventBus {
  if (!bus.bus) {
    const { databaseUrl, ledgerEngine } = getConfig();
    let sendFailing = false;
    bus.bus = createEventBus({
      transport:
        databaseUrl && ledgerEngine === "postgres"
          ? postgresTransport(async () => (await getDb()).db, databaseUrl, {
              onState: (listening, details) =>
                logEvent(listening === "lost" ? "events_listen_lost" : "events_listening", details),
            })
          : undefined,
      onSendFailed: (error) => {
        // Logged once per outage: this instance's pages still get the event, other instances' do not.
        if (sendFailing) return;
        sendFailing = true;
        logEvent("events_notify_failed", { code: databaseErrorCode(error) });
        setTimeout(() => (sendFailing = false), 60_000).unref?.();
      },
    });
  }
  return bus.bus;
}
