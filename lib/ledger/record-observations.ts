import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { runs, runTransitions } from "@/lib/db/schema";
import type { Task } from "@/lib/shared/types";
import { failureOf, isFinalState, outcomeOf, progressRank } from "./outcome";
import { normalizeScope } from "./scope";
import type { LedgerScope } from "./types";

/** A change the ledger saw for the first time: a new outcome of a run (`isNew`: a run it did not know at all). */
export interface ObservedChange {
  taskId: string;
  taskState: string;
  isNew: boolean;
}

/**
 * Records what a task list (or one task) showed at `seenAt`. Idempotent and safe under concurrent callers: one
 * row per task id, one transition per outcome, `finishedAt` from the first final observation, and a late, older
 * observation never moves a run back. Tasks the ledger did not know were started outside Export Desk.
 * Returns the transitions this call was the first to record (so of several instances, one reports each change).
 */
export async function recordObservations(
  db: Db,
  scope: LedgerScope,
  exportId: string,
  exportName: string,
  tasks: Task[],
  seenAt: Date,
): Promise<ObservedChange[]> {
  const unique = [...new Map(tasks.map((t) => [t.taskId, t])).values()];
  if (unique.length === 0) return [];
  const s = normalizeScope(scope);
  const rows = unique.map((task) => ({
    ...s,
    taskId: task.taskId,
    exportId,
    exportName,
    startedAt: typeof task.creationTime === "number" ? new Date(task.creationTime) : seenAt,
    taskState: task.taskState,
    outcome: outcomeOf(task),
    progress: typeof task.progress === "number" && Number.isFinite(task.progress) ? task.progress : null,
    finishedAt: isFinalState(task.taskState) ? seenAt : null,
    failure: failureOf(task),
    checkedAt: seenAt,
  }));
  const newer = sql`${progressRank(sql`excluded.outcome`, sql`excluded.task_state`)} > ${progressRank(
    sql`${runs.outcome}`,
    sql`${runs.taskState}`,
  )}`;
  const notOlder = sql`${progressRank(sql`excluded.outcome`, sql`excluded.task_state`)} >= ${progressRank(
    sql`${runs.outcome}`,
    sql`${runs.taskState}`,
  )}`;
  const saved = await db
    .insert(runs)
    .values(rows)
    .onConflictDoUpdate({
      target: [runs.tenantId, runs.workspaceId, runs.modelId, runs.taskId],
      set: {
        exportName: sql`coalesce(nullif(excluded.export_name, ''), ${runs.exportName})`,
        outcome: sql`case when ${newer} then excluded.outcome else ${runs.outcome} end`,
        taskState: sql`case when ${notOlder} then excluded.task_state else ${runs.taskState} end`,
        progress: sql`case when ${notOlder} then coalesce(excluded.progress, ${runs.progress}) else ${runs.progress} end`,
        finishedAt: sql`coalesce(${runs.finishedAt}, excluded.finished_at)`,
        failure: sql`coalesce(${runs.failure}, excluded.failure)`,
        startedAt: sql`least(${runs.startedAt}, excluded.started_at)`,
        checkedAt: sql`greatest(${runs.checkedAt}, excluded.checked_at)`,
      },
    })
    // xmax = 0: the row was inserted by this statement, not updated.
    .returning({ id: runs.id, taskId: runs.taskId, inserted: sql<boolean>`(xmax = 0)` });
  const idOf = new Map(saved.map((r) => [r.taskId, r.id]));
  const byId = new Map(saved.map((r) => [r.id, r]));
  const transitions = rows.flatMap((row) => {
    const runId = idOf.get(row.taskId);
    return runId === undefined ? [] : [{ runId, outcome: row.outcome, taskState: row.taskState, seenAt }];
  });
  if (transitions.length === 0) return [];
  const recorded = await db
    .insert(runTransitions)
    .values(transitions)
    .onConflictDoNothing()
    .returning({ runId: runTransitions.runId, taskState: runTransitions.taskState });
  return recorded.flatMap(({ runId, taskState }) => {
    const run = byId.get(runId);
    return run ? [{ taskId: run.taskId, taskState, isNew: Boolean(run.inserted) }] : [];
  });
}
