import "server-only";
import type { AnaplanApi } from "@/lib/anaplan/api";
import { processState } from "@/lib/server/process-state";
import { mergeResult, needsResult } from "@/lib/shared/task-result";
import type { Task } from "@/lib/shared/types";
import { mapLimit } from "./concurrency";

/**
 * Anaplan's task lists give id, state and creation time, but not whether a COMPLETE task succeeded — and a
 * failed export must never look green. A finished task never changes, so each one's result is read once per
 * process (newest first, LOOKUPS_PER_LIST per list at most, CONCURRENCY at a time) and kept. Keyed without
 * the user: it is only merged into a list that the user's own call returned.
 */
const LOOKUPS_PER_LIST = 20;
const CONCURRENCY = 4;
const MAX_ENTRIES = 20_000;

const finished = processState("finished-task-results", () => new Map<string, Task>());

export async function withResults(api: AnaplanApi, w: string, m: string, e: string, tasks: Task[]): Promise<Task[]> {
  const key = (t: Task) => `${w}|${m.toUpperCase()}|${e}|${t.taskId}`;
  const missing = tasks
    .filter((t) => needsResult(t) && !finished.has(key(t)))
    .sort((a, b) => (b.creationTime ?? 0) - (a.creationTime ?? 0))
    .slice(0, LOOKUPS_PER_LIST);
  await mapLimit(missing, CONCURRENCY, async (t) => {
    try {
      const full = await api.exportTask(w, m, e, t.taskId);
      if (full.taskState === "COMPLETE" && full.result) remember(key(t), full);
    } catch {
      // The list is still worth showing; the result is looked up again on the next read.
    }
  });
  return tasks.map((t) => (needsResult(t) ? mergeResult(t, finished.get(key(t))) : t));
}

function remember(key: string, task: Task): void {
  finished.set(key, task);
  while (finished.size > MAX_ENTRIES) {
    const oldest = finished.keys().next().value;
    if (oldest === undefined) break;
    finished.delete(oldest);
  }
}

export function resetTaskResultsForTests(): void {
  finished.clear();
}
