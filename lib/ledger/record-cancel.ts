import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { runs } from "@/lib/db/schema";
import { inScope } from "./scope";
import type { Actor, LedgerScope } from "./types";

/** Who asked Anaplan to cancel a run (the first one to ask). False when the ledger does not know the run. */
export async function recordCancelRequested(
  db: Db,
  scope: LedgerScope,
  taskId: string,
  by: Actor,
  at: Date,
): Promise<boolean> {
  const updated = await db
    .update(runs)
    .set({ cancelledByUserId: by.userId, cancelledByEmail: by.email, cancelledByName: by.name, cancelRequestedAt: at })
    .where(and(inScope(scope), eq(runs.taskId, taskId), isNull(runs.cancelledByUserId)))
    .returning({ id: runs.id });
  if (updated.length) return true;
  const known = await db
    .select({ id: runs.id })
    .from(runs)
    .where(and(inScope(scope), eq(runs.taskId, taskId)))
    .limit(1);
  return known.length > 0;
}
