import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { runs } from "@/lib/db/schema";
import { queryRuns } from "./query-runs";
import { NEWEST_FIRST } from "./order";
import { inScope } from "./scope";
import type { LedgerScope, Run } from "./types";

/** How many recent successful runs make "usually takes about N min". */
const TYPICAL_OVER = 20;

export interface ExportHistory {
  runs: Run[];
  /** Median duration of the export's recent successful runs; null before its first one. */
  typicalDurationMs: number | null;
}

export async function exportHistory(db: Db, scope: LedgerScope, exportId: string, limit = 30): Promise<ExportHistory> {
  const [page, finished] = await Promise.all([
    queryRuns(db, scope, { exportId, limit }),
    db
      .select({ startedAt: runs.startedAt, finishedAt: runs.finishedAt })
      .from(runs)
      .where(
        and(inScope(scope), eq(runs.exportId, exportId), eq(runs.outcome, "succeeded"), isNotNull(runs.finishedAt)),
      )
      .orderBy(...NEWEST_FIRST)
      .limit(TYPICAL_OVER),
  ]);
  return {
    runs: page.runs,
    typicalDurationMs: median(finished.map((r) => r.finishedAt!.getTime() - r.startedAt.getTime())),
  };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}
