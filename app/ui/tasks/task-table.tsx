"use client";

import Link from "next/link";
import { useState } from "react";
import type { Task } from "@/lib/shared/types";
import { pagePaths } from "@/lib/shared/api-paths";
import { starterName, timeLeft } from "@/lib/shared/runs-view";
import { cancelOutcome } from "@/lib/shared/cancel-text";
import { canCancel, failureMessages, isActiveTask, taskKind } from "@/lib/shared/task-state";
import { ProgressBar } from "../progress-bar";
import { COLUMN_HEADER, TABLE_HEAD } from "../table-styles";
import { RelativeTime } from "../relative-time";
import { StateBadge } from "../state-badge";
import { TaskDuration } from "../task-duration";
import { useNow } from "../use-now";
import { PENDING_PREFIX } from "./use-task-actions";

interface Props<T extends Task> {
  caption: string;
  tasks: readonly T[];
  workspaceId: string;
  modelId: string;
  exportIdOf: (task: T) => string;
  /** Show an Export column (model activity). */
  exportNameOf?: (task: T) => string;
  finishedAt: Record<string, number>;
  onCancel: (task: T) => void;
  empty: React.ReactNode;
  /** How long this export usually takes (the team ledger's median), for "about N min left". */
  typicalMs?: number;
}

const th = `${COLUMN_HEADER} text-left`;
const td = "px-3 py-3 align-middle";

/**
 * A live task table. While the pointer is over it or focus is inside it, the rows on screen keep their order and
 * new tasks wait behind a "show" button, so nothing jumps under the reader; rows still update in place.
 */
