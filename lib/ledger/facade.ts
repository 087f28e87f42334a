import "server-only";
import { logEvent } from "@/lib/server/log";
import type { Database, Db, Engine } from "@/lib/db";
import { databaseErrorCode } from "@/lib/db/errors";
import type { Task } from "@/lib/shared/types";
import { markChecked, staleActiveRuns, type StaleRun } from "./catch-up";
import { exportName } from "./export-name";
import { exportHistory, type ExportHistory } from "./history";
import { pruneLedger, type PruneResult } from "./prune";
import { queryRuns } from "./query-runs";
import { recordCancelRequested } from "./record-cancel";
import { recordDownloadFinished, recordDownloadStarted, type DownloadStarted } from "./record-download";
import { recordObservations } from "./record-observations";
import { recordRunStarted, type RunStarted } from "./record-start";
import type { RunsQuery } from "./runs-query";
import { startedByFor } from "./started-by";
import { cancelledByFor } from "./cancelled-by";
import { modelSummaries, type ModelSummary } from "./model-summaries";
import { runFacts, type RunFacts } from "./run-facts";
import type { Actor, LedgerScope, Person, RunsPage } from "./types";
import type { LedgerEvent } from "./event-bus";

const ACTIVE_STATES = new Set(["NOT_STARTED", "IN_PROGRESS"]);

export type LedgerStatus = "ok" | "off" | "unavailable";

export interface LedgerOptions {
  /** Opens (or returns the already open) database; null when the ledger is off. */
  open: (() => Promise<Database>) | null;
  engine: Engine | "off";
  log?: typeof logEvent;
  /** After a failure, calls answer their fallback for this long before trying the database again. */
  retryAfterFailureMs?: number;
  /** Told about every start, cancel, state change and download (the live event stream of open pages). */
  publish?: (event: LedgerEvent) => void;
}

/**
 * The ledger is history, not a gate. Every call here catches database failures and answers a harmless default
 * (nothing recorded, no rows), so runs, cancels and downloads work while the database is down. The first failure of
 * an outage logs `ledger_unavailable` (engine and error code only: never a URL, password or token), the first success
 * after it logs `ledger_recovered`, and status() tells pages whether history is being recorded.
 */
