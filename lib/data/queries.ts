import "server-only";
import type { AnaplanApi } from "@/lib/anaplan/api";
import { AnaplanError } from "@/lib/anaplan/errors";
import type { ExportDefinition, ExportMetadata, Model, Task, Workspace } from "@/lib/shared/types";
import { getModelActivity, type ModelActivity } from "./activity";
import { cachedExports } from "./catalogue-cache";
import { cachedExportTasks } from "./task-list-cache";
import { withResults } from "./task-results";

/**
 * The data behind each GET of the BFF, as plain functions over a bound Anaplan api. Each returns exactly the JSON
 * body its route returns, so server components can call the same function for the SWR fallback under the same key.
 */

export interface WorkspacesBody {
  workspaces: Workspace[];
}
export interface ModelsBody {
  models: Model[];
}
export interface CatalogueBody {
  exports: ExportDefinition[];
}
export interface ExportDetailBody {
  exportMetadata: ExportMetadata;
  export: ExportDefinition;
}
export interface TasksBody {
  tasks: Task[];
}
export interface TaskBody {
  task: Task;
}
export type ActivityBody = ModelActivity;

export async function getWorkspaces(api: AnaplanApi): Promise<WorkspacesBody> {
  return { workspaces: await api.workspaces() };
}

export async function getModels(api: AnaplanApi, workspaceId: string): Promise<ModelsBody> {
  return { models: await api.models(workspaceId) };
}

export async function getCatalogue(api: AnaplanApi, workspaceId: string, modelId: string): Promise<CatalogueBody> {
  return { exports: await api.exports(workspaceId, modelId) };
}

/** With `userKey`, the export list is taken from a short per-user cache (see catalogue-cache.ts). */
export async function getExportDetail(
  api: AnaplanApi,
  workspaceId: string,
  modelId: string,
  exportId: string,
  userKey?: string,
): Promise<ExportDetailBody> {
  const [exportMetadata, definitions] = await Promise.all([
    api.exportMetadata(workspaceId, modelId, exportId),
    userKey === undefined ? api.exports(workspaceId, modelId) : cachedExports(api, userKey, workspaceId, modelId),
  ]);
  const definition = definitions.find((d) => d.id === exportId);
  if (!definition) throw new AnaplanError("not_found", "The export does not exist, or you have no access to it.", { status: 404 });
  return { exportMetadata, export: definition };
}

/** Newest first. With `userKey`, through the per-user task-list cache that the activity table shares. */
export async function getExportTasks(
  api: AnaplanApi,
  workspaceId: string,
  modelId: string,
  exportId: string,
  userKey?: string,
): Promise<TasksBody> {
  const tasks =
    userKey === undefined
      ? await withResults(api, workspaceId, modelId, exportId, await api.exportTasks(workspaceId, modelId, exportId))
      : await cachedExportTasks(api, userKey, workspaceId, modelId, exportId);
  return { tasks: sortNewestFirst(tasks) };
}

export async function getTask(api: AnaplanApi, workspaceId: string, modelId: string, exportId: string, taskId: string): Promise<TaskBody> {
  return { task: await api.exportTask(workspaceId, modelId, exportId, taskId) };
}

export { getModelActivity };

export function sortNewestFirst<T extends Task>(tasks: readonly T[]): T[] {
  return [...tasks].sort((a, b) => (b.creationTime ?? 0) - (a.creationTime ?? 0));
}
