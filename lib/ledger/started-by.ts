import "server-only";
import { and, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { runs } from "@/lib/db/schema";
import { inScope } from "./scope";
import type { LedgerScope, Person } from "./types";

/**
 * Who started each task, to annotate live task lists: a person, null (known, started outside Export Desk), or no
 * entry (the ledger has not seen the task).
 */
export async function startedByFor(db: Db, scope: LedgerScope, taskIds: string[]): Promise<Map<string, Person | null>> {
  const result = new Map<string, Person | null>();
  const ids = [...new Set(taskIds)];
  if (ids.length === 0) return result;
  const rows = await db
    .select({ taskId: runs.taskId, email: runs.startedByEmail, name: runs.startedByName })
    .from(runs)
    .where(and(inScope(scope), inArray(runs.taskId, ids)));
  for (const row of rows)
    result.set(row.taskId, row.email === null ? null : { email: row.email, name: row.name ?? row.email });
  return result;
}
