import "server-only";
import { z } from "zod";
import { actorOf, exportNameFor, knownExportName, ledgerScope } from "@/lib/data/team-ledger";
import { ledger } from "@/lib/ledger";
import { markExportActive } from "@/lib/data/activity";
import type { BffContext } from "./handler";
import { jsonOk } from "./http-errors";
import { LOCALE_PATTERN, localeFromAcceptLanguage } from "./locale";
import { invalidateExportTasks } from "@/lib/data/task-list-cache";

export const startTaskBody = z.object({ localeName: z.string().regex(LOCALE_PATTERN).optional() }).strict();

type StartContext = BffContext<"workspaceId" | "modelId" | "exportId", z.infer<typeof startTaskBody>>;

/** Starts one export task. Never retried here or in the client once it may have reached Anaplan. */
export async function startExport({ api, ids, body, request, session, userKey }: StartContext): Promise<Response> {
  const { workspaceId, modelId, exportId } = ids;
  const localeName = body.localeName ?? localeFromAcceptLanguage(request.headers.get("accept-language"));
  // Looked up before the start, so the ledger row is written before the answer and the start stays one call.
  const exportName = await exportNameFor(api, userKey, workspaceId, modelId, exportId);
  const task = await api.startExportTask(workspaceId, modelId, exportId, localeName);
  await ledger().recordRunStarted({
    ...ledgerScope(session, workspaceId, modelId),
    exportId,
    exportName,
    taskId: task.taskId,
    locale: localeName ?? null,
    startedBy: actorOf(session),
    at: new Date(task.creationTime ?? Date.now()),
  });
  taskListChanged(ids);
  return jsonOk({ task: { ...task, startedBy: { email: session.user.email, name: session.user.name } } }, 201);
}

type TaskContext = BffContext<"workspaceId" | "modelId" | "exportId" | "taskId", undefined>;

/** Cancels one task (Anaplan may still let it complete: it only stops where it can roll back). */
export async function cancelExport({ api, ids, session, userKey }: TaskContext): Promise<Response> {
  const task = await api.cancelExportTask(ids.workspaceId, ids.modelId, ids.exportId, ids.taskId);
  const scope = ledgerScope(session, ids.workspaceId, ids.modelId);
  await ledger().recordCancelRequested(scope, ids.taskId, actorOf(session), new Date(), {
    exportId: ids.exportId,
    exportName: await knownExportName(userKey, scope, ids.exportId),
  });
  taskListChanged(ids);
  return jsonOk({ task });
}

function taskListChanged(ids: { workspaceId: string; modelId: string; exportId: string }): void {
  invalidateExportTasks(ids.workspaceId, ids.modelId, ids.exportId);
  markExportActive(ids.workspaceId, ids.modelId, ids.exportId);
}
