"use client";

import Link from "next/link";
import type { Task } from "@/lib/shared/types";
import { RelativeTime } from "../relative-time";
import { StateBadge } from "../state-badge";
import { TaskDuration } from "../task-duration";
import { CancelButton, TaskDetailLink, TaskProgress, TaskStarter } from "./task-parts";
import type { TaskView } from "./task-view";

/** One task on a phone: the table row's facts stacked, nothing cut and nothing off-screen. */
export function TaskCard({
  task,
  view,
  finishedAt,
  typicalMs,
  onCancel,
  isNew,
}: {
  task: Task;
  view: TaskView;
  finishedAt: number | undefined;
  typicalMs?: number;
  onCancel: () => void;
  isNew: boolean;
}) {
  return (
    <li
      data-task-id={task.taskId}
      className={[
        "space-y-2 px-4 py-3",
        isNew ? "animate-row-in" : "",
        view.kind === "failed" ? "bg-rose-50/40 dark:bg-rose-950/20" : "",
      ].join(" ")}
    >
      {view.exportName !== undefined ? (
        <Link
          href={view.exportHref}
          className={[
            "block font-medium break-words text-slate-900 hover:underline",
            "focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-white",
          ].join(" ")}
        >
          {view.exportName}
        </Link>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <StateBadge task={task} />
        <CancelButton view={view} onCancel={onCancel} />
      </div>
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700 tabular-nums dark:text-slate-300">
        <span>
          Started <RelativeTime ms={task.creationTime} />
        </span>
        <span>
          <TaskDuration task={task} finishedAt={finishedAt} />
        </span>
        <span className="font-mono text-xs">
          <TaskDetailLink view={view} />
        </span>
      </p>
      {view.starter !== undefined ? (
        <p className="text-xs break-words text-slate-600 dark:text-slate-400">
          by <TaskStarter view={view} />
        </p>
      ) : null}
      <div className="text-sm">
        <TaskProgress task={task} view={view} typicalMs={typicalMs} />
      </div>
    </li>
  );
}
