import "server-only";
import { cache } from "react";
import type { AnaplanApi } from "@/lib/anaplan/api";
import { isAnaplanError } from "@/lib/anaplan/errors";
import { getModels, getWorkspaces } from "@/lib/data/queries";
import type { Model, Workspace } from "@/lib/shared/types";

export interface ModelContext {
  workspace: Workspace;
  model: Model;
}

/**
 * The workspace and model a page is about, looked up once per request (the layout and the page share it).
 * Null when the user cannot see them; other failures are thrown to the error boundary.
 */
export const loadModelContext = cache(async (api: AnaplanApi, workspaceId: string, modelId: string): Promise<ModelContext | null> => {
  try {
    const [{ workspaces }, { models }] = await Promise.all([getWorkspaces(api), getModels(api, workspaceId)]);
    const workspace = workspaces.find((w) => w.id === workspaceId);
    const model = models.find((m) => m.id.toUpperCase() === modelId.toUpperCase());
    return workspace && model ? { workspace, model } : null;
  } catch (err) {
    if (isAnaplanError(err) && (err.kind === "not_found" || err.kind === "forbidden" || err.kind === "bad_request")) return null;
    throw err;
  }
});

/** Runs a lookup; "not found / no access" becomes null so the page can say so, anything else goes to error.tsx. */
export async function orNoAccess<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (err) {
    if (isAnaplanError(err) && (err.kind === "not_found" || err.kind === "forbidden" || err.kind === "bad_request")) return null;
    throw err;
  }
}

export const ARCHIVED_REASON = "This model is archived in Anaplan, so its exports cannot be run. Ask a workspace administrator to restore it.";

export function runBlockedReason(model: Model | undefined): string | undefined {
  return model?.activeState === "ARCHIVED" ? ARCHIVED_REASON : undefined;
}

/** The value if it arrives within `ms`, else undefined (the client fetches it instead); errors become undefined too. */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
