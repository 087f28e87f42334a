import "server-only";
import { AnaplanError } from "@/lib/anaplan/errors";
import type { Task } from "@/lib/shared/types";
import { canOpenModel } from "./model-access";
import type { Reader } from "./reader";
import { withResults } from "./task-results";
import { knownExportName, observeTasks, withStartedBy } from "./team-ledger";
import { createTtlCache } from "./ttl-cache";

/**
 * Anaplan asks for at most one status poll per task every 5 seconds. Every reader of an export's task list — the
 * export page, the activity table, any number of tabs, and every teammate of the same tenant — shares one upstream
 * call per window: task states are the same for everyone who can open the model (files are not, and are never
 * cached). Each user's access to the model is checked with their own token first, and trusted for
 * MODEL_ACCESS_TTL_MS (model-access.ts). Finished tasks carry their result.
 */
export const TASK_LIST_TTL_MS = 5_000;

const cache = createTtlCache<Task[]>("task-lists", TASK_LIST_TTL_MS, 5_000);
const tasks = createTtlCache<Task>("tasks", TASK_LIST_TTL_MS, 5_000);

const exportSuffix = (workspaceId: string, modelId: string, exportId: string) =>
  `|${workspaceId}|${modelId.toUpperCase()}|${exportId}`;

/**
 * Every upstream read of a task list is also what the team ledger sees: the tasks are recorded (states, endings,
 * runs started elsewhere) and come back with who started each, so the cached list carries it.
 */
export async function cachedExportTasks(
  reader: Reader,
  workspaceId: string,
  modelId: string,
  exportId: string,
  exportName?: string,
): Promise<Task[]> {
  const { api, userKey, tenantId } = reader;
  if (!(await canOpenModel(api, userKey, workspaceId, modelId))) {
    throw new AnaplanError("not_found", "The model does not exist, or you have no access to it.", { status: 404 });
  }
  return cache.get(tenantId + exportSuffix(workspaceId, modelId, exportId), async () => {
    const tasks = await withResults(
      api,
      workspaceId,
      modelId,
      exportId,
      await api.exportTasks(workspaceId, modelId, exportId),
    );
    const scope = { tenantId, workspaceId, modelId };
    await observeTasks(scope, exportId, exportName ?? (await knownExportName(userKey, scope, exportId)), tasks);
    return withStartedBy(scope, tasks);
  });
}

/**
 * One task, as its page polls it: shared by the tenant like the lists (one upstream read per task per window,
 * however many teammates watch it), after each user's own access check. What it shows is recorded in the ledger.
 */
export async function cachedTask(
  reader: Reader,
  workspaceId: string,
  modelId: string,
  exportId: string,
  taskId: string,
): Promise<Task> {
  const { api, userKey, tenantId } = reader;
  if (!(await canOpenModel(api, userKey, workspaceId, modelId))) {
    throw new AnaplanError("not_found", "The task does not exist, or you have no access to it.", { status: 404 });
  }
  return tasks.get(`${tenantId}|${taskId}${exportSuffix(workspaceId, modelId, exportId)}`, async () => {
    const task = await api.exportTask(workspaceId, modelId, exportId, taskId);
    const scope = { tenantId, workspaceId, modelId };
    await observeTasks(scope, exportId, await knownExportName(userKey, scope, exportId), [task]);
    const [annotated] = await withStartedBy(scope, [task]);
    return annotated ?? task;
  });
}

/** After a start or cancel, every user's next read of the export's list and tasks goes upstream, so it shows at once. */
export function invalidateExportTasks(workspaceId: string, modelId: string, exportId: string): void {
  cache.invalidate(exportSuffix(workspaceId, modelId, exportId));
  tasks.invalidate(exportSuffix(workspaceId, modelId, exportId));
}

export function resetTaskListCacheForTests(): void {
  cache.clear();
  tasks.clear();
}
