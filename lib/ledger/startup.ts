import "server-only";
import { getConfig } from "@/lib/config";
import { ledger } from "./index";

const DAY_MS = 86_400_000;
/** Prune a little after start-up (not during it), then daily; pruneLedger itself keeps it to once a day overall. */
const FIRST_PRUNE_AFTER_MS = 60_000;

/**
 * Called once per server process from instrumentation.ts: opens the database and applies migrations in the
 * background (a slow or absent database never delays start-up), and schedules the daily prune.
 */
export function startLedger(): void {
  const config = getConfig();
  if (config.ledgerEngine === "off") {
    console.warn(
      "Export Desk: run history is off — on Vercel the team ledger needs a PostgreSQL server; set DATABASE_URL to record it.",
    );
    return;
  }
  void ledger().check();
  const prune = () => void ledger().pruneLedger(config.ledgerRetentionDays, new Date());
  setTimeout(prune, FIRST_PRUNE_AFTER_MS).unref();
  setInterval(prune, DAY_MS).unref();
}
