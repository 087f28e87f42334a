/** Export tasks: start, list, poll and cancel (both path forms). */
import type { Ctx } from "../../http/context";
import { BodyError, readJson } from "../../http/body";
import type { Params } from "../../http/router";
import { apiError, sendJson } from "../../http/respond";
import { findExport } from "../../seed/catalogue";
import { findModel, findUserById, fullName, modelAccess, type SeedUser } from "../../seed/directory";
import type { TaskView } from "../../state/tasks";
import { type Handler, modelForSubresource, ok, SCHEMA_BASE, sendList } from "./common";

const taskSchema = (modelId: string) => `${SCHEMA_BASE}/models/${modelId}/objects/task`;

function currentStep(view: TaskView): string {
  switch (view.state) {
    case "NOT_STARTED":
      return "Waiting for the model to become available.";
    case "IN_PROGRESS":
      return view.progress < 0.1 ? "Preparing export ..." : view.progress < 0.9 ? "Processing ..." : "Writing file ...";
    case "CANCELLING":
      return "Cancelling ...";
    case "CANCELLED":
      return "Cancelled.";
    default:
      return view.successful ? "Complete." : "Failed.";
  }
}

/** The full task object of single-task responses. */
export function taskBody(view: TaskView) {
  const t = view.record;
  const body: Record<string, unknown> = {
    type: "taskInformation",
    taskId: t.taskId,
    taskState: view.state,
    creationTime: t.createdAt,
    currentStep: currentStep(view),
    progress: view.progress,
  };
  if (view.state === "COMPLETE") {
    const def = findExport(t.modelId, t.exportId);
    const result: Record<string, unknown> = {
      failureDumpAvailable: false,
      objectId: t.exportId,
      successful: view.successful === true,
    };
    if (!view.successful) {
      result.details = [
        {
          type: "exportFailed",
          localMessageText: def?.failureMessage ?? "The export could not be completed.",
          occurrences: 0,
          values: [],
        },
      ];
    }
    body.result = result;
  }
  if (view.state === "CANCELLED") {
    body.result = { failureDumpAvailable: false, objectId: t.exportId, successful: false };
  }
  if (
    (view.state === "CANCELLING" || view.state === "CANCELLED") &&
    t.cancelledByUserId &&
    t.behaviour !== "uncancellable"
  ) {
    const who = findUserById(t.cancelledByUserId);
    if (who) body.cancelledBy = fullName(who);
  }
  return body;
}

async function readStartBody(ctx: Ctx): Promise<true | undefined> {
  try {
    const body = await readJson(ctx.req);
    if (body !== undefined && (typeof body !== "object" || body === null || Array.isArray(body))) {
      apiError(ctx, 400, "Request body must be a JSON object");
      return undefined;
    }
    const locale = (body as { localeName?: unknown } | undefined)?.localeName;
    if (locale !== undefined && typeof locale !== "string") {
      apiError(ctx, 400, "localeName must be a string");
      return undefined;
    }
    return true;
  } catch (e) {
    if (e instanceof BodyError) {
      apiError(ctx, 400, "Malformed JSON request body");
      return undefined;
    }
    throw e;
  }
}

export const startTask: Handler = async (ctx, user, params) => {
  const model = modelForSubresource(ctx, user, params);
  if (!model) return;
  const def = findExport(model.id, params.e ?? "");
  if (!def) return apiError(ctx, 404);
  if (!(await readStartBody(ctx))) return;
  if (model.activeState === "ARCHIVED") return apiError(ctx, 422, "The model is archived.");
  const { state } = ctx;
  const durationMs =
    def.behaviour === "slow" ? state.config.slowTaskDurationMs : (state.config.taskDurationMs ?? def.durationMs);
  const record = state.tasks.create({
    modelId: model.id,
    exportId: def.id,
    userId: user.id,
    createdAt: state.clock.now(),
    durationMs,
    behaviour: def.behaviour,
    cancelLatencyMs: state.config.cancelLatencyMs,
  });
  sendJson(ctx, 200, {
    meta: { schema: taskSchema(model.id) },
    status: ok,
    task: { taskId: record.taskId, taskState: "NOT_STARTED", creationTime: record.createdAt },
  });
};

const TASK_SORT: Record<string, (v: TaskView) => string | number> = {
  creationDate: (v) => v.record.createdAt,
  taskId: (v) => v.record.taskId,
  taskState: (v) => v.state,
  progress: (v) => v.progress,
};

/** Task lists answer 200 (empty) even for an unknown export or a model the user cannot see (live behaviour). */
export const listTasks: Handler = (ctx, user, params) => {
  const model = findModel(params.m ?? "");
  const visible =
    model && modelAccess(user, model) === "full" && (params.ws === undefined || model.workspaceId === params.ws);
  let views = visible
    ? ctx.state.tasks.viewsOfModel(model.id, ctx.state.clock.now()).filter((v) => v.record.exportId === params.e)
    : [];
  const m = /^([+ -]?)(\w+)$/.exec(ctx.url.searchParams.get("sort") ?? "");
  const key = m?.[2] ? TASK_SORT[m[2]] : undefined;
  if (key) {
    const dir = m?.[1] === "-" ? -1 : 1;
    views = [...views].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      return dir * (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y)));
    });
  }
  const items = views.map((v) => ({ taskId: v.record.taskId, taskState: v.state, creationTime: v.record.createdAt }));
  sendList(ctx, `/models/${params.m ?? ""}/objects/task`, "tasks", items);
};

function findTask(ctx: Ctx, user: SeedUser, params: Params) {
  const model = modelForSubresource(ctx, user, params);
  if (!model) return undefined;
  const record = ctx.state.tasks.find(model.id, params.e ?? "", params.t ?? "");
  if (!record) {
    apiError(ctx, 404);
    return undefined;
  }
  return record;
}

export const getTask: Handler = (ctx, user, params) => {
  const record = findTask(ctx, user, params);
  if (!record) return;
  const view = ctx.state.tasks.view(record, ctx.state.clock.now());
  sendJson(ctx, 200, { meta: { schema: taskSchema(record.modelId) }, status: ok, task: taskBody(view) });
};

/** DELETE: waiting/running → CANCELLING (then CANCELLED); a finished task comes back unchanged. */
export const cancelTask: Handler = (ctx, user, params) => {
  const record = findTask(ctx, user, params);
  if (!record) return;
  const view = ctx.state.tasks.cancel(record, user.id, ctx.state.clock.now(), ctx.state.config.cancelLatencyMs);
  sendJson(ctx, 200, { meta: { schema: taskSchema(record.modelId) }, status: ok, task: taskBody(view) });
};
