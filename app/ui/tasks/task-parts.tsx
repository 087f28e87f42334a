"use client";

import Link from "next/link";
import type { Task } from "@/lib/shared/types";
import { timeLeft } from "@/lib/shared/runs-view";
import { ProgressBar } from "../progress-bar";
import { useNow } from "../use-now";
import type { TaskView } from "./task-view";

/** The pieces a task's table row and its phone card both show, from the same view. */

export function TaskProgress({ task, view, typicalMs }: { task: Task; view: TaskView; typicalMs?: number }) {
  if (view.active) {
    return (
      <>
        <ProgressBar
          value={task.progress}
          label={`Progress of task ${view.shortId}`}
          step={view.pending ? "Starting…" : task.currentStep}
        />
        {view.kind === "running" && typicalMs !== undefined ? (
          <TimeLeft typicalMs={typicalMs} startedAt={task.creationTime} />
        ) : null}
      </>
    );
  }
  if (view.failure)
    return (
      <p className="line-clamp-2 text-rose-800 dark:text-rose-300" title={view.failure}>
        {view.failure}
      </p>
    );
  return <span className="text-slate-600 dark:text-slate-400">{view.outcomeNote}</span>;
}

export function TaskStarter({ view, className = "" }: { view: TaskView; className?: string }) {
  if (view.starter === undefined) return null;
  return (
    <span
      className={`text-xs text-slate-600 dark:text-slate-400 ${className}`}
      title={view.starter.email ? `${view.starter.name} <${view.starter.email}>` : view.starter.name}
    >
      {view.starter.name}
    </span>
  );
}

export function TaskDetailLink({ view }: { view: TaskView }) {
  if (view.pending) return <span className="text-slate-500 dark:text-slate-400">starting…</span>;
  return (
    <Link
      href={view.detailHref}
      className={[
        "relative rounded text-sky-800 hover:underline focus-visible:outline-2",
        "focus-visible:outline-sky-600 dark:text-sky-300",
      ].join(" ")}
      aria-label={`Details of task ${view.shortId}…`}
      title={view.taskId}
    >
      {view.shortId}…
    </Link>
  );
}

export function CancelButton({ view, onCancel }: { view: TaskView; onCancel: () => void }) {
  if (!view.cancellable) return null;
  return (
    <button
      type="button"
      onClick={onCancel}
      aria-label={`Cancel task ${view.shortId}`}
      className={[
        "relative rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium",
        "text-slate-700 hover:border-rose-400 hover:bg-rose-50 hover:text-rose-800",
        "focus-visible:outline-2 focus-visible:outline-offset-2",
        "focus-visible:outline-sky-600 dark:border-slate-700 dark:text-slate-200",
        "dark:hover:bg-rose-950 dark:hover:text-rose-200",
      ].join(" ")}
    >
      Cancel
    </button>
  );
}

function TimeLeft({ typicalMs, startedAt }: { typicalMs: number; startedAt: number | undefined }) {
  const now = useNow();
  if (now === null || startedAt === undefined) return null;
  return <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{timeLeft(typicalMs, now - startedAt)}</p>;
}
