import { getDb } from "@/lib/db";
import { downloads, runs, runTransitions } from "@/lib/db/schema";

/** Tests only: an empty ledger on the process's database. */
export async function emptyLedgerForTests(): Promise<void> {
  const { db } = await getDb();
  await db.delete(downloads);
  await db.delete(runTransitions);
  await db.delete(runs);
}
