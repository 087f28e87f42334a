import "server-only";
import type { AnaplanApi } from "@/lib/anaplan/api";
import type { ExportDefinition } from "@/lib/shared/types";
import { createTtlCache } from "./ttl-cache";

/**
 * A short per-user cache of a model's export list, for lookups of one export's definition (the 5,000-export
 * model's list is ~1.5 MB). Keyed by user + model, so nobody sees a list fetched with someone else's access.
 */
const CATALOGUE_TTL_MS = 60_000;

const cache = createTtlCache<ExportDefinition[]>("catalogue", CATALOGUE_TTL_MS, 200);

const keyOf = (userKey: string, workspaceId: string, modelId: string) =>
  `${userKey}|${workspaceId}|${modelId.toUpperCase()}`;

export function cachedExports(
  api: AnaplanApi,
  userKey: string,
  workspaceId: string,
  modelId: string,
): Promise<ExportDefinition[]> {
  return cache.get(keyOf(userKey, workspaceId, modelId), () => api.exports(workspaceId, modelId));
}

/** The user's export list if it is cached now; never an upstream call. */
export function peekExports(
  userKey: string,
  workspaceId: string,
  modelId: string,
): Promise<ExportDefinition[]> | undefined {
  return cache.peek(keyOf(userKey, workspaceId, modelId));
}

export function resetCatalogueCacheForTests(): void {
  cache.clear();
}
