import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { listenChannel, type ListenOptions } from "@/lib/db/listen";
import type { BusTransport } from "./event-bus";

export const EVENTS_CHANNEL = "export_desk_ledger_events";

/**
 * Ledger events between instances that share DATABASE_URL: NOTIFY through the ledger's own pool (one short
 * statement), LISTEN on one dedicated connection per process that reconnects with backoff.
 */
export function postgresTransport(db: () => Promise<Db>, url: string, options: ListenOptions = {}): BusTransport {
  return {
    async send(payload) {
      await (await db()).execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${payload})`);
    },
    listen: (onPayload) => listenChannel(url, EVENTS_CHANNEL, onPayload, options),
  };
}
