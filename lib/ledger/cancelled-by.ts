import "server-only";
import { and, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { runs } from "@/lib/db/schema";
import { inScope } from "./scope";
import type { LedgerScope } from "./types";

/**
 * Who cancelled each task, by name, for live task lists: Anaplan's task lists do not say (only a read of the task
 * does), and a cancelled row must name its canceller. No entry when nobody cancelled it through Export Desk.
 */
export async function cancelledByFor(db: Db, scope: LedgerScope, taskIds: string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const ids = [...new Set(taskIds)];
  if (ids.length === 0) return result;
  const rows = await db
    .select({ taskId: runs.taskId, email: runs.cancelledByEmail, name: runs.cancelledByName })
    .from(runs)
    .where(and(inScope(scope), inArray(runs.taskId, ids), isNotNull(runs.cancelledByEmail)));
  for (const row of rows) if (row.email) result.set(row.taskId, row.name || row.email);
  return result;
}
