import "server-only";
import type { AnaplanApi } from "@/lib/anaplan/api";
import { AnaplanError } from "@/lib/anaplan/errors";
import type {
  ExportDetailResponse,
  ModelsResponse,
  TaskResponse,
  TasksResponse,
  WorkspacesResponse,
} from "@/lib/shared/responses";
import type { Task } from "@/lib/shared/types";
import { deepFreeze } from "@/lib/shared/deep-freeze";
import { getModelActivity, modelActivityForPage } from "./activity";
import { cachedExports } from "./catalogue-cache";
import type { Reader } from "./reader";
import { cachedExportTasks, cachedTask } from "./task-list-cache";

/**
 * The data behind each GET of the BFF, as plain functions over a bound Anaplan api. Each returns exactly the JSON
 * body its route returns, so server components can call the same function for the SWR fallback under the same key.
 */

export async function getWorkspaces(api: AnaplanApi): Promise<WorkspacesResponse> {
  return { workspaces: await api.workspaces() };
}

export async function getModels(api: AnaplanApi, workspaceId: string): Promise<ModelsResponse> {
  return { models: await api.models(workspaceId) };
}

/** The export's definition is taken from a short per-user cache of the model's export list (see catalogue-cache.ts). */
export async function getExportDetail(
  api: AnaplanApi,
  workspaceId: string,
  modelId: string,
  exportId: string,
  userKey: string,
): Promise<ExportDetailResponse> {
  const [exportMetadata, definitions] = await Promise.all([
    api.exportMetadata(workspaceId, modelId, exportId),
    cachedExports(api, userKey, workspaceId, modelId),
  ]);
  const definition = definitions.find((d) => d.id === exportId);
  if (!definition)
    throw new AnaplanError("not_found", "The export does not exist, or you have no access to it.", { status: 404 });
  return { exportMetadata, export: definition };
}

/** Newest first, through the per-user task-list cache that the activity table shares. */
export async function getExportTasks(
  reader: Reader,
  workspaceId: string,
  modelId: string,
  exportId: string,
): Promise<TasksResponse> {
  const tasks = await cachedExportTasks(reader, workspaceId, modelId, exportId);
  let answer = answers.get(tasks);
  if (!answer) answers.set(tasks, (answer = deepFreeze({ tasks: sortNewestFirst(tasks) })));
  return answer;
}

/**
 * One answer per cached task list, shared by every poll while the entry lives: frozen, so the BFF serialises it
 * once (jsonOk) and no reader can change what the next one gets.
 */
const answers = new WeakMap<readonly Task[], TasksResponse>();

/** One task, at most 5 s old, shared by the tenant (task-list-cache.ts); recorded in the ledger, who started it added. */
export async function getTask(
  reader: Reader,
  workspaceId: string,
  modelId: string,
  exportId: string,
  taskId: string,
): Promise<TaskResponse> {
  return { task: await cachedTask(reader, workspaceId, modelId, exportId, taskId) };
}

export { getModelActivity, modelActivityForPage };

function sortNewestFirst<T extends Task>(tasks: readonly T[]): T[] {
  return [...tasks].sort((a, b) => (b.creationTime ?? 0) - (a.creationTime ?? 0));
}
