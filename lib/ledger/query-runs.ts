import "server-only";
import { and, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { runs } from "@/lib/db/schema";
import { encodeCursor } from "./cursor";
import { DEFAULT_RUNS_LIMIT, MAX_RUNS_LIMIT, type RunsQuery } from "./runs-query";
import { NEWEST_FIRST } from "./order";
import { inScope } from "./scope";
import type { LedgerScope, Person, Run, RunDownload, RunOutcome, RunsPage } from "./types";

/** The model's runs, newest first, a page at a time (keyset paging on start time and row id), in one round trip. */
export async function queryRuns(db: Db, scope: LedgerScope, query: Partial<RunsQuery> = {}): Promise<RunsPage> {
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_RUNS_LIMIT)), MAX_RUNS_LIMIT);
  const rows = await runsPageSelect(db, scope, query, limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const next =
    rows.length > limit && last ? encodeCursor({ startedAtMs: last.startedAt.getTime(), id: last.id }) : null;
  return { runs: page.map(toRun), next };
}

interface DownloadJson {
  email: string;
  name: string;
  at: string;
  bytes: number | string;
  complete: boolean;
}

/**
 * Each run's downloads as one JSON array, read through the downloads_by_run index (sorted in toRun: no Sort node).
 * "runs"."id" is spelled out: drizzle writes a bare "id" in a one-table select, which would mean d.id here.
 */
const downloadsOfRun = sql<
  DownloadJson[] | null
>`(select json_agg(json_build_object('email', d.by_email, 'name', d.by_name,
  'at', d.started_at, 'bytes', d.bytes, 'complete', d.complete)) from downloads d where d.run_id = "runs"."id")`;

const PAGE_COLUMNS = {
  id: runs.id,
  taskId: runs.taskId,
  exportId: runs.exportId,
  exportName: runs.exportName,
  startedByEmail: runs.startedByEmail,
  startedByName: runs.startedByName,
  startedAt: runs.startedAt,
  finishedAt: runs.finishedAt,
  outcome: runs.outcome,
  failure: runs.failure,
  cancelledByEmail: runs.cancelledByEmail,
  cancelledByName: runs.cancelledByName,
  downloads: downloadsOfRun,
};

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
    .select(PAGE_COLUMNS)
    .from(runs)
    .where(and(...where))
    .orderBy(...NEWEST_FIRST)
    .limit(rows);
}

type PageRow = Awaited<ReturnType<typeof runsPageSelect>>[number];

function toRun(row: PageRow): Run {
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
    downloads: (row.downloads ?? []).map(toDownload).sort((a, b) => a.at.localeCompare(b.at)),
  };
}

function toDownload(d: DownloadJson): RunDownload {
  return {
    by: { email: d.email, name: d.name },
    at: new Date(d.at).toISOString(),
    bytes: Number(d.bytes),
    complete: d.complete,
  };
}

function person(email: string | null, name: string | null): Person | null {
  return email === null ? null : { email, name: name ?? email };
}
