"use client";

import { useEffect, useRef, useState } from "react";
import useSWR from "swr";
import type { Task } from "@/lib/shared/types";
import { pollInterval } from "@/lib/shared/poll-interval";
import { currentTime } from "@/lib/shared/format";
import { finishedSince } from "@/lib/shared/task-list";
import { KIND_LABEL, failureMessages, taskKind } from "@/lib/shared/task-state";
import { cancelOutcome } from "@/lib/shared/cancel-text";
import { useToast } from "../toast-provider";
import { notifyDone } from "./notifications";

export interface LiveOptions<T> {
  /** Interval when nothing is active (0 stops). */
  idleMs?: number;
  /** Announce finished tasks with a toast (only one table per page should). */
  announce?: boolean;
  /** Also keep polling while the tab is hidden, and send a browser notification when a task finishes. */
  notifyInBackground?: boolean;
  describe?: (task: T) => string;
  /** Called when any task in view has just finished (e.g. to refresh the model-busy status). */
  onFinished?: () => void;
}

/**
 * One SWR subscription per table: polls at the pace `pollInterval` picks from the tasks in view, pauses while
 * the tab is hidden (unless a background notification was asked for), and notices tasks that just finished.
 */
export function useLiveTasks<D, T extends Task>(
  key: string | null,
  select: (data: D | undefined) => T[] | undefined,
  options: LiveOptions<T> = {},
) {
  const { toast } = useToast();
  const { idleMs, announce = true, notifyInBackground = false, describe, onFinished } = options;
  const [updatedAt, setUpdatedAt] = useState<number>(() => Date.now());
  const [finishedAt, setFinishedAt] = useState<Record<string, number>>({});
  /** What the table showed last (optimistic rows included). */
  const shown = useRef<T[] | undefined>(undefined);

  const swr = useSWR<D>(key, {
    refreshInterval: (latest) => pollInterval(select(latest), Date.now(), { idleMs }),
    refreshWhenHidden: notifyInBackground,
    keepPreviousData: true,
    // An unchanged answer keeps its object, so only this hook's own fetch says "checked just now".
    onSuccess: () => setUpdatedAt(currentTime()),
  });

  // Lists from the BFF carry the result of a finished task, so what just finished is known without another read.
  function announceDone(task: T) {
    const to = taskKind(task);
    const title = `${describe?.(task) ?? "Export"}: ${to === "unknown" ? "finished" : KIND_LABEL[to].toLowerCase()}`;
    const body = to === "failed" ? (failureMessages(task)[0] ?? "Anaplan reported a failure.") : cancelOutcome(task);
    if (announce) toast({ tone: to === "succeeded" ? "success" : to === "failed" ? "error" : "info", title, body });
    if (notifyInBackground) notifyDone(title, body, task.taskId);
  }

  const tasks = select(swr.data);
  /**
   * "Finished" is measured against what the table showed before (optimistic rows included), whenever the data
   * changes — by this hook's poll, another component's read of the same key, or a pushed event's refresh.
   */
  const seenData = useRef<D | undefined>(undefined);
  useEffect(() => {
    const changed = swr.data !== undefined && swr.data !== seenData.current;
    const before = seenData.current === undefined ? undefined : shown.current;
    if (changed) seenData.current = swr.data;
    shown.current = tasks;
    if (!changed || before === undefined) return;
    const at = currentTime();
    setUpdatedAt(at);
    const done = finishedSince(before, tasks);
    if (done.length === 0) return;
    setFinishedAt((m) => ({ ...m, ...Object.fromEntries(done.map((d) => [d.task.taskId, at])) }));
    for (const { task } of done) announceDone(task);
    onFinished?.();
    // announceDone and onFinished are read when the data changes, not followed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [swr.data, tasks]);

  return {
    data: swr.data,
    tasks,
    error: swr.error as Error | undefined,
    isValidating: swr.isValidating,
    updatedAt,
    finishedAt,
    refresh: () => swr.mutate(),
  };
}
