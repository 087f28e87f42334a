import "server-only";
import type { AnaplanApi } from "@/lib/anaplan/api";
import { isAnaplanError } from "@/lib/anaplan/errors";
import { createTtlCache } from "./ttl-cache";

/** How long a user's verified access to a model is trusted before Anaplan is asked again. */
export const MODEL_ACCESS_TTL_MS = 5 * 60_000;

const access = createTtlCache<boolean>("model-access", MODEL_ACCESS_TTL_MS, 20_000);

/**
 * Whether this user can open the model in Anaplan, asked with their own token and remembered for
 * MODEL_ACCESS_TTL_MS. The model status is the cheapest model-scoped read; Anaplan lists models a user has no
 * access to, but answers 404 for everything inside them. What Export Desk keeps itself (the ledger, shared task lists) is shown only
 * after this check; "no" answers exactly as an unknown model would.
 */
export function canOpenModel(api: AnaplanApi, userKey: string, workspaceId: string, modelId: string): Promise<boolean> {
  return access.get(`${userKey}|${workspaceId}|${modelId.toUpperCase()}`, async () => {
    try {
      await api.modelStatus(workspaceId, modelId);
      return true;
    } catch (error) {
      if (!isAnaplanError(error)) throw error;
      if (error.kind === "not_found" || error.kind === "forbidden") return false;
      // Archived or locked models still answer for what is in them; sign-in and transient failures are not answers.
      if (error.kind === "archived" || error.kind === "locked" || error.kind === "conflict") return true;
      throw error;
    }
  });
}

export function resetModelAccessForTests(): void {
  access.clear();
}
