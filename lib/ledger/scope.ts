import { and, eq, type SQL } from "drizzle-orm";
import { runs } from "@/lib/db/schema";
import type { LedgerScope } from "./types";

/** Anaplan ids arrive in either case from links; the ledger keys workspace and model in lower case. */
export function normalizeScope(scope: LedgerScope): LedgerScope {
  return {
    tenantId: scope.tenantId,
    workspaceId: scope.workspaceId.toLowerCase(),
    modelId: scope.modelId.toLowerCase(),
  };
}

export function inScope(scope: LedgerScope): SQL {
  const s = normalizeScope(scope);
  return and(eq(runs.tenantId, s.tenantId), eq(runs.workspaceId, s.workspaceId), eq(runs.modelId, s.modelId))!;
}
