import "server-only";
import { ledger, ledgerEvents, scopeKey, type LedgerScope } from "@/lib/ledger";
import { processState } from "@/lib/server/process-state";
import type { ExportDefinition, ModelStatus } from "@/lib/shared/types";
import { cachedExports } from "./catalogue-cache";
import { cachedModelStatus, MODEL_STATUS_TTL_MS } from "./model-status-cache";
import type { Reader } from "./reader";
import { cachedExportTasks } from "./task-list-cache";

/**
 * Runs started outside Export Desk (Anaplan's UI, CloudWorks, scripts) have no ledger event of their own. While any
 * page of a model holds its event stream open, the model status is read every MODEL_STATUS_TTL_MS through the
 * tenant-wide status cache (one read per model per window, however many people watch). A running task the ledger
 * does not know has its export's task list read once, through the shared task-list cache; recording that list
 * publishes the run to every open page. Per process: N instances each read the status once per window.
 */
interface Watch {
  scope: LedgerScope;
  readers: Set<Reader>;
  timer: NodeJS.Timeout;
  /** Running tasks already looked into. */
  seen: Set<string>;
  checking: boolean;
}

const MAX_SEEN = 200;
const watches = processState("outside-run-watches", () => new Map<string, Watch>());

/** Adds a reader to the model's watch (starting it for the first); the returned function takes them off again. */
export function watchOutsideRuns(reader: Reader, workspaceId: string, modelId: string): () => void {
  const scope = { tenantId: reader.tenantId, workspaceId, modelId };
  const key = scopeKey(scope);
  let watch = watches.get(key);
  if (!watch) {
    const created: Watch = {
      scope,
      readers: new Set(),
      seen: new Set(),
      checking: false,
      timer: setInterval(() => void checkModel(created), MODEL_STATUS_TTL_MS),
    };
    created.timer.unref?.();
    watches.set(key, created);
    watch = created;
  }
  watch.readers.add(reader);
  void checkModel(watch);
  const own = watch;
  return () => {
    own.readers.delete(reader);
    if (own.readers.size > 0) return;
    clearInterval(own.timer);
    if (watches.get(key) === own) watches.delete(key);
  };
}

/** One look at the model status; never throws (the next window tries again). */
async function checkModel(watch: Watch): Promise<void> {
  const reader = [...watch.readers].at(-1);
  if (!reader || watch.checking) return;
  watch.checking = true;
  try {
    const { workspaceId, modelId } = watch.scope;
    const status = await cachedModelStatus(reader, workspaceId, modelId).catch(() => null);
    const taskId = status?.taskId;
    if (!taskId || watch.seen.has(taskId)) return;
    if ((await ledger().startedByFor(watch.scope, [taskId])).has(taskId)) return remember(watch.seen, taskId);
    const definitions = await cachedExports(reader.api, reader.userKey, workspaceId, modelId);
    const running = exportOfStatus(status, definitions);
    // A status that names no export we know: the activity sweep finds the run on its own.
    if (!running) return remember(watch.seen, taskId);
    const tasks = await cachedExportTasks(reader, workspaceId, modelId, running.id, running.name);
    remember(watch.seen, taskId);
    // Recording the list published the run; without a ledger to record it, it is published here.
    const task = tasks.find((t) => t.taskId === taskId);
    if (task && ledger().status() !== "ok") {
      ledgerEvents().publish({
        ...watch.scope,
        exportId: running.id,
        exportName: running.name,
        taskId,
        kind: "started",
        state: task.taskState,
        actor: null,
        actorUserId: null,
        at: Date.now(),
      });
    }
  } catch {
    // The reader's token lapsed, the export went away, Anaplan is busy: the next window tries again.
  } finally {
    watch.checking = false;
  }
}

/**
 * Which export a model status names. Anaplan's status has the task id but no export id; its tooltip names the
 * export ("…processing an Export (Revenue by Region – Data.csv) started by…"). The longest matching name wins.
 */
export function exportOfStatus(
  status: ModelStatus | null,
  definitions: readonly ExportDefinition[],
): ExportDefinition | null {
  const tooltip = status?.tooltip ?? "";
  let best: ExportDefinition | null = null;
  for (const d of definitions) {
    if (d.name && tooltip.includes(`(${d.name})`) && d.name.length > (best?.name.length ?? 0)) best = d;
  }
  return best;
}

function remember(seen: Set<string>, taskId: string): void {
  seen.add(taskId);
  while (seen.size > MAX_SEEN) seen.delete(seen.values().next().value as string);
}

export function stopOutsideRunWatchesForTests(): void {
  for (const watch of watches.values()) clearInterval(watch.timer);
  watches.clear();
}
