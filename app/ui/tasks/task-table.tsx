"use client";

import Link from "next/link";
import { useState } from "react";
import type { Task } from "@/lib/shared/types";
import { COLUMN_HEADER, TABLE_HEAD } from "../table-styles";
import { RelativeTime } from "../relative-time";
import { StateBadge } from "../state-badge";
import { TaskDuration } from "../task-duration";
import { TaskCard } from "./task-card";
import { CancelButton, TaskDetailLink, TaskProgress, TaskStarter } from "./task-parts";
import { type TaskView, taskView } from "./task-view";

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
  const views = rows.map((task) => ({
    task,
    isNew: !initial.has(task.taskId),
    view: taskView(task, {
      workspaceId: props.workspaceId,
      modelId: props.modelId,
      exportId: props.exportIdOf(task),
      exportName: exportNameOf?.(task),
    }),
  }));
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
        {/* Phones get cards and larger screens the table, by CSS alone, so hydration never moves anything. */}
        <table className="hidden w-full min-w-[760px] table-fixed border-collapse text-sm sm:table">
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
            {views.map((v) => (
              <TaskRow key={v.task.taskId} {...props} {...v} />
            ))}
          </tbody>
        </table>
        <ul aria-label={props.caption} className="divide-y divide-slate-100 sm:hidden dark:divide-slate-800">
          {views.map(({ task, view, isNew }) => (
            <TaskCard
              key={task.taskId}
              task={task}
              view={view}
              isNew={isNew}
              finishedAt={props.finishedAt[task.taskId]}
              typicalMs={props.typicalMs}
              onCancel={() => props.onCancel(task)}
            />
          ))}
        </ul>
      </div>
    </div>
  );
}

function TaskRow<T extends Task>(props: Props<T> & { task: T; view: TaskView; isNew: boolean }) {
  const { task, view, isNew, finishedAt, onCancel, typicalMs } = props;
  return (
    <tr
      className={`${isNew ? "animate-row-in" : ""} ${view.kind === "failed" ? "bg-rose-50/40 dark:bg-rose-950/20" : ""}`}
      data-task-id={task.taskId}
    >
      {view.exportName !== undefined ? (
        <td className={td}>
          <Link
            href={view.exportHref}
            className={[
              "block truncate font-medium text-slate-900 hover:underline",
              "focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-white",
            ].join(" ")}
            title={view.exportName}
          >
            {view.exportName}
          </Link>
        </td>
      ) : null}
      <td className={td}>
        <StateBadge task={task} />
      </td>
      <td className={`${td} whitespace-nowrap text-slate-700 dark:text-slate-300`}>
        <RelativeTime ms={task.creationTime} />
        <TaskStarter view={view} className="block truncate" />
      </td>
      <td className={`${td} whitespace-nowrap text-slate-700 tabular-nums dark:text-slate-300`}>
        <TaskDuration task={task} finishedAt={finishedAt[task.taskId]} />
      </td>
      <td className={td}>
        <TaskProgress task={task} view={view} typicalMs={typicalMs} />
      </td>
      <td className={`${td} font-mono text-xs whitespace-nowrap`}>
        <TaskDetailLink view={view} />
      </td>
      <td className={`${td} text-right`}>
        <CancelButton view={view} onCancel={() => onCancel(task)} />
      </td>
    </tr>
  );
}
