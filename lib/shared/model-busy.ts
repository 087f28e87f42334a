import type { ActivityTask } from "./types";
import { holdsModelLock } from "./task-list";
import { taskKind } from "./task-state";

/** Where a model-busy banner stands: is the lock holder already on this page's table, and how long is the queue. */
export function busyFacts(
  tasks: readonly ActivityTask[],
  statusTaskId: string | null | undefined,
  onPage: { exportId?: string; taskIds?: readonly string[] },
): { holder: ActivityTask | undefined; holderShown: boolean; queued: number } {
  const holder = tasks.find((t) => holdsModelLock(t, statusTaskId));
  const holderShown =
    holder !== undefined &&
    ((onPage.exportId !== undefined && holder.exportId === onPage.exportId) ||
      (onPage.taskIds?.includes(holder.taskId) ?? false));
  return { holder, holderShown, queued: tasks.filter((t) => taskKind(t) === "queued").length };
}

/** "an export you start now waits …" with its place in line: first after the running one, or behind N queued. */
export function queueNote(queued: number): string {
  return queued === 0
    ? "an export you start now waits as “Not started” until this finishes, then runs first."
    : `an export you start now waits as “Not started”, number ${queued + 1} in the queue (${queued} already waiting).`;
}
