import { getDb } from "@/lib/db";
import { downloads, runs, runTransitions } from "@/lib/db/schema";

/** Tests only: an empty ledger on the process's database (nothing to do when the test made it unreachable). */
export async function emptyLedgerForTests(): Promise<void> {
  const database = await getDb().catch(() => null);
  if (!database) return;
  const { db } = database;
  await db.delete(downloads);
  await db.delete(runTransitions);
  await db.delete(runs);
}
