import "server-only";
import { processState } from "@/lib/server/process-state";

/**
 * How many exports a model had when anyone of the tenant last read its list (the catalogue, the list endpoint, an
 * export's definition): the list is the same for everyone who can open the model, so the picker can show it
 * without one list call per model. Only what was read in this process; a count never read stays unknown.
 */
const counts = processState("export-counts", () => new Map<string, number>());
const MAX_ENTRIES = 5_000;

const keyOf = (tenantId: string, workspaceId: string, modelId: string) =>
  `${tenantId}|${workspaceId}|${modelId.toUpperCase()}`;

export function rememberExportCount(tenantId: string, workspaceId: string, modelId: string, count: number): void {
  const key = keyOf(tenantId, workspaceId, modelId);
  counts.delete(key);
  counts.set(key, count);
  if (counts.size > MAX_ENTRIES) counts.delete(counts.keys().next().value!);
}

export function knownExportCount(tenantId: string, workspaceId: string, modelId: string): number | undefined {
  return counts.get(keyOf(tenantId, workspaceId, modelId));
}
