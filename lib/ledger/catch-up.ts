import "server-only";
import { and, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { runs } from "@/lib/db/schema";
import { ACTIVE_OUTCOMES } from "./outcome";
import { NEWEST_FIRST } from "./order";
import { inScope } from "./scope";
import type { LedgerScope } from "./types";

/** How often at most a reader asks Anaplan about one run that the ledger still shows active. */
export const CATCH_UP_INTERVAL_MS = 30_000;

export interface StaleRun {
  taskId: string;
  exportId: string;
  exportName: string;
}

/** Runs still shown active that nobody has checked since `notCheckedSince`, newest first. */
export async function staleActiveRuns(
  db: Db,
  scope: LedgerScope,
  options: { notCheckedSince: Date; limit?: number },
): Promise<StaleRun[]> {
  return db
    .select({ taskId: runs.taskId, exportId: runs.exportId, exportName: runs.exportName })
    .from(runs)
    .where(and(inScope(scope), inArray(runs.outcome, ACTIVE_OUTCOMES), notCheckedSince(options.notCheckedSince)))
    .orderBy(...NEWEST_FIRST)
    .limit(options.limit ?? 20);
}

/**
 * Claims runs for a check at `at`: only runs not checked since `notCheckedSince` are claimed, atomically, so when
 * several readers (or instances) race, each run is checked by one of them. Returns the task ids claimed.
 */
export async function markChecked(
  db: Db,
  scope: LedgerScope,
  taskIds: string[],
  options: { at: Date; notCheckedSince: Date },
): Promise<string[]> {
  if (taskIds.length === 0) return [];
  const claimed = await db
    .update(runs)
    .set({ checkedAt: options.at })
    .where(and(inScope(scope), inArray(runs.taskId, taskIds), notCheckedSince(options.notCheckedSince)))
    .returning({ taskId: runs.taskId });
  return claimed.map((r) => r.taskId);
}

function notCheckedSince(since: Date) {
  return or(isNull(runs.checkedAt), lt(runs.checkedAt, since));
}
