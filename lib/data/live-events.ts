import "server-only";
import { ledgerEvents, type LedgerEvent } from "@/lib/ledger";
import { processState } from "@/lib/server/process-state";
import { markExportActive } from "./activity";
import { watchOutsideRuns } from "./outside-runs";
import type { Reader } from "./reader";
import { invalidateExportTasks } from "./task-list-cache";

const hooks = processState("live-event-hooks", () => ({ installed: false }));

/**
 * Keeps this process's caches in step with every instance's events: the export an event names is re-polled by the
 * next activity read of anyone on this instance, and after another instance's start or cancel this instance's
 * cached task list is dropped (its own starts and cancels already did that).
 */
function installCacheHooks(): void {
  if (hooks.installed) return;
  hooks.installed = true;
  ledgerEvents().subscribeAll((event, fromOtherInstance) => {
    if (event.kind === "download") return;
    if (fromOtherInstance && event.kind !== "state")
      invalidateExportTasks(event.workspaceId, event.modelId, event.exportId);
    markExportActive(event.workspaceId, event.modelId, event.exportId);
  });
}

/**
 * A reader's subscription to one model's events (their tenant only), which also keeps the model watched for runs
 * started outside Export Desk while it lasts. The returned function ends both.
 */
export function watchModel(
  reader: Reader,
  workspaceId: string,
  modelId: string,
  onEvent: (event: LedgerEvent) => void,
): () => void {
  installCacheHooks();
  const unsubscribe = ledgerEvents().subscribe({ tenantId: reader.tenantId, workspaceId, modelId }, onEvent);
  const unwatch = watchOutsideRuns(reader, workspaceId, modelId);
  return () => {
    unsubscribe();
    unwatch();
  };
}
