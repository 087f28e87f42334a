import "server-only";
import type { AnaplanApi } from "@/lib/anaplan/api";
import { isAnaplanError } from "@/lib/anaplan/errors";
import type { Model, Workspace } from "@/lib/shared/types";
import { isNoAccess } from "./no-access";
import { getModels, getWorkspaces } from "./queries";
import { createTtlCache } from "./ttl-cache";

export interface ModelContext {
  workspace: Workspace;
  model: Model;
}

/**
 * The layout and the page of a model each ask for its workspace and model, holding different api objects, so a
 * cache keyed on the api (React's `cache`) would miss. This one is keyed on the user and the ids and kept briefly:
 * one render reads the workspace and model lists once. Per user, because the lists depend on the user's access.
 */
const MODEL_CONTEXT_TTL_MS = 10_000;

const cache = createTtlCache<ModelContext | null>("model-context", MODEL_CONTEXT_TTL_MS, 500);

/** Null when the user cannot see the workspace or model; other failures are thrown to the error boundary. */
export async function loadModelContext(
  api: AnaplanApi,
  userKey: string,
  workspaceId: string,
  modelId: string,
): Promise<ModelContext | null> {
  let ranHere = false;
  try {
    return await cache.get(`${userKey}|${workspaceId}|${modelId.toUpperCase()}`, () => {
      ranHere = true;
      return lookUp(api, workspaceId, modelId);
    });
  } catch (err) {
    if (isNoAccess(err)) return null;
    // A 401 met by another caller's api is met again on this caller's own, which may send the user to sign in.
    if (!ranHere && isAnaplanError(err) && err.kind === "unauthorized") return lookUp(api, workspaceId, modelId);
    throw err;
  }
}

async function lookUp(api: AnaplanApi, workspaceId: string, modelId: string): Promise<ModelContext | null> {
  const [{ workspaces }, { models }] = await Promise.all([getWorkspaces(api), getModels(api, workspaceId)]);
  const workspace = workspaces.find((w) => w.id === workspaceId);
  const model = models.find((m) => m.id.toUpperCase() === modelId.toUpperCase());
  return workspace && model ? { workspace, model } : null;
}

export function resetModelContextForTests(): void {
  cache.clear();
}
