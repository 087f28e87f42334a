import { sql, type SQL } from "drizzle-orm";
import { taskKind } from "@/lib/shared/task-state";
import type { Task } from "@/lib/shared/types";
import type { RunOutcome } from "./types";

export const ACTIVE_OUTCOMES: RunOutcome[] = ["queued", "running", "cancelling"];

export function outcomeOf(task: Pick<Task, "taskState" | "result">): RunOutcome {
  return taskKind(task);
}

/** Anaplan's final states: the first observation of one is when the run finished. */
export function isFinalState(taskState: string): boolean {
  return taskState === "COMPLETE" || taskState === "CANCELLED";
}

/** The first failure message Anaplan gave for a failed run. */
export function failureOf(task: Pick<Task, "result">): string | null {
  if (task.result?.successful !== false) return null;
  const message = task.result.details?.map((d) => d.localMessageText?.trim() ?? "").find((m) => m.length > 0);
  return message ? message.slice(0, 2_000) : null;
}

/**
 * How far along a run is, so an older observation arriving late (concurrent readers) never moves a run back:
 * queued < running < cancelling < finished without a known result < final.
 */
export function progressRank(outcome: SQL | string, taskState: SQL | string): SQL {
  const o = typeof outcome === "string" ? sql.raw(outcome) : outcome;
  const s = typeof taskState === "string" ? sql.raw(taskState) : taskState;
  return sql`(case ${o} when 'succeeded' then 4 when 'failed' then 4 when 'cancelled' then 4
    when 'unknown' then (case when ${s} in ('COMPLETE', 'CANCELLED') then 3 else 0 end)
    when 'cancelling' then 2 when 'running' then 1 else 0 end)`;
}
