import type { Task } from "./types";
import { isActiveTask } from "./task-state";

export const POLL_FAST_MS = 5_000;
export const POLL_MEDIUM_MS = 10_000;
export const POLL_SLOW_MS = 30_000;
/** With nothing active a table only looks for tasks started elsewhere: twice in a few minutes is enough. */
export const POLL_IDLE_MS = 120_000;

/** Task age after which polling backs off to the medium and then the slow rate. */
const MEDIUM_AFTER_MS = 60_000;
const SLOW_AFTER_MS = 5 * 60_000;

export interface PollOptions {
  /** Interval when nothing in view is active; 0 stops polling. */
  idleMs?: number;
}

type PolledTask = Pick<Task, "taskState" | "result" | "creationTime">;

/**
 * How long to wait before the next poll of a table. Anaplan asks for at most one status poll every 5 s,
 * and less often for long exports: the youngest active task sets the pace (5 s → 10 s → 30 s by age).
 * A task without a creation time counts as new.
 */
export function pollInterval(tasks: readonly PolledTask[] | undefined, now: number, options: PollOptions = {}): number {
  const idle = options.idleMs ?? POLL_IDLE_MS;
  let youngestAge = Number.POSITIVE_INFINITY;
  for (const task of tasks ?? []) {
    if (!isActiveTask(task)) continue;
    const age = task.creationTime === undefined ? 0 : Math.max(0, now - task.creationTime);
    youngestAge = Math.min(youngestAge, age);
  }
  if (youngestAge === Number.POSITIVE_INFINITY) return idle;
  if (youngestAge < MEDIUM_AFTER_MS) return POLL_FAST_MS;
  if (youngestAge < SLOW_AFTER_MS) return POLL_MEDIUM_MS;
  return POLL_SLOW_MS;
}
