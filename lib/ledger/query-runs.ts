import "server-only";
import { and, asc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { downloads, runs } from "@/lib/db/schema";
import { encodeCursor } from "./cursor";
import { DEFAULT_RUNS_LIMIT, MAX_RUNS_LIMIT, type RunsQuery } from "./runs-query";
import { NEWEST_FIRST } from "./order";
import { inScope } from "./scope";
import type { LedgerScope, Person, Run, RunDownload, RunOutcome, RunsPage } from "./types";

/** The model's runs, newest first, a page at a time (keyset paging on start time and row id). */
export async function queryRuns(db: Db, scope: LedgerScope, query: Partial<RunsQuery> = {}): Promise<RunsPage> {
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_RUNS_LIMIT)), MAX_RUNS_LIMIT);
  const rows = await runsPageSelect(db, scope, query, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const next = rows.length > limit && last ? encodeCursor({ startedAtMs: last.startedAt.getTime(), id: last.id }) : null;
  const downloadsOf = await downloadsByRun(
    db,
    page.map((r) => r.id),
  );
  return { runs: page.map((row) => toRun(row, downloadsOf.get(row.id) ?? [])), next };
}

/** The page's rows (one more than shown, to know whether there is a next page); also what EXPLAIN checks. */
export function runsPageSelect(db: Db, scope: LedgerScope, query: Partial<RunsQuery>, rows: number) {
  const where: SQL[] = [inScope(scope)];
  if (query.exportId) where.push(eq(runs.exportId, query.exportId));
  if (query.by) where.push(sql`lower(${runs.startedByEmail}) = ${query.by.toLowerCase()}`);
  if (query.outcome) where.push(eq(runs.outcome, query.outcome));
  if (query.from) where.push(gte(runs.startedAt, query.from));
  if (query.to) where.push(lt(runs.startedAt, query.to));
  if (query.cursor) {
    const after = new Date(query.cursor.startedAtMs).toISOString();
    where.push(sql`(${runs.startedAt}, ${runs.id}) < (${after}::timestamptz, ${query.cursor.id})`);
  }
  return db
    .select()
    .from(runs)
    .where(and(...where))
    .orderBy(...NEWEST_FIRST)
    .limit(rows);
}

type RunRow = typeof runs.$inferSelect;

export function toRun(row: RunRow, runDownloads: RunDownload[]): Run {
  return {
    taskId: row.taskId,
    exportId: row.exportId,
    exportName: row.exportName,
    startedBy: person(row.startedByEmail, row.startedByName),
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    outcome: row.outcome as RunOutcome,
    durationMs: row.finishedAt ? Math.max(0, row.finishedAt.getTime() - row.startedAt.getTime()) : null,
    failure: row.failure,
    cancelledBy: person(row.cancelledByEmail, row.cancelledByName),
    downloads: runDownloads,
  };
}

function person(email: string | null, name: string | null): Person | null {
  return email === null ? null : { email, name: name ?? email };
}

async function downloadsByRun(db: Db, runIds: number[]): Promise<Map<number, RunDownload[]>> {
  const byRun = new Map<number, RunDownload[]>();
  if (runIds.length === 0) return byRun;
  const rows = await db
    .select()
    .from(downloads)
    .where(inArray(downloads.runId, runIds))
    .orderBy(asc(downloads.startedAt), asc(downloads.id));
  for (const row of rows) {
    const list = byRun.get(row.runId!) ?? [];
    list.push({ by: { email: row.byEmail, name: row.byName }, at: row.startedAt.toISOString(), bytes: row.bytes, complete: row.complete });
    byRun.set(row.runId!, list);
  }
  return byRun;
}
