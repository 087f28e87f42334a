"use client";

import { useCallback, useEffect, useState } from "react";
import useSWR, { useSWRConfig } from "swr";
import type { Task } from "@/lib/shared/types";
import type { ActivityResponse, RunsResponse, TasksResponse } from "@/lib/shared/responses";
import { apiPaths } from "@/lib/shared/api-paths";
import { exportHistoryKey, typicalDuration } from "@/lib/shared/runs-view";
import { sortTasks, withModelProgress } from "@/lib/shared/task-list";
import { isActiveTask } from "@/lib/shared/task-state";
import { LiveTableControls } from "./live-table-controls";
import { TaskTable } from "./task-table";
import { useLiveTasks } from "./use-live-tasks";
import { PENDING_PREFIX, useTaskActions } from "./use-task-actions";
import { useTabTitle } from "./use-tab-title";

const selectTasks = (d: TasksResponse | undefined) => d?.tasks;

/** The live task table of one export. */
export function ExportTasksPanel({
  workspaceId,
  modelId,
  exportId,
  exportName,
}: {
  workspaceId: string;
  modelId: string;
  exportId: string;
  exportName: string;
}) {
  const [notify, setNotify] = useState(false);
  const describe = useCallback(() => exportName, [exportName]);
  const { mutate } = useSWRConfig();
  const history = exportHistoryKey(workspaceId, modelId, exportId);
  const onFinished = useCallback(() => {
    void mutate(apiPaths.activity(workspaceId, modelId));
    void mutate(history);
  }, [mutate, workspaceId, modelId, history]);
  const live = useLiveTasks<TasksResponse, Task>(apiPaths.exportTasks(workspaceId, modelId, exportId), selectTasks, {
    notifyInBackground: notify,
    describe,
    onFinished,
  });
  const { cancel } = useTaskActions(workspaceId, modelId);
  // The model status (polled by the busy banner) carries the running task's progress, which lists lack.
  const { data: activity } = useSWR<ActivityResponse>(apiPaths.activity(workspaceId, modelId), {
    revalidateOnMount: false,
    revalidateOnFocus: false,
  });
  const tasks = withModelProgress(sortTasks(live.tasks ?? []), activity?.modelStatus);
  useTabTitle(tasks[0], live.finishedAt);
  // The run history (loaded by its chart on this page) tells how long this export usually takes.
  const { data: runs } = useSWR<RunsResponse>(history, { revalidateOnMount: false, revalidateOnFocus: false });
  // A task that has just started joins the chart as a running bar; one that has just finished is refreshed by onFinished.
  const active = tasks
    .filter((t) => isActiveTask(t) && !t.taskId.startsWith(PENDING_PREFIX))
    .map((t) => t.taskId)
    .join();
  useEffect(() => {
    if (active) void mutate(history);
  }, [active, history, mutate]);

  return (
    <section aria-labelledby="tasks-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="tasks-heading" className="text-base font-semibold">
          Tasks
        </h2>
        <LiveTableControls live={live} notify={notify} onNotifyChange={setNotify} />
      </div>
      <TaskTable
        caption={`Tasks of ${exportName}, newest first`}
        tasks={tasks}
        workspaceId={workspaceId}
        modelId={modelId}
        exportIdOf={() => exportId}
        finishedAt={live.finishedAt}
        onCancel={(t) => void cancel(t, exportId, exportName)}
        empty="No tasks yet. Run the export to create one — tasks from everyone on the team appear here."
        typicalMs={runs ? typicalDuration(runs.runs) : undefined}
      />
    </section>
  );
}
