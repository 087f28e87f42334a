"use client";

import { useCallback, useState } from "react";
import type { Task } from "@/lib/shared/types";
import type { TaskResponse } from "@/lib/shared/responses";
import { apiPaths } from "@/lib/shared/api-paths";
import { cancelOutcome } from "@/lib/shared/cancel-text";
import { starterName } from "@/lib/shared/runs-view";
import { canCancel, failureMessages, isActiveTask, taskKind } from "@/lib/shared/task-state";
import { ProgressBar } from "../progress-bar";
import { ExactTime, RelativeTime } from "../relative-time";
import { StateBadge } from "../state-badge";
import { TaskDuration } from "../task-duration";
import { NotifyToggle } from "./notify-toggle";
import { RefreshStatus } from "./refresh-status";
import { useLiveTasks } from "./use-live-tasks";
import { useTaskActions } from "./use-task-actions";

interface Props {
  workspaceId: string;
  modelId: string;
  exportId: string;
  exportName: string;
  taskId: string;
  /** The locale the run was started with, as the ledger recorded it (lib/shared/locales.ts runLocaleLabel). */
  localeLabel: string;
  /** When the ledger first saw the run finished, for a page opened after it ended. */
  recordedFinishedAt?: number;
}

const selectOne = (d: TaskResponse | undefined) => (d ? [d.task] : undefined);

/** One task, live until it is finished: state, progress, timing, result and every failure message. */
export function TaskDetail(props: Props) {
  const { workspaceId, modelId, exportId, exportName, taskId, localeLabel, recordedFinishedAt } = props;
  const [notify, setNotify] = useState(false);
  const describe = useCallback(() => exportName, [exportName]);
  const live = useLiveTasks<TaskResponse, Task>(apiPaths.task(workspaceId, modelId, exportId, taskId), selectOne, {
    idleMs: 0,
    notifyInBackground: notify,
    describe,
  });
  const { cancel } = useTaskActions(workspaceId, modelId);
  const [cancelling, setCancelling] = useState(false);
  const task = live.tasks?.[0];
  if (!task) return null;

  const kind = taskKind(task);
  const failures = failureMessages(task);
  async function onCancel(t: Task) {
    if (cancelling) return;
    setCancelling(true);
    await cancel(t, exportId, exportName);
    setCancelling(false);
  }

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <span className="text-lg">
            <StateBadge task={task} />
          </span>
          {canCancel(task) ? (
            <button
              type="button"
              // Not disabled: focus comes back here when the confirmation is dismissed.
              aria-disabled={cancelling || undefined}
              onClick={() => void onCancel(task)}
              className={[
                "rounded-md border border-rose-300 bg-white px-3 py-1.5 text-sm font-medium",
                "text-rose-800 hover:bg-rose-50 focus-visible:outline-2",
                "focus-visible:outline-offset-2 focus-visible:outline-sky-600 aria-disabled:opacity-60",
                "dark:border-rose-800 dark:bg-slate-900 dark:text-rose-200 dark:hover:bg-rose-950",
              ].join(" ")}
            >
              Cancel task
            </button>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          {isActiveTask(task) ? <NotifyToggle on={notify} onChange={setNotify} /> : null}
          <RefreshStatus
            updatedAt={live.updatedAt}
            validating={live.isValidating}
            onRefresh={live.refresh}
            tasks={live.tasks}
            idleMs={0}
            error={live.error}
          />
        </div>
      </div>

      <section
        aria-labelledby="progress-heading"
        className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="progress-heading" className="sr-only">
          Progress
        </h2>
        <ProgressBar
          value={kind === "succeeded" ? 1 : task.progress}
          label="Task progress"
          step={task.currentStep}
          tone={
            kind === "succeeded"
              ? "succeeded"
              : kind === "failed"
                ? "failed"
                : kind === "cancelled" || kind === "unknown"
                  ? "stopped"
                  : "active"
          }
        />
        <dl className="mt-5 grid grid-cols-2 gap-x-6 gap-y-4 text-sm sm:grid-cols-3 lg:grid-cols-5">
          <Fact term="Created">
            <ExactTime ms={task.creationTime} />
            <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
              <RelativeTime ms={task.creationTime} />
            </span>
          </Fact>
          <Fact term="Duration">
            <TaskDuration task={task} finishedAt={live.finishedAt[task.taskId] ?? recordedFinishedAt} />
          </Fact>
          {task.startedBy !== undefined ? <Fact term="Started by">{starterName(task.startedBy)}</Fact> : null}
          <Fact term="Locale">{localeLabel}</Fact>
          <Fact term="Task ID">
            <span className="font-mono text-xs break-all">{task.taskId}</span>
          </Fact>
          {task.cancelledBy ? <Fact term="Cancelled by">{task.cancelledBy}</Fact> : null}
        </dl>
      </section>

      {task.result || kind === "cancelled" ? (
        <section
          aria-labelledby="result-heading"
          className={`rounded-xl border p-5 ${kind === "failed" ? FAILED_PANEL : PANEL}`}
        >
          <h2 id="result-heading" className="text-base font-semibold">
            Result
          </h2>
          <p className="mt-1 text-sm">
            {resultSentence(task)}
            {task.result?.objectName ? ` (${task.result.objectName})` : ""}
          </p>
          {failures.length > 0 ? (
            <>
              <h3 className="mt-4 text-sm font-semibold">Messages from Anaplan</h3>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-rose-900 dark:text-rose-100">
                {failures.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            </>
          ) : null}
          {task.result?.failureDumpAvailable ? (
            <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">Anaplan kept a failure dump for this run.</p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

/** CANCELLED carries successful: false, but a cancelled run never "failed". */
function resultSentence(task: Task): string {
  return cancelOutcome(task) ?? (task.result?.successful ? "The export finished successfully." : "The export failed.");
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="mt-0.5 font-medium">{children}</dd>
    </div>
  );
}

const FAILED_PANEL = "border-rose-300 bg-rose-50 dark:border-rose-800 dark:bg-rose-950/40";
const PANEL = "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900";
