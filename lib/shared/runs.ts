/**
 * The team ledger's answers: `Run` is the contract of GET …/runs (README, "The BFF"). Client-safe: imports nothing.
 */
export const RUN_OUTCOMES = ["queued", "running", "cancelling", "succeeded", "failed", "cancelled", "unknown"] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export interface Person {
  email: string;
  name: string;
}

export interface RunDownload {
  by: Person;
  at: string;
  bytes: number;
  complete: boolean;
}

export interface Run {
  taskId: string;
  exportId: string;
  exportName: string;
  /** Null: started outside Export Desk. */
  startedBy: Person | null;
  startedAt: string;
  /** Null while the run is not finished. */
  finishedAt: string | null;
  outcome: RunOutcome;
  durationMs: number | null;
  /** Anaplan's first failure message. */
  failure: string | null;
  cancelledBy: Person | null;
  downloads: RunDownload[];
}

export interface RunsPage {
  runs: Run[];
  next: string | null;
}
