import "server-only";
import type { ModelStatus } from "@/lib/shared/types";
import { AnaplanError } from "@/lib/anaplan/errors";
import { canOpenModel } from "./model-access";
import type { Reader } from "./reader";
import { createTtlCache } from "./ttl-cache";

/**
 * One model-status read per model per MODEL_STATUS_TTL_MS for the whole tenant: whether the model is busy, and with
 * which task, is the same for everyone who can open it. Each user's access is checked with their own token first
 * (model-access.ts), as for shared task lists.
 */
export const MODEL_STATUS_TTL_MS = 10_000;

const cache = createTtlCache<ModelStatus | null>("model-status", MODEL_STATUS_TTL_MS, 5_000);

export async function cachedModelStatus(reader: Reader, workspaceId: string, modelId: string) {
  const { api, userKey, tenantId } = reader;
  if (!(await canOpenModel(api, userKey, workspaceId, modelId))) {
    throw new AnaplanError("not_found", "The model does not exist, or you have no access to it.", { status: 404 });
  }
  return cache.get(
    `${tenantId}|${workspaceId}|${modelId.toUpperCase()}`,
    async () => (await api.modelStatus(workspaceId, modelId)) ?? null,
  );
}

export function resetModelStatusCacheForTests(): void {
  cache.clear();
}

/** After a run starts, changes state or is cancelled, the model's lock holder may have changed: read it afresh. */
export function invalidateModelStatus(workspaceId: string, modelId: string): void {
  cache.invalidate(`|${workspaceId}|${modelId.toUpperCase()}`);
}
