import "server-only";
import { z } from "zod";
import { markExportActive } from "@/lib/data/activity";
import type { BffContext } from "./handler";
import { jsonOk } from "./http-errors";
import { LOCALE_PATTERN, localeFromAcceptLanguage } from "./locale";
import { invalidateExportTasks } from "@/lib/data/task-list-cache";

export const startTaskBody = z
  .object({ localeName: z.string().regex(LOCALE_PATTERN).optional() })
  .strict();

type StartContext = BffContext<"workspaceId" | "modelId" | "exportId", z.infer<typeof startTaskBody>>;

/** Starts one export task. Never retried here or in the client once it may have reached Anaplan. */
export async function startExport({ api, ids, body, request }: StartContext): Promise<Response> {
  const localeName = body.localeName ?? localeFromAcceptLanguage(request.headers.get("accept-language"));
  const task = await api.startExportTask(ids.workspaceId, ids.modelId, ids.exportId, localeName);
  taskListChanged(ids);
  return jsonOk({ task }, 201);
}

type TaskContext = BffContext<"workspaceId" | "modelId" | "exportId" | "taskId", undefined>;

/** Cancels one task (Anaplan may still let it complete: it only stops where it can roll back). */
export async function cancelExport({ api, ids }: TaskContext): Promise<Response> {
  const task = await api.cancelExportTask(ids.workspaceId, ids.modelId, ids.exportId, ids.taskId);
  taskListChanged(ids);
  return jsonOk({ task });
}

function taskListChanged(ids: { workspaceId: string; modelId: string; exportId: string }): void {
  invalidateExportTasks(ids.workspaceId, ids.modelId, ids.exportId);
  markExportActive(ids.workspaceId, ids.modelId, ids.exportId);
}
