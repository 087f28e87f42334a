/** Models: GET /models, /workspaces/{ws}/models, /models/{m}, and the model status endpoint. */
import type { Ctx } from "../../http/context";
import { apiError, sendJson } from "../../http/respond";
import {
  findModel,
  findUserById,
  findWorkspace,
  fullName,
  modelAccess,
  MODELS,
  type SeedModel,
  type SeedUser,
} from "../../seed/directory";
import { findExport } from "../../seed/catalogue";
import { type Handler, modelForSubresource, sendList, sendOne, sortStrict } from "./common";

function modelBody(ctx: Ctx, m: SeedModel, details: boolean) {
  const body: Record<string, unknown> = {
    id: m.id,
    name: m.name,
    activeState: m.activeState,
    currentWorkspaceId: m.workspaceId,
    currentWorkspaceName: findWorkspace(m.workspaceId)?.name ?? "",
    modelUrl: `https://us1a.app.anaplan.com/anaplan/framework.jsp?selectedWorkspaceId=${m.workspaceId}&takeAction=modelDrillIn&selectedModelId=${m.id}`,
    categoryValues: m.categoryValues,
    isoCreationDate: m.isoCreationDate,
    lastModified: m.lastModified,
    lastModifiedByUserGuid: "8a80da7c7e5b4a1f9d3c2b1a0f9e8d7c",
    lastSavedSerialNumber: m.lastSavedSerialNumber,
  };
  if (details) body.memoryUsage = m.memoryUsage;
  return body;
}

const modelDetails = (ctx: Ctx) => ctx.url.searchParams.get("modelDetails")?.toLowerCase() === "true";
const visibleModels = (user: SeedUser) => MODELS.filter((m) => modelAccess(user, m) !== "invisible");

function listOf(ctx: Ctx, models: SeedModel[]): void {
  const sorted = sortStrict(ctx, models, { name: (m) => m.name, activeState: (m) => m.activeState });
  if (!sorted) return;
  sendList(
    ctx,
    "/objects/model",
    "models",
    sorted.map((m) => modelBody(ctx, m, modelDetails(ctx))),
  );
}

export const listModels: Handler = (ctx, user) => listOf(ctx, visibleModels(user));

export const listWorkspaceModels: Handler = (ctx, user, params) => {
  if (!user.workspaceIds.includes(params.ws ?? "") || !findWorkspace(params.ws ?? "")) return apiError(ctx, 404);
  // This endpoint takes no sort parameter; it is ignored.
  const models = visibleModels(user).filter((m) => m.workspaceId === params.ws);
  sendList(
    ctx,
    "/objects/model",
    "models",
    models.map((m) => modelBody(ctx, m, modelDetails(ctx))),
  );
};

/** GET /models/{m}: 200 even for a NO ACCESS model (only its sub-resources are masked). */
export const getModel: Handler = (ctx, user, params) => {
  const m = findModel(params.m ?? "");
  if (!m || modelAccess(user, m) === "invisible") return apiError(ctx, 404);
  const running = ctx.state.tasks.viewsOfModel(m.id, ctx.state.clock.now()).some((v) => v.holdsLock);
  sendOne(ctx, "/objects/model", "model", {
    ...modelBody(ctx, m, modelDetails(ctx)),
    modelTransactionRunning: running,
  });
};

/** Not implemented by Anaplan (live: 405). */
export const workspaceModel405: Handler = (ctx) => apiError(ctx, 405);

/** GET /models/{m}/status: a bare {requestStatus} with no envelope. */
export const modelStatus: Handler = (ctx, user, params) => {
  const m = modelForSubresource(ctx, user, params);
  if (!m) return;
  const now = ctx.state.clock.now();
  const running = ctx.state.tasks.viewsOfModel(m.id, now).find((v) => v.holdsLock);
  if (!running) {
    sendJson(ctx, 200, {
      requestStatus: {
        tooltip: null,
        progress: -1,
        currentStep: m.activeState === "ARCHIVED" ? "Closed" : "Open",
        exportTaskType: null,
        creationTime: now,
        taskId: null,
        peakMemoryUsageEstimate: null,
        peakMemoryUsageTime: null,
      },
    });
    return;
  }
  const def = findExport(m.id, running.record.exportId);
  const runner = findUserById(running.record.userId);
  sendJson(ctx, 200, {
    requestStatus: {
      tooltip:
        `The system is currently processing an Export (${def?.name ?? running.record.exportId}) ` +
        `started by user ${runner ? fullName(runner) : "unknown"}.`,
      progress: running.progress,
      currentStep: running.state === "CANCELLING" ? "Cancelling Export" : "Processing Export",
      exportTaskType: def?.exportType ?? null,
      creationTime: now,
      taskId: running.record.taskId,
      peakMemoryUsageEstimate: Math.round(m.memoryUsage * 1.18),
      peakMemoryUsageTime: running.record.createdAt,
    },
  });
};