export function createLedger(options: LedgerOptions) {
  const log = options.log ?? logEvent;
  let status: LedgerStatus = options.open ? "ok" : "off";
  let failedAt = 0;

  async function safely<T>(work: (db: Db) => Promise<T>, fallback: T): Promise<T> {
    if (!options.open) return fallback;
    // While the database is down, requests skip it for a while rather than each waiting for a connection timeout.
    if (status === "unavailable" && Date.now() - failedAt < (options.retryAfterFailureMs ?? 10_000)) return fallback;
    try {
      const result = await work((await options.open()).db);
      if (status === "unavailable") log("ledger_recovered", { engine: options.engine });
      status = "ok";
      return result;
    } catch (error) {
      if (status !== "unavailable")
        log("ledger_unavailable", { engine: options.engine, code: databaseErrorCode(error) });
      status = "unavailable";
      failedAt = Date.now();
      return fallback;
    }
  }

  const publish = options.publish ?? (() => undefined);

  return {
    status: (): LedgerStatus => status,
    /** Opens the database (and applies migrations) now, so the first request does not wait for it. */
    check: () => safely(async () => true, false),
    // Starts, cancels and downloads are published even when the database could not record them: they happened
    // at Anaplan, and open pages should hear of them. State changes are published only when the ledger recorded
    // them first, so of several instances that see the same change, exactly one publishes it.
    recordRunStarted: async (run: RunStarted) => {
      await safely((db) => recordRunStarted(db, run), undefined);
      const { tenantId, workspaceId, modelId, exportId, exportName, taskId } = run;
      publish({
        tenantId,
        workspaceId,
        modelId,
        exportId,
        exportName,
        taskId,
        kind: "started",
        state: "NOT_STARTED",
        actor: run.startedBy.name,
        actorUserId: run.startedBy.userId,
        at: run.at.getTime(),
      });
    },
    recordObservations: async (
      scope: LedgerScope,
      exportId: string,
      exportName: string,
      tasks: Task[],
      seenAt: Date,
    ) => {
      const changes = await safely((db) => recordObservations(db, scope, exportId, exportName, tasks, seenAt), []);
      for (const change of changes) {
        // A run the ledger meets while it runs was started outside Export Desk; one met finished is only history.
        const kind = change.isNew && ACTIVE_STATES.has(change.taskState) ? "started" : "state";
        publish({
          ...scope,
          exportId,
          exportName,
          taskId: change.taskId,
          kind,
          state: change.taskState,
          actor: null,
          actorUserId: null,
          at: seenAt.getTime(),
        });
      }
    },
    recordCancelRequested: async (
      scope: LedgerScope,
      taskId: string,
      by: Actor,
      at: Date,
      about: { exportId: string; exportName?: string } | null = null,
    ) => {
      const known = await safely((db) => recordCancelRequested(db, scope, taskId, by, at), false);
      if (about) {
        const exportName = about.exportName ?? "";
        publish({
          ...scope,
          exportId: about.exportId,
          exportName,
          taskId,
          kind: "cancel-requested",
          state: "CANCELLING",
          actor: by.name,
          actorUserId: by.userId,
          at: at.getTime(),
        });
      }
      return known;
    },
    /** Null when the ledger could not record it; pass that null on to recordDownloadFinished. */
    recordDownloadStarted: async (scope: LedgerScope, download: DownloadStarted) => {
      const id = await safely<number | null>((db) => recordDownloadStarted(db, scope, download), null);
      const { exportId, taskId = null } = download;
      publish({
        ...scope,
        exportId,
        exportName: "",
        taskId,
        kind: "download",
        state: null,
        actor: download.by.name,
        actorUserId: download.by.userId,
        at: download.at.getTime(),
      });
      return id;
    },
    recordDownloadFinished: (id: number | null, result: { bytes: number; complete: boolean; at?: Date }) =>
      id === null ? Promise.resolve() : safely((db) => recordDownloadFinished(db, id, result), undefined),
    queryRuns: (scope: LedgerScope, query: Partial<RunsQuery> = {}) =>
      safely<RunsPage>((db) => queryRuns(db, scope, query), { runs: [], next: null }),
    exportName: (scope: LedgerScope, exportId: string) =>
      safely<string | null>((db) => exportName(db, scope, exportId), null),
    startedByFor: (scope: LedgerScope, taskIds: string[]) =>
      safely((db) => startedByFor(db, scope, taskIds), new Map<string, Person | null>()),
    cancelledByFor: (scope: LedgerScope, taskIds: string[]) =>
      safely((db) => cancelledByFor(db, scope, taskIds), new Map<string, string>()),
    modelSummaries: (tenantId: string, models: readonly { workspaceId: string; modelId: string }[]) =>
      safely((db) => modelSummaries(db, tenantId, models), new Map<string, ModelSummary>()),
    runFacts: (scope: LedgerScope, taskId: string) =>
      safely<RunFacts | null>((db) => runFacts(db, scope, taskId), null),
    exportHistory: (scope: LedgerScope, exportId: string, limit?: number) =>
      safely<ExportHistory>((db) => exportHistory(db, scope, exportId, limit), { runs: [], typicalDurationMs: null }),
    staleActiveRuns: (scope: LedgerScope, query: { notCheckedSince: Date; limit?: number }) =>
      safely<StaleRun[]>((db) => staleActiveRuns(db, scope, query), []),
    markChecked: (scope: LedgerScope, taskIds: string[], claim: { at: Date; notCheckedSince: Date }) =>
      safely<string[]>((db) => markChecked(db, scope, taskIds, claim), []),
    pruneLedger: (retentionDays: number, now: Date) =>
      safely<PruneResult | null>((db) => pruneLedger(db, retentionDays, now), null),
  };
}

export type Ledger = ReturnType<typeof createLedger>;
