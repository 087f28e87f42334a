"use client";

import useSWR from "swr";
import type { Task } from "@/lib/shared/types";
import type { TaskResponse } from "@/lib/shared/responses";
import { apiGet } from "@/lib/shared/api-client";
import { createLimiter } from "@/lib/shared/concurrency";

/** Anaplan's task lists carry no `result`; a finished task's result never changes, so it is fetched once and kept. */
const limit = createLimiter(3);
export const fetchTaskOnce = (key: string) => limit(() => apiGet<TaskResponse>(key));

export function needsResult(task: Task): boolean {
  return task.taskState === "COMPLETE" && task.result === undefined;
}

export function useFullTask<T extends Task>(task: T, key: string | null, enabled: boolean): T {
  const { data } = useSWR<TaskResponse>(enabled && key && needsResult(task) ? key : null, fetchTaskOnce, {
    revalidateOnFocus: false,
    revalidateIfStale: false,
    revalidateOnReconnect: false,
    dedupingInterval: 3_600_000,
  });
  return data?.task && data.task.taskId === task.taskId ? { ...task, ...data.task } : task;
}
