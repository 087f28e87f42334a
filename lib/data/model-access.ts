import "server-only";
import type { AnaplanApi } from "@/lib/anaplan/api";
import { isAnaplanError } from "@/lib/anaplan/errors";
import { createTtlCache } from "./ttl-cache";

/** How long a user's verified access to a model is trusted before Anaplan is asked again. */
export const MODEL_ACCESS_TTL_MS = 5 * 60_000;

const access = createTtlCache<boolean>("model-access", MODEL_ACCESS_TTL_MS, 20_000);

/**
 * Whether this user can open the model in Anaplan, asked with their own token (their workspace's model list) and
 * remembered for MODEL_ACCESS_TTL_MS. What Export Desk keeps itself (the ledger, shared task lists) is shown only
 * after this check; "no" answers exactly as an unknown model would.
 */
export function canOpenModel(api: AnaplanApi, userKey: string, workspaceId: string, modelId: string): Promise<boolean> {
  return access.get(`${userKey}|${workspaceId}|${modelId.toUpperCase()}`, async () => {
    try {
      const models = await api.models(workspaceId);
      return models.some((m) => m.id.toUpperCase() === modelId.toUpperCase());
    } catch (error) {
      if (isAnaplanError(error) && (error.kind === "not_found" || error.kind === "forbidden")) return false;
      throw error;
    }
  });
}

export function resetModelAccessForTests(): void {
  access.clear();
}
