import type { Task } from "./types";

/** Anaplan's task lists say COMPLETE but not whether the run succeeded; only the task itself has its result. */
export function needsResult(task: Task): boolean {
  return task.taskState === "COMPLETE" && task.result === undefined;
}

/** A listed task with what the full read of the same task adds: its result, and its last step and progress. */
export function mergeResult<T extends Task>(listed: T, full: Task | undefined): T {
  if (!full?.result) return listed;
  return {
    ...listed,
    result: full.result,
    currentStep: full.currentStep ?? listed.currentStep,
    progress: full.progress ?? listed.progress,
  };
}
