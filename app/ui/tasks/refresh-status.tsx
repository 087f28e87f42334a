"use client";

import type { Task } from "@/lib/shared/types";
import { formatDuration, formatRelative } from "@/lib/shared/format";
import { pollInterval } from "@/lib/shared/poll-interval";
import { RefreshIcon } from "../icons";
import { useNow } from "../use-now";
import { useLiveStream } from "../live/live-model-events";

interface Props {
  updatedAt: number;
  validating: boolean;
  onRefresh: () => void;
  tasks: readonly Task[] | undefined;
  idleMs?: number;
  error?: Error;
}

/** "Updated 12 sec ago · Checking every 5 sec" with a manual refresh button. */
export function RefreshStatus({ updatedAt, validating, onRefresh, tasks, idleMs, error }: Props) {
  const now = useNow();
  const stream = useLiveStream();
  const interval = now === null ? null : pollInterval(tasks, now, { idleMs });
  const age = now === null ? null : Math.max(0, now - updatedAt);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
      <span aria-live="off" className="inline-block min-w-[18ch] tabular-nums">
        {now === null || age === null
          ? "\u00a0"
          : age < 5_000
            ? "Updated just now"
            : `Updated ${formatRelative(updatedAt, now)}`}
      </span>
      {stream === "live" ? (
        <span className="inline-flex items-center gap-1 font-medium text-emerald-800 dark:text-emerald-300">
          <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-600 dark:bg-emerald-400" />
          Live
        </span>
      ) : null}
      {interval !== null ? (
        <span className="hidden sm:inline">
          {interval === 0 ? "Live updates off — nothing running" : `Checking every ${formatDuration(interval)}`}
        </span>
      ) : null}
      {error ? (
        <span role="alert" className="font-medium text-rose-700 dark:text-rose-300">
          Couldn’t refresh: {error.message}
        </span>
      ) : null}
      <button
        type="button"
        onClick={onRefresh}
        className={[
          "inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white",
          "px-2 py-1 font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2",
          "focus-visible:outline-offset-2 focus-visible:outline-sky-600",
          "dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200",
          "dark:hover:bg-slate-800",
        ].join(" ")}
      >
        <RefreshIcon className={`size-3.5 ${validating ? "motion-safe:animate-spin" : ""}`} />
        Refresh
      </button>
    </div>
  );
}
