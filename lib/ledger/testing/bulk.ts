import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db";
import type { LedgerScope } from "../types";

/**
 * `count` runs in one model, written by the database itself (fast on both engines): 40 exports, seven starters and
 * a third started elsewhere, one run a minute, outcomes mixed, a download on every tenth.
 */
export async function insertRuns(db: Db, scope: LedgerScope, count: number, firstId = 1): Promise<void> {
  const w = scope.workspaceId.toLowerCase();
  const m = scope.modelId.toLowerCase();
  await db.execute(sql`insert into runs (tenant_id, workspace_id, model_id, task_id, export_id, export_name, started_by_user_id,
      started_by_email, started_by_name, started_at, task_state, outcome, progress, finished_at, failure, checked_at)
    select ${scope.tenantId}, ${w}, ${m}, upper(lpad(to_hex(g), 32, '0')), (116000000000 + g % 40)::text, 'Export ' || (g % 40),
      case when g % 3 = 0 then null else 'u' || (g % 7) end,
      case when g % 3 = 0 then null else 'user' || (g % 7) || '@example.com' end,
      case when g % 3 = 0 then null else 'User ' || (g % 7) end,
      timestamptz '2026-01-01T00:00:00Z' + g * interval '1 minute',
      'COMPLETE', case when g % 10 = 0 then 'failed' else 'succeeded' end, 1,
      timestamptz '2026-01-01T00:00:00Z' + g * interval '1 minute' + (g % 13) * interval '1 minute',
      case when g % 10 = 0 then 'The export could not be completed.' else null end,
      timestamptz '2026-01-01T00:00:00Z' + g * interval '1 minute'
    from generate_series(${firstId}::int, ${firstId + count - 1}::int) g`);
  await db.execute(sql`insert into downloads (tenant_id, workspace_id, model_id, export_id, run_id, by_user_id, by_email, by_name,
      started_at, finished_at, bytes, complete)
    select tenant_id, workspace_id, model_id, export_id, id, 'u1', 'user1@example.com', 'User 1', finished_at, finished_at, 1048576, true
    from runs where tenant_id = ${scope.tenantId} and workspace_id = ${w} and model_id = ${m} and id % 10 = 0`);
  await db.execute(sql`analyze`);
}
