import "server-only";
import type { Task } from "@/lib/shared/types";
import type { Reader } from "./reader";
import { withResults } from "./task-results";
import { knownExportName, observeTasks, withStartedBy } from "./team-ledger";
import { createTtlCache } from "./ttl-cache";

/**
 * Anaplan asks for at most one status poll per task every 5 seconds. Every reader of an export's task list for
 * a user — the export page, the activity table, any number of tabs — shares one upstream call per window.
 * Per user, because what a list shows depends on the user's access. Finished tasks carry their result.
 */
export const TASK_LIST_TTL_MS = 5_000;

const cache = createTtlCache<Task[]>("task-lists", TASK_LIST_TTL_MS, 5_000);

const exportSuffix = (workspaceId: string, modelId: string, exportId: string) =>
  `|${workspaceId}|${modelId.toUpperCase()}|${exportId}`;

/**
 * Every upstream read of a task list is also what the team ledger sees: the tasks are recorded (states, endings,
 * runs started elsewhere) and come back with who started each, so the cached list carries it.
 */
export function cachedExportTasks(
  reader: Reader,
  workspaceId: string,
  modelId: string,
  exportId: string,
  exportName?: string,
): Promise<Task[]> {
  const { api, userKey, tenantId } = reader;
  return cache.get(userKey + exportSuffix(workspaceId, modelId, exportId), async () => {
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

/** After a start or cancel, every user's next read goes upstream, so the change shows at once. */
export function invalidateExportTasks(workspaceId: string, modelId: string, exportId: string): void {
  cache.invalidate(exportSuffix(workspaceId, modelId, exportId));
}

export function resetTaskListCacheForTests(): void {
  cache.clear();
}
