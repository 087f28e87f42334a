import "server-only";
import type { Run, RunOutcome } from "@/lib/shared/runs";
import type { ActivityTask, TaskState } from "@/lib/shared/types";

const STATE: Record<RunOutcome, TaskState> = {
  queued: "NOT_STARTED",
  running: "IN_PROGRESS",
  cancelling: "CANCELLING",
  cancelled: "CANCELLED",
  succeeded: "COMPLETE",
  failed: "COMPLETE",
  unknown: "COMPLETE",
};

/** A run the team ledger remembers, as a row of the activity table (no upstream call needed to show it). */
export function runAsTask(run: Run): ActivityTask {
  const task: ActivityTask = {
    taskId: run.taskId,
    taskState: STATE[run.outcome],
    creationTime: Date.parse(run.startedAt),
    exportId: run.exportId,
    exportName: run.exportName,
    startedBy: run.startedBy,
  };
  if (run.outcome === "succeeded" || run.outcome === "failed")
    task.result = { successful: run.outcome === "succeeded" };
  if (run.cancelledBy) task.cancelledBy = run.cancelledBy.name || run.cancelledBy.email;
  return task;
}
