"use client";

import type { Task } from "@/lib/shared/types";
import { formatDuration } from "@/lib/shared/format";
import { isActiveTask } from "@/lib/shared/task-state";
import { useNow } from "./use-now";

/**
 * How long a task has run: live while it is active. Anaplan gives no end time for exports, so for a finished
 * task we show the time it took as far as we observed it (`finishedAt`, when known).
 */
export function TaskDuration({
  task,
  finishedAt,
}: {
  task: Pick<Task, "taskState" | "result" | "creationTime">;
  finishedAt?: number;
}) {
  const now = useNow();
  if (task.creationTime === undefined || now === null)
    return <span className="text-slate-500 dark:text-slate-400">—</span>;
  if (isActiveTask(task)) return <span>{formatDuration(now - task.creationTime)}</span>;
  if (finishedAt !== undefined) return <span>{formatDuration(finishedAt - task.creationTime)}</span>;
  return <span className="text-slate-500 dark:text-slate-400">—</span>;
}
