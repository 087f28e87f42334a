"use client";

import { useEffect, useRef, useState } from "react";
import useSWR from "swr";
import type { Task } from "@/lib/shared/types";
import { pollInterval } from "@/lib/shared/poll-interval";
import { finishedSince } from "@/lib/shared/task-list";
import { KIND_LABEL, failureMessages } from "@/lib/shared/task-state";
import { useToast } from "../toast-provider";
import { notifyDone } from "./notifications";

interface Options<T> {
  /** Interval when nothing is active (0 stops). */
  idleMs?: number;
  /** Announce finished tasks with a toast (only one table per page should). */
  announce?: boolean;
  /** Also keep polling while the tab is hidden, to send a browser notification. */
  notifyInBackground?: boolean;
  describe?: (task: T) => string;
}

/**
 * One SWR subscription per table: polls at the pace `pollInterval` picks from the tasks in view, pauses while
 * the tab is hidden (unless a background notification was asked for), and notices tasks that just finished.
 */
export function useLiveTasks<D, T extends Task>(key: string | null, select: (data: D | undefined) => T[] | undefined, options: Options<T> = {}) {
  const { toast } = useToast();
  const { idleMs, announce = true, notifyInBackground = false, describe } = options;
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [finishedAt, setFinishedAt] = useState<Record<string, number>>({});
  const [interval, setIntervalMs] = useState<number>(0);

  const swr = useSWR<D>(key, {
    refreshInterval: (latest) => pollInterval(select(latest), Date.now(), { idleMs }),
    refreshWhenHidden: notifyInBackground,
    keepPreviousData: true,
    onSuccess: () => setUpdatedAt(Date.now()),
  });

  const tasks = select(swr.data);
  const previous = useRef<T[] | undefined>(tasks);

  useEffect(() => {
    // The server-rendered fallback counts as fresh when the page opens.
    setUpdatedAt((u) => u ?? Date.now());
  }, []);

  useEffect(() => {
    setIntervalMs(pollInterval(tasks, Date.now(), { idleMs }));
    const done = finishedSince(previous.current, tasks);
    previous.current = tasks;
    if (done.length === 0) return;
    const at = Date.now();
    setFinishedAt((m) => ({ ...m, ...Object.fromEntries(done.map((d) => [d.task.taskId, at])) }));
    for (const { task, to } of done) {
      const name = describe?.(task) ?? "Export";
      const title = `${name}: ${KIND_LABEL[to].toLowerCase()}`;
      const body = to === "failed" ? (failureMessages(task)[0] ?? "Anaplan reported a failure.") : undefined;
      if (announce) toast({ tone: to === "succeeded" ? "success" : to === "failed" ? "error" : "info", title, body });
      if (notifyInBackground) notifyDone(title, body, task.taskId);
    }
  }, [tasks, announce, notifyInBackground, describe, toast, idleMs]);

  return {
    data: swr.data,
    tasks,
    error: swr.error as Error | undefined,
    isValidating: swr.isValidating,
    updatedAt,
    finishedAt,
    intervalMs: interval,
    refresh: () => swr.mutate(),
  };
}
