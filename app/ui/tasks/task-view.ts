import type { Task } from "@/lib/shared/types";
import { pagePaths } from "@/lib/shared/api-paths";
import { cancelOutcome } from "@/lib/shared/cancel-text";
import { starterName } from "@/lib/shared/runs-view";
import { canCancel, failureMessages, isActiveTask, taskKind } from "@/lib/shared/task-state";
import { PENDING_PREFIX } from "./use-task-actions";

/** What one task shows, computed once for both its table row and its phone card so the two never disagree. */
export interface TaskView {
  pending: boolean;
  kind: ReturnType<typeof taskKind>;
  active: boolean;
  failure: string | undefined;
  taskId: string;
  shortId: string;
  detailHref: string;
  exportHref: string;
  exportName: string | undefined;
  /** Undefined while the team ledger has not seen the task. */
  starter: { name: string; email: string | undefined } | undefined;
  cancellable: boolean;
  /** What the progress cell says once the task is no longer active. */
  outcomeNote: string;
}

export function taskView<T extends Task>(
  task: T,
  where: { workspaceId: string; modelId: string; exportId: string; exportName?: string },
): TaskView {
  const pending = task.taskId.startsWith(PENDING_PREFIX);
  const kind = taskKind(task);
  const { workspaceId, modelId, exportId } = where;
  return {
    pending,
    kind,
    active: isActiveTask(task),
    failure: kind === "failed" ? failureMessages(task)[0] : undefined,
    taskId: task.taskId,
    shortId: task.taskId.slice(0, 8),
    detailHref: pagePaths.task(workspaceId, modelId, exportId, task.taskId),
    exportHref: pagePaths.export(workspaceId, modelId, exportId),
    exportName: where.exportName,
    starter:
      task.startedBy === undefined
        ? undefined
        : { name: starterName(task.startedBy), email: task.startedBy?.email ?? undefined },
    cancellable: canCancel(task) && !pending,
    outcomeNote: cancelOutcome(task) ?? task.currentStep ?? "—",
  };
}
