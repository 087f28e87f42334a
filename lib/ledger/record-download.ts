import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { downloads, runs } from "@/lib/db/schema";
import { NEWEST_FIRST } from "./order";
import { inScope, normalizeScope } from "./scope";
import type { Actor, LedgerScope } from "./types";

export type DownloadStarted = ({ taskId: string; exportId: string } | { taskId?: undefined; exportId: string }) & {
  by: Actor;
  at: Date;
};

/**
 * A download began. Anaplan keeps one file per export and user (a later run overwrites it), so a download named only
 * by its export belongs to the downloader's own latest successful run of it. Returns the id to finish it with.
 */
export async function recordDownloadStarted(db: Db, scope: LedgerScope, download: DownloadStarted): Promise<number> {
  const runId = await runOfDownload(db, scope, download);
  const [row] = await db
    .insert(downloads)
    .values({
      ...normalizeScope(scope),
      exportId: download.exportId,
      runId,
      byUserId: download.by.userId,
      byEmail: download.by.email,
      byName: download.by.name,
      startedAt: download.at,
    })
    .returning({ id: downloads.id });
  return row!.id;
}

/** How it ended: bytes sent, and whether the whole file arrived or it was cut off. */
export async function recordDownloadFinished(
  db: Db,
  id: number,
  result: { bytes: number; complete: boolean; at?: Date },
): Promise<void> {
  await db
    .update(downloads)
    .set({
      bytes: Math.max(0, Math.round(result.bytes)),
      complete: result.complete,
      finishedAt: result.at ?? new Date(),
    })
    .where(eq(downloads.id, id));
}

async function runOfDownload(db: Db, scope: LedgerScope, download: DownloadStarted): Promise<number | null> {
  const where = download.taskId
    ? and(inScope(scope), eq(runs.taskId, download.taskId))
    : and(
        inScope(scope),
        eq(runs.exportId, download.exportId),
        eq(runs.outcome, "succeeded"),
        eq(runs.startedByUserId, download.by.userId),
      );
  const [run] = await db
    .select({ id: runs.id })
    .from(runs)
    .where(where)
    .orderBy(...NEWEST_FIRST)
    .limit(1);
  return run?.id ?? null;
}
