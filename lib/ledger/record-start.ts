import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { runs } from "@/lib/db/schema";
import { normalizeScope } from "./scope";
import type { Actor, LedgerScope } from "./types";

export interface RunStarted extends LedgerScope {
  exportId: string;
  exportName: string;
  taskId: string;
  locale: string | null;
  startedBy: Actor;
  at: Date;
}

/** Who started a run through Export Desk, and when. A task list may have recorded it first: then this fills in who. */
export async function recordRunStarted(db: Db, run: RunStarted): Promise<void> {
  const scope = normalizeScope(run);
  await db
    .insert(runs)
    .values({
      ...scope,
      taskId: run.taskId,
      exportId: run.exportId,
      exportName: run.exportName,
      locale: run.locale,
      startedByUserId: run.startedBy.userId,
      startedByEmail: run.startedBy.email,
      startedByName: run.startedBy.name,
      startedAt: run.at,
      outcome: "queued",
    })
    .onConflictDoUpdate({
      target: [runs.tenantId, runs.workspaceId, runs.modelId, runs.taskId],
      set: {
        startedByUserId: sql`coalesce(${runs.startedByUserId}, excluded.started_by_user_id)`,
        startedByEmail: sql`case when ${runs.startedByUserId} is null then excluded.started_by_email else ${runs.startedByEmail} end`,
        startedByName: sql`case when ${runs.startedByUserId} is null then excluded.started_by_name else ${runs.startedByName} end`,
        locale: sql`coalesce(${runs.locale}, excluded.locale)`,
        exportName: sql`coalesce(nullif(excluded.export_name, ''), ${runs.exportName})`,
        startedAt: sql`least(${runs.startedAt}, excluded.started_at)`,
      },
    });
}
