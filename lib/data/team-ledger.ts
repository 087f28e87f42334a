import "server-only";
import type { AnaplanApi } from "@/lib/anaplan/api";
import { ledger, type Actor, type LedgerScope, type Person } from "@/lib/ledger";
import { CATCH_UP_INTERVAL_MS } from "@/lib/ledger";
import { processState } from "@/lib/server/process-state";
import { tenantOf, type SessionData } from "@/lib/session";
import type { Task } from "@/lib/shared/types";
import { cachedExports, peekExports } from "./catalogue-cache";
import { mapLimit } from "./concurrency";

/**
 * What the BFF sees, written to the team ledger, and what the ledger knows, added to what Anaplan says. Every
 * call is safe when the database is down (lib/ledger's facade answers harmless defaults), so history never gates
 * a run, a cancel or a download.
 */

export function ledgerScope(session: SessionData, workspaceId: string, modelId: string): LedgerScope {
  return { tenantId: tenantOf(session), workspaceId, modelId };
}

export function actorOf(session: SessionData): Actor {
  return { userId: session.user.id, email: session.user.email, name: session.user.name };
}

/** The export's name from the user's short-lived catalogue cache (warm whenever they came from the export page). */
export async function exportNameFor(
  api: AnaplanApi,
  userKey: string,
  workspaceId: string,
  modelId: string,
  exportId: string,
): Promise<string> {
  try {
    const definitions = await cachedExports(api, userKey, workspaceId, modelId);
    return definitions.find((d) => d.id === exportId)?.name ?? "";
  } catch {
    return "";
  }
}

/**
 * An export's name without an upstream call: from the user's catalogue cache when it is warm, else from the
 * ledger's earlier runs of it, else "" (a later observation that knows the name fills it in).
 */
export async function knownExportName(userKey: string, scope: LedgerScope, exportId: string): Promise<string> {
  const cached = await peekExports(userKey, scope.workspaceId, scope.modelId)?.catch(() => undefined);
  return cached?.find((d) => d.id === exportId)?.name ?? (await ledger().exportName(scope, exportId)) ?? "";
}

/**
 * The last state this process wrote per task, so a poll that shows nothing new writes nothing. Progress is
 * written when it moved by a tenth; a state change always is. Several instances each write a change once.
 */
const written = processState("ledger-written", () => new Map<string, string>());
const MAX_WRITTEN = 20_000;

function fingerprint(task: Task): string {
  const progress = typeof task.progress === "number" ? Math.floor(task.progress * 10) : -1;
  return `${task.taskState}|${task.result?.successful ?? ""}|${progress}`;
}

/** Records what a task list showed. Only tasks whose state (or progress, by a tenth) changed since the last write. */
export async function observeTasks(
  scope: LedgerScope,
  exportId: string,
  exportName: string,
  tasks: readonly Task[],
): Promise<void> {
  const prefix = `${scope.tenantId}|${scope.workspaceId}|${scope.modelId.toUpperCase()}|`;
  const changed = tasks.filter((t) => written.get(prefix + t.taskId) !== fingerprint(t));
  if (changed.length === 0) return;
  await ledger().recordObservations(scope, exportId, exportName, changed, new Date());
  if (ledger().status() !== "ok") return;
  for (const task of changed) {
    written.delete(prefix + task.taskId);
    written.set(prefix + task.taskId, fingerprint(task));
  }
  while (written.size > MAX_WRITTEN) written.delete(written.keys().next().value as string);
}

/**
 * Tasks as Anaplan gave them, each with `startedBy` where the ledger knows who started it (null: outside Export
 * Desk), and `cancelledBy` where Anaplan's list left it out but the ledger knows who cancelled it.
 */
export async function withStartedBy<T extends Task>(scope: LedgerScope, tasks: readonly T[]): Promise<T[]> {
  if (tasks.length === 0) return [...tasks];
  const ids = tasks.map((t) => t.taskId);
  const [known, cancellers] = await Promise.all([
    ledger().startedByFor(scope, ids),
    ledger().cancelledByFor(scope, ids),
  ]);
  return tasks.map((t) => {
    const cancelledBy = t.cancelledBy ?? cancellers.get(t.taskId);
    const withCanceller = cancelledBy ? { ...t, cancelledBy } : t;
    return known.has(t.taskId) ? { ...withCanceller, startedBy: known.get(t.taskId) as Person | null } : withCanceller;
  });
}

/**
 * A run nobody watches still gets its ending: before the ledger is read, runs it still shows active and nobody
 * asked Anaplan about for CATCH_UP_INTERVAL_MS are read once, with the reader's token (claimed first, so readers
 * on any instance never ask twice). Bounded per read, so a long outage cannot turn one page into a flood.
 */
export async function catchUpStaleRuns(api: AnaplanApi, scope: LedgerScope, now = new Date()): Promise<void> {
  const notCheckedSince = new Date(now.getTime() - CATCH_UP_INTERVAL_MS);
  const stale = await ledger().staleActiveRuns(scope, { notCheckedSince, limit: 8 });
  if (stale.length === 0) return;
  const claimed = new Set(
    await ledger().markChecked(
      scope,
      stale.map((r) => r.taskId),
      { at: now, notCheckedSince },
    ),
  );
  await mapLimit(
    stale.filter((r) => claimed.has(r.taskId)),
    4,
    async (run) => {
      try {
        const task = await api.exportTask(scope.workspaceId, scope.modelId, run.exportId, run.taskId);
        await observeTasks(scope, run.exportId, run.exportName, [task]);
      } catch {
        // Anaplan no longer knows the task, or cannot be reached: the next reader tries again after the interval.
      }
    },
  );
}

export function forgetLedgerWritesForTests(): void {
  written.clear();
}
