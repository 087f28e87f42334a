import type { Task } from "./types";
import { isActiveTask, taskKind, type TaskKind } from "./task-state";

/** Newest first; tasks without a creation time go last, ties keep a stable id order. */
export function sortTasks<T extends Task>(tasks: readonly T[]): T[] {
  return [...tasks].sort((a, b) => (b.creationTime ?? -1) - (a.creationTime ?? -1) || a.taskId.localeCompare(b.taskId));
}

export interface Transition<T extends Task> {
  task: T;
  from: TaskKind;
  to: TaskKind;
}

/** Tasks that were active in `before` and are finished in `after` — what a "done" toast announces. */
export function finishedSince<T extends Task>(
  before: readonly T[] | undefined,
  after: readonly T[] | undefined,
): Transition<T>[] {
  if (!before || !after) return [];
  const prev = new Map(before.map((t) => [t.taskId, t]));
  const out: Transition<T>[] = [];
  for (const task of after) {
    const old = prev.get(task.taskId);
    if (old && isActiveTask(old) && !isActiveTask(task)) out.push({ task, from: taskKind(old), to: taskKind(task) });
  }
  return out;
}

/** Replace one task in a list (by id), or put it first when it is new. */
export function upsertTask<T extends Task>(tasks: readonly T[], task: T): T[] {
  const i = tasks.findIndex((t) => t.taskId === task.taskId);
  if (i === -1) return [task, ...tasks];
  const copy = [...tasks];
  copy[i] = task;
  return copy;
}

/** The most recent task per export, for the catalogue's at-a-glance column. */
export function latestByExport<T extends Task & { exportId: string }>(tasks: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const t of tasks) {
    const cur = map.get(t.exportId);
    if (!cur || (t.creationTime ?? 0) > (cur.creationTime ?? 0)) map.set(t.exportId, t);
  }
  return map;
}

/** The model status names the task holding the model lock; Anaplan has shown its id with a "-11"-style suffix. */
export function holdsModelLock(task: Pick<Task, "taskId">, statusTaskId: string | null | undefined): boolean {
  return Boolean(statusTaskId) && (statusTaskId ?? "").toUpperCase().startsWith(task.taskId.toUpperCase());
}

/** Task lists carry no progress; the model status does, for the one task holding the model lock. */
export function withModelProgress<T extends Task>(
  tasks: readonly T[],
  status: { taskId?: string | null; progress?: number | null; currentStep?: string | null } | null | undefined,
): T[] {
  if (!status?.taskId || typeof status.progress !== "number" || status.progress < 0) return [...tasks];
  return tasks.map((t) =>
    t.progress === undefined && isActiveTask(t) && holdsModelLock(t, status.taskId)
      ? { ...t, progress: status.progress ?? undefined, currentStep: t.currentStep ?? status.currentStep ?? undefined }
      : t,
  );
}
