import "server-only";
import { and, countDistinct, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { runs } from "@/lib/db/schema";
import { pickerKey as modelKey } from "@/lib/shared/picker";
import type { Person } from "./types";

export interface ModelSummary {
  /** How many different exports the team has run in the model. */
  exportsRun: number;
  lastRun: { at: Date; exportName: string; by: Person | null };
}

/**
 * What the ledger knows about several models of one tenant at once (the picker): the latest run and how many
 * different exports were run. Keyed by pickerKey; models without runs have no entry. Two indexed queries, whatever the number of models.
 */
export async function modelSummaries(
  db: Db,
  tenantId: string,
  models: readonly { workspaceId: string; modelId: string }[],
): Promise<Map<string, ModelSummary>> {
  const result = new Map<string, ModelSummary>();
  if (models.length === 0) return result;
  const where = and(
    eq(runs.tenantId, tenantId),
    inArray(runs.workspaceId, [...new Set(models.map((m) => m.workspaceId.toLowerCase()))]),
    inArray(runs.modelId, [...new Set(models.map((m) => m.modelId.toLowerCase()))]),
  );
  const [counts, latest] = await Promise.all([
    db
      .select({ workspaceId: runs.workspaceId, modelId: runs.modelId, exportsRun: countDistinct(runs.exportId) })
      .from(runs)
      .where(where)
      .groupBy(runs.workspaceId, runs.modelId),
    db
      .selectDistinctOn([runs.workspaceId, runs.modelId], {
        workspaceId: runs.workspaceId,
        modelId: runs.modelId,
        at: runs.startedAt,
        exportName: runs.exportName,
        email: runs.startedByEmail,
        name: runs.startedByName,
      })
      .from(runs)
      .where(where)
      .orderBy(runs.workspaceId, runs.modelId, desc(runs.startedAt), desc(runs.id)),
  ]);
  const wanted = new Set(models.map((m) => modelKey(m.workspaceId, m.modelId)));
  const exportsRun = new Map(counts.map((c) => [modelKey(c.workspaceId, c.modelId), Number(c.exportsRun)]));
  for (const row of latest) {
    const key = modelKey(row.workspaceId, row.modelId);
    // Both id lists are matched separately, so a model of one workspace can come with another's id: keep the asked.
    if (!wanted.has(key)) continue;
    result.set(key, {
      exportsRun: exportsRun.get(key) ?? 0,
      lastRun: {
        at: row.at,
        exportName: row.exportName,
        by: row.email === null ? null : { email: row.email, name: row.name ?? row.email },
      },
    });
  }
  return result;
}
