"use client";

import { useCallback, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import type { ActivityTask } from "@/lib/shared/types";
import type { ActivityResponse } from "@/lib/shared/responses";
import { apiPaths } from "@/lib/shared/api-paths";
import { sortTasks, withModelProgress } from "@/lib/shared/task-list";
import { KIND_LABEL, taskKind, type TaskKind } from "@/lib/shared/task-state";
import { LiveTableControls } from "../tasks/live-table-controls";
import { TaskTable } from "../tasks/task-table";
import { useLiveTasks } from "../tasks/use-live-tasks";
import { useTaskActions } from "../tasks/use-task-actions";
import { FIELD_CONTROL, FIELD_LABEL } from "../field-styles";
import { ModelBusyBanner } from "./model-busy-banner";

const selectTasks = (d: ActivityResponse | undefined) => d?.tasks;
const KINDS: TaskKind[] = ["queued", "running", "cancelling", "cancelled", "succeeded", "failed"];

/** Recent tasks across every export of the model, filterable by state and export. */
export function ActivityPanel({ workspaceId, modelId }: { workspaceId: string; modelId: string }) {
  const [notify, setNotify] = useState(false);
  // Filters live in the URL (?state=&export=) so a pasted link shows the same view.
  const pathname = usePathname();
  const params = useSearchParams();
  const stateParam = params.get("state") ?? "";
  const kind: "" | TaskKind = (KINDS as string[]).includes(stateParam) ? (stateParam as TaskKind) : "";
  const exportId = params.get("export") ?? "";
  const setFilter = (name: "state" | "export", value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(name, value);
    else next.delete(name);
    const qs = next.toString();
    window.history.replaceState(null, "", `${pathname}${qs ? `?${qs}` : ""}`);
  };
  const describe = useCallback((t: ActivityTask) => t.exportName, []);
  const live = useLiveTasks<ActivityResponse, ActivityTask>(apiPaths.activity(workspaceId, modelId), selectTasks, {
    notifyInBackground: notify,
    describe,
  });
  const { cancel } = useTaskActions(workspaceId, modelId);

  const all = withModelProgress(sortTasks(live.tasks ?? []), live.data?.modelStatus);
  const exportsSeen = [...new Map(all.map((t) => [t.exportId, t.exportName])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const shown = all.filter((t) => (!kind || taskKind(t) === kind) && (!exportId || t.exportId === exportId));

  return (
    <div className="space-y-4">
      <ModelBusyBanner workspaceId={workspaceId} modelId={modelId} taskIds={shown.map((t) => t.taskId)} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex flex-wrap items-end gap-3">
          <label className={FIELD_LABEL}>
            State
            <select
              value={kind}
              onChange={(e) => setFilter("state", e.target.value)}
              className={`${FIELD_CONTROL} mt-1 block`}
            >
              <option value="">All states</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          </label>
          <label className={FIELD_LABEL}>
            Export
            <select
              value={exportId}
              onChange={(e) => setFilter("export", e.target.value)}
              className={`${FIELD_CONTROL} mt-1 block max-w-[16rem]`}
            >
              <option value="">All exports</option>
              {exportsSeen.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <p className="pb-2 text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
            {shown.length} of {all.length} tasks
          </p>
        </div>
        <LiveTableControls live={live} notify={notify} onNotifyChange={setNotify} />
      </div>
      <TaskTable
        caption="Recent tasks across all exports of this model, newest first"
        tasks={shown}
        workspaceId={workspaceId}
        modelId={modelId}
        exportIdOf={(t) => t.exportId}
        exportNameOf={(t) => t.exportName}
        finishedAt={live.finishedAt}
        onCancel={(t) => void cancel(t, t.exportId, t.exportName)}
        empty={
          all.length === 0
            ? "No recent tasks in this model. Runs by anyone on the team appear here."
            : "No tasks match these filters."
        }
      />
    </div>
  );
}
