/** The Integration API v2 route table (paths relative to /2/0). */
import type { Ctx } from "../../http/context";
import { Router } from "../../http/router";
import { apiError } from "../../http/respond";
import { authenticate, type Handler } from "./common";
import { getExport, listExports } from "./exports";
import { getChunk, getFile, listChunks, listFiles } from "./files";
import { getModel, listModels, listWorkspaceModels, modelStatus, workspaceModel405 } from "./models";
import { cancelTask, getTask, listTasks, startTask } from "./tasks";
import { usersMe } from "./users";
import { getWorkspace, listWorkspaces } from "./workspaces";

const router = new Router<Handler>()
  .on("GET", "/users/me", usersMe)
  .on("GET", "/workspaces", listWorkspaces)
  .on("GET", "/workspaces/:ws", getWorkspace)
  .on("GET", "/models", listModels)
  .on("GET", "/models/:m", getModel)
  .on("GET", "/workspaces/:ws/models", listWorkspaceModels)
  .on("GET", "/workspaces/:ws/models/:m", workspaceModel405);

/** Model-scoped resources exist in both forms: /models/{m}/… and /workspaces/{ws}/models/{m}/… */
for (const base of ["/models/:m", "/workspaces/:ws/models/:m"]) {
  router
    .on("GET", `${base}/status`, modelStatus)
    .on("GET", `${base}/exports`, listExports)
    .on("GET", `${base}/exports/:e`, getExport)
    .on("GET", `${base}/exports/:e/tasks`, listTasks)
    .on("POST", `${base}/exports/:e/tasks`, startTask)
    .on("GET", `${base}/exports/:e/tasks/:t`, getTask)
    .on("DELETE", `${base}/exports/:e/tasks/:t`, cancelTask)
    .on("GET", `${base}/files`, listFiles)
    .on("GET", `${base}/files/:f`, getFile)
    .on("GET", `${base}/files/:f/chunks`, listChunks)
    .on("GET", `${base}/files/:f/chunks/:c`, getChunk);
}

export async function handleIntegration(ctx: Ctx, path: string): Promise<void> {
  const match = router.match(ctx.method, path);
  if (!match) return apiError(ctx, 404);
  const user = authenticate(ctx);
  if (!user) return;
  if ("methodNotAllowed" in match) return apiError(ctx, 405);
  await match.handler(ctx, user, match.params);
}
