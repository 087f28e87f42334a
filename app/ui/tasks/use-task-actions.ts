"use client";

import { useSWRConfig } from "swr";
import type { ActivityTask, Task } from "@/lib/shared/types";
import type { ActivityResponse, TaskResponse, TasksResponse } from "@/lib/shared/responses";
import { apiPaths } from "@/lib/shared/api-paths";
import { ApiError, apiSend } from "@/lib/shared/api-client";
import { upsertTask } from "@/lib/shared/task-list";
import { cancelQuestion } from "@/lib/shared/cancel-text";
import { useToast } from "../toast-provider";
import { useConfirmCancel } from "./confirm-cancel";

export const PENDING_PREFIX = "pending-";

type Patch = (t: Task) => Task;

/**
 * Starting and cancelling, applied to every cached view of the task at once (the export's task list, the
 * model activity and the task itself), rolled back with a message when Anaplan says no.
 */
export function useTaskActions(workspaceId: string, modelId: string) {
  const { cache, mutate } = useSWRConfig();
  const { toast } = useToast();
  const { confirm, myEmail } = useConfirmCancel();
  const activityKey = apiPaths.activity(workspaceId, modelId);

  function snapshot(keys: string[]) {
    return new Map(keys.map((k) => [k, cache.get(k)?.data]));
  }
  async function restore(saved: Map<string, unknown>) {
    await Promise.all([...saved].map(([k, v]) => mutate(k, v, { revalidate: true })));
  }

  async function start(exportId: string, exportName: string, localeName: string): Promise<Task | null> {
    const listKey = apiPaths.exportTasks(workspaceId, modelId, exportId);
    const saved = snapshot([listKey, activityKey]);
    const placeholder: Task = {
      taskId: `${PENDING_PREFIX}${Date.now()}`,
      taskState: "NOT_STARTED",
      creationTime: Date.now(),
      currentStep: "Starting…",
    };
    const asActivity = (t: Task): ActivityTask => ({ ...t, exportId, exportName });
    const put = (t: Task, drop?: string) => {
      void mutate<TasksResponse>(
        listKey,
        (d) =>
          d && {
            ...d,
            tasks: upsertTask(
              d.tasks.filter((x) => x.taskId !== drop),
              t,
            ),
          },
        { revalidate: false },
      );
      void mutate<ActivityResponse>(
        activityKey,
        (d) =>
          d && {
            ...d,
            tasks: upsertTask(
              d.tasks.filter((x) => x.taskId !== drop),
              asActivity(t),
            ),
          },
        { revalidate: false },
      );
    };
    put(placeholder);
    try {
      const { task } = await apiSend<TaskResponse>("POST", listKey, { localeName });
      const started = { ...task, creationTime: task.creationTime ?? placeholder.creationTime };
      put(started, placeholder.taskId);
      void mutate(listKey);
      void mutate(activityKey);
      return started;
    } catch (err) {
      await restore(saved);
      if (err instanceof ApiError && err.code === "STATUS_UNKNOWN") {
        toast({
          tone: "info",
          title: "Not sure the export started",
          body: "Anaplan did not confirm it. The task list has been refreshed — check it before running the export again.",
        });
        return null;
      }
      throw err;
    }
  }

  /** Asks first, naming whose run it is; resolves false when the person keeps it running. */
  async function cancel(task: Task, exportId: string, exportName: string): Promise<boolean> {
    if (!(await confirm(cancelQuestion(task, exportName, myEmail, Date.now())))) return false;
    const listKey = apiPaths.exportTasks(workspaceId, modelId, exportId);
    const taskKey = apiPaths.task(workspaceId, modelId, exportId, task.taskId);
    const saved = snapshot([listKey, activityKey, taskKey]);
    const apply = (patch: Patch) => {
      void mutate<TasksResponse>(
        listKey,
        (d) => d && { ...d, tasks: d.tasks.map((t) => (t.taskId === task.taskId ? patch(t) : t)) },
        { revalidate: false },
      );
      void mutate<ActivityResponse>(
        activityKey,
        (d) => d && { ...d, tasks: d.tasks.map((t) => (t.taskId === task.taskId ? (patch(t) as ActivityTask) : t)) },
        { revalidate: false },
      );
      void mutate<TaskResponse>(taskKey, (d) => d && { ...d, task: patch(d.task) }, { revalidate: false });
    };
    apply((t) => ({ ...t, taskState: "CANCELLING" }));
    try {
      const { task: after } = await apiSend<TaskResponse>("DELETE", taskKey);
      apply((t) => ({ ...t, ...after }));
      void mutate(listKey);
      void mutate(activityKey);
      void mutate(taskKey);
      return true;
    } catch (err) {
      await restore(saved);
      toast({
        tone: "error",
        title: "Could not cancel the task",
        body: err instanceof Error ? err.message : undefined,
      });
      return false;
    }
  }

  return { start, cancel };
}