export function TaskTable<T extends Task>(props: Props<T>) {
  const { tasks, exportNameOf, empty } = props;
  const [frozen, setFrozen] = useState<string[] | null>(null);
  const [initial] = useState(() => new Set(tasks.map((t) => t.taskId)));

  const byId = new Map(tasks.map((t) => [t.taskId, t]));
  const rows = frozen ? frozen.flatMap((id) => byId.get(id) ?? []) : tasks;
  const waiting = frozen ? tasks.filter((t) => !frozen.includes(t.taskId)) : [];

  const hold = () => setFrozen((f) => f ?? tasks.map((t) => t.taskId));
  const release = () => setFrozen(null);

  if (tasks.length === 0) {
    return (
      <div
        className={[
          "rounded-xl border border-dashed border-slate-300 px-6 py-10 text-center text-sm",
          "text-slate-600 dark:border-slate-700 dark:text-slate-400",
        ].join(" ")}
      >
        {empty}
      </div>
    );
  }

  return (
    <div
      onPointerEnter={hold}
      onPointerLeave={(e) => {
        if (!e.currentTarget.contains(document.activeElement)) release();
      }}
      onFocus={hold}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null) && !e.currentTarget.matches(":hover")) release();
      }}
    >
      <div className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        {waiting.length > 0 ? (
          // An overlay, not a row: showing it must not move the rows being read.
          <button
            type="button"
            onClick={() => setFrozen(tasks.map((t) => t.taskId))}
            className={[
              "absolute top-1.5 left-1/2 z-10 -translate-x-1/2 rounded-full border",
              "border-sky-300 bg-sky-50 px-3 py-1 text-xs font-semibold text-sky-800 shadow-md",
              "hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-sky-600",
              "dark:border-sky-800 dark:bg-sky-950 dark:text-sky-200",
            ].join(" ")}
          >
            ↑ Show {waiting.length} new {waiting.length === 1 ? "task" : "tasks"}
          </button>
        ) : null}
        <table className="w-full min-w-[760px] table-fixed border-collapse text-sm">
          <caption className="sr-only">{props.caption}</caption>
          <thead className={TABLE_HEAD}>
            <tr>
              {exportNameOf ? (
                <th scope="col" className={`${th} w-[26%]`}>
                  Export
                </th>
              ) : null}
              <th scope="col" className={`${th} w-40`}>
                State
              </th>
              <th scope="col" className={`${th} w-32`}>
                Started
              </th>
              <th scope="col" className={`${th} w-28`}>
                Duration
              </th>
              <th scope="col" className={th}>
                Progress
              </th>
              <th scope="col" className={`${th} w-28`}>
                Task
              </th>
              <th scope="col" className={`${th} w-24`}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((task) => (
              <TaskRow key={task.taskId} {...props} task={task} isNew={!initial.has(task.taskId)} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function TaskRow<T extends Task>(props: Props<T> & { task: T; isNew: boolean }) {
  const { task, isNew, workspaceId, modelId, exportIdOf, exportNameOf, finishedAt, onCancel, typicalMs } = props;
  const pending = task.taskId.startsWith(PENDING_PREFIX);
  const exportId = exportIdOf(task);
  const kind = taskKind(task);
  const failures = kind === "failed" ? failureMessages(task) : [];
  const detail = pagePaths.task(workspaceId, modelId, exportId, task.taskId);
  return (
    <tr
      className={`${isNew ? "animate-row-in" : ""} ${kind === "failed" ? "bg-rose-50/40 dark:bg-rose-950/20" : ""}`}
      data-task-id={task.taskId}
    >
      {exportNameOf ? (
        <td className={td}>
          <Link
            href={pagePaths.export(workspaceId, modelId, exportId)}
            className={[
              "block truncate font-medium text-slate-900 hover:underline",
              "focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-white",
            ].join(" ")}
            title={exportNameOf(task)}
          >
            {exportNameOf(task)}
          </Link>
        </td>
      ) : null}
      <td className={td}>
        <StateBadge task={task} />
      </td>
      <td className={`${td} whitespace-nowrap text-slate-700 dark:text-slate-300`}>
        <RelativeTime ms={task.creationTime} />
        <StartedBy task={task} />
      </td>
      <td className={`${td} whitespace-nowrap text-slate-700 tabular-nums dark:text-slate-300`}>
        <TaskDuration task={task} finishedAt={finishedAt[task.taskId]} />
      </td>
      <td className={td}>
        {isActiveTask(task) ? (
          <>
            <ProgressBar
              value={task.progress}
              label={`Progress of task ${task.taskId.slice(0, 8)}`}
              step={pending ? "Starting…" : task.currentStep}
            />
            {kind === "running" && typicalMs !== undefined ? (
              <TimeLeft typicalMs={typicalMs} startedAt={task.creationTime} />
            ) : null}
          </>
        ) : failures.length > 0 ? (
          <p className="line-clamp-2 text-rose-800 dark:text-rose-300">{failures[0]}</p>
        ) : (
          <span className="text-slate-600 dark:text-slate-400">{cancelOutcome(task) ?? task.currentStep ?? "—"}</span>
        )}
      </td>
      <td className={`${td} font-mono text-xs whitespace-nowrap`}>
        {pending ? (
          <span className="text-slate-500 dark:text-slate-400">starting…</span>
        ) : (
          <Link
            href={detail}
            className={[
              "relative rounded text-sky-800 hover:underline focus-visible:outline-2",
              "focus-visible:outline-sky-600 dark:text-sky-300",
            ].join(" ")}
            title={task.taskId}
            aria-label={`Details of task ${task.taskId.slice(0, 8)}…`}
          >
            {task.taskId.slice(0, 8)}…
          </Link>
        )}
      </td>
      <td className={`${td} text-right`}>
        {canCancel(task) && !pending ? (
          <button
            type="button"
            onClick={() => onCancel(task)}
            aria-label={`Cancel task ${task.taskId.slice(0, 8)}`}
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
        ) : null}
      </td>
    </tr>
  );
}

/** Who started the task, from the team ledger: nothing while the ledger has not seen it. */
function StartedBy({ task }: { task: Task }) {
  if (task.startedBy === undefined) return null;
  return (
    <span className="block truncate text-xs text-slate-600 dark:text-slate-400" title={task.startedBy?.email}>
      {starterName(task.startedBy)}
    </span>
  );
}

function TimeLeft({ typicalMs, startedAt }: { typicalMs: number; startedAt: number | undefined }) {
  const now = useNow();
  if (now === null || startedAt === undefined) return null;
  return <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{timeLeft(typicalMs, now - startedAt)}</p>;
}
