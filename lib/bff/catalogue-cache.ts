import "server-only";
import type { AnaplanApi } from "@/lib/anaplan/api";
import { processState } from "@/lib/session/process-state";
import type { ExportDefinition } from "@/lib/shared/types";

/**
 * A short per-user cache of a model's export list, for lookups of one export's definition (the 5,000-export
 * model's list is ~1.5 MB). Keyed by user + model, so nobody sees a list fetched with someone else's access.
 */
export const CATALOGUE_TTL_MS = 60_000;
const MAX_ENTRIES = 200;

interface Entry {
  at: number;
  value: Promise<ExportDefinition[]>;
}

const cache = processState("catalogue-cache", () => new Map<string, Entry>());

export function cachedExports(api: AnaplanApi, userKey: string, workspaceId: string, modelId: string): Promise<ExportDefinition[]> {
  const key = `${userKey}|${workspaceId}|${modelId.toUpperCase()}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && now - hit.at < CATALOGUE_TTL_MS) return hit.value;
  const value = api.exports(workspaceId, modelId);
  cache.set(key, { at: now, value });
  // A failure is not cached.
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  while (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return value;
}

export function resetCatalogueCacheForTests(): void {
  cache.clear();
}
