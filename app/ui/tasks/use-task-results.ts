"use client";

import { useEffect, useReducer } from "react";
import { useSWRConfig } from "swr";
import type { Task } from "@/lib/shared/types";
import type { TaskResponse } from "@/lib/shared/responses";
import { fetchTaskOnce, needsResult } from "./use-full-task";

/** How many finished tasks of one table may have their result looked up (newest first). */
const MAX_LOOKUPS = 40;
const inflight = new Set<string>();

/**
 * Anaplan's task lists say COMPLETE but not whether it succeeded. For the table as a whole (not per row), read each
 * finished task's result once — at most 3 at a time, kept in the SWR cache forever since it never changes — and
 * merge it in, so badges and the state filter can tell Complete from Failed.
 */
export function useTaskResults<T extends Task>(tasks: readonly T[], keyOf: (t: T) => string): T[] {
  const { cache, mutate } = useSWRConfig();
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const cached = (t: T) => (cache.get(keyOf(t))?.data as TaskResponse | undefined)?.task;

  const missing = tasks
    .filter((t) => needsResult(t) && !t.taskId.startsWith("pending-") && !cached(t)?.result)
    .slice(0, MAX_LOOKUPS)
    .map(keyOf);
  const missingKey = missing.join("|");

  useEffect(() => {
    for (const key of missingKey ? missingKey.split("|") : []) {
      if (inflight.has(key)) continue;
      inflight.add(key);
      fetchTaskOnce(key)
        .then((data) => mutate(key, data, { revalidate: false }))
        .catch(() => undefined)
        .finally(() => {
          inflight.delete(key);
          bump();
        });
    }
  }, [missingKey, mutate]);

  return tasks.map((t) => {
    if (!needsResult(t)) return t;
    const full = cached(t);
    return full?.result ? { ...t, result: full.result, currentStep: full.currentStep ?? t.currentStep, progress: full.progress ?? t.progress } : t;
  });
}
