import "server-only";
import { ledger, parseRunsQuery, RunsQueryError, type RunsQuery } from "@/lib/ledger";
import type { RunsResponse } from "@/lib/shared/responses";
import { canOpenModel } from "./model-access";
import type { Reader } from "./reader";
import { catchUpStaleRuns } from "./team-ledger";

/**
 * A page of the team ledger for one model, as GET …/runs answers it; null when the reader cannot open the model in
 * Anaplan (answered exactly like an unknown model). Runs still shown active are brought up to date first.
 */
export async function getRuns(
  reader: Reader,
  workspaceId: string,
  modelId: string,
  query: Partial<RunsQuery> = {},
): Promise<RunsResponse | null> {
  if (!(await canOpenModel(reader.api, reader.userKey, workspaceId, modelId))) return null;
  const scope = { tenantId: reader.tenantId, workspaceId, modelId };
  await catchUpStaleRuns(reader.api, scope);
  const page = await ledger().queryRuns(scope, query);
  return { ...page, history: ledger().status() };
}

/** A page's URL search params as a ledger query, or the sentence the BFF would answer 400 with. */
export function readRunsQuery(params: URLSearchParams): { query: RunsQuery } | { error: string } {
  try {
    return { query: parseRunsQuery(params) };
  } catch (error) {
    if (error instanceof RunsQueryError) return { error: error.message };
    throw error;
  }
}
