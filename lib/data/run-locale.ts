import "server-only";
import { ledger } from "@/lib/ledger";
import type { Reader } from "./reader";

/**
 * The locale a run was started with, from the team ledger (Anaplan's task does not say). Read once per task page
 * render, after the task itself was read with the user's token.
 */
export function getRunLocale(reader: Reader, workspaceId: string, modelId: string, taskId: string) {
  return ledger().runLocale({ tenantId: reader.tenantId, workspaceId, modelId }, taskId);
}
