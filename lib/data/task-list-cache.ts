import "server-only";
import type { AnaplanApi } from "@/lib/anaplan/api";
import type { Task } from "@/lib/shared/types";
import { withResults } from "./task-results";
import { createTtlCache } from "./ttl-cache";

/**
 * Anaplan asks for at most one status poll per task every 5 seconds. Every reader of an export's task list for
 * a user — the export page, the activity table, any number of tabs — shares one upstream call per window.
 * Per user, because what a list shows depends on the user's access. Finished tasks carry their result.
 */
export const TASK_LIST_TTL_MS = 5_000;

const cache = createTtlCache<Task[]>("task-lists", TASK_LIST_TTL_MS, 5_000);

const exportSuffix = (workspaceId: string, modelId: string, exportId: string) => `|${workspaceId}|${modelId.toUpperCase()}|${exportId}`;

export function cachedExportTasks(api: AnaplanApi, userKey: string, workspaceId: string, modelId: string, exportId: string): Promise<Task[]> {
  return cache.get(userKey + exportSuffix(workspaceId, modelId, exportId), async () =>
    withResults(api, workspaceId, modelId, exportId, await api.exportTasks(workspaceId, modelId, exportId)),
  );
}

/** After a start or cancel, every user's next read goes upstream, so the change shows at once. */
export function invalidateExportTasks(workspaceId: string, modelId: string, exportId: string): void {
  cache.invalidate(exportSuffix(workspaceId, modelId, exportId));
}

export function resetTaskListCacheForTests(): void {
  cache.clear();
}
