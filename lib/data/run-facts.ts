import "server-only";
import { ledger } from "@/lib/ledger";
import type { Reader } from "./reader";

/**
 * What the team ledger adds to a task page: the locale the run was started with and when it was seen to finish
 * (Anaplan's task says neither). Read once per page render, after the task itself was read with the user's token.
 */
export async function getRunFacts(reader: Reader, workspaceId: string, modelId: string, taskId: string) {
  const facts = await ledger().runFacts({ tenantId: reader.tenantId, workspaceId, modelId }, taskId);
  return { locale: facts?.locale, finishedAt: facts?.finishedAt?.getTime() };
}
