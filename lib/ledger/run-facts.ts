import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { runs } from "@/lib/db/schema";
import { inScope } from "./scope";
import type { LedgerScope } from "./types";

/** What a task page shows that Anaplan's task does not say. */
export interface RunFacts {
  /**
   * The locale the run was started with: a locale name, null (started here without one: Anaplan's default for the
   * user), or undefined (the ledger never saw it start, as for runs started outside Export Desk).
   */
  locale: string | null | undefined;
  /** When a final state was first seen, or null. */
  finishedAt: Date | null;
}

/** Null when the ledger has no row for the task. */
export async function runFacts(db: Db, scope: LedgerScope, taskId: string): Promise<RunFacts | null> {
  const [row] = await db
    .select({ locale: runs.locale, startedBy: runs.startedByEmail, finishedAt: runs.finishedAt })
    .from(runs)
    .where(and(inScope(scope), eq(runs.taskId, taskId)))
    .limit(1);
  if (!row) return null;
  return { locale: row.startedBy === null ? undefined : row.locale, finishedAt: row.finishedAt };
}
