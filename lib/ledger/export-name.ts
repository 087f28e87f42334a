import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { runs } from "@/lib/db/schema";
import { inScope } from "./scope";
import type { LedgerScope } from "./types";

/** The name the ledger last recorded for an export, or null. */
export async function exportName(db: Db, scope: LedgerScope, exportId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: runs.exportName })
    .from(runs)
    .where(and(inScope(scope), eq(runs.exportId, exportId), ne(runs.exportName, "")))
    .orderBy(desc(runs.startedAt))
    .limit(1);
  return row?.name ?? null;
}
