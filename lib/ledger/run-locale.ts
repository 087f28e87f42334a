import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { runs } from "@/lib/db/schema";
import { inScope } from "./scope";
import type { LedgerScope } from "./types";

/**
 * The locale a run was started with: a locale name, null (started here without one: Anaplan's default for the
 * user), or undefined (not recorded: the ledger never saw the run start, as for runs started outside Export Desk).
 */
export async function runLocale(db: Db, scope: LedgerScope, taskId: string): Promise<string | null | undefined> {
  const [row] = await db
    .select({ locale: runs.locale, startedBy: runs.startedByEmail })
    .from(runs)
    .where(and(inScope(scope), eq(runs.taskId, taskId)))
    .limit(1);
  if (!row || row.startedBy === null) return undefined;
  return row.locale;
}
