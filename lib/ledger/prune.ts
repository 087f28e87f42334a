import "server-only";
import { sql } from "drizzle-orm";
import { LOCK_NAMESPACE, PRUNE_LOCK, rowsOf, type Db } from "@/lib/db/database";

const DAY_MS = 86_400_000;

export type PruneResult =
  { pruned: true; runs: number; downloads: number } | { pruned: false; reason: "busy" | "done-today" };

/**
 * Deletes runs (with their states and downloads) started more than `retentionDays` before `now`. At most once a day
 * across every instance: the first to take the advisory lock does it and notes when; the others skip.
 */
export async function pruneLedger(db: Db, retentionDays: number, now: Date): Promise<PruneResult> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK_NAMESPACE}, ${PRUNE_LOCK}) as locked`),
    );
    if (!lock?.locked) return { pruned: false, reason: "busy" } as const;
    const [last] = rowsOf<{ value: string }>(
      await tx.execute(sql`select value from ledger_meta where key = 'pruned_at'`),
    );
    if (last && now.getTime() - Date.parse(last.value) < DAY_MS && Date.parse(last.value) <= now.getTime()) {
      return { pruned: false, reason: "done-today" } as const;
    }
    const [counts] = rowsOf<{ runs: number; downloads: number }>(
      await tx.execute(sql`with gone_runs as (delete from runs where started_at < ${cutoff}::timestamptz returning 1),
        gone_downloads as (delete from downloads where run_id is null and started_at < ${cutoff}::timestamptz returning 1)
        select (select count(*)::int from gone_runs) as runs, (select count(*)::int from gone_downloads) as downloads`),
    );
    await tx.execute(sql`insert into ledger_meta (key, value, updated_at) values ('pruned_at', ${now.toISOString()}, now())
      on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`);
    return { pruned: true, runs: counts?.runs ?? 0, downloads: counts?.downloads ?? 0 } as const;
  });
}
