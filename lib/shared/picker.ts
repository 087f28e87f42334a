import type { Person } from "./runs";

/**
 * What the picker shows of a model beyond Anaplan's list: whether the user can open it (checked with their token)
 * and, for models they can, what the team ledger knows. "unknown" when it could not be checked (not asked, or
 * Anaplan did not answer): the card stays a plain link.
 */
export interface ModelFacts {
  access: "yes" | "no" | "unknown";
  /** How many exports the model has, when anyone of the team read its list recently (export-counts.ts). */
  exports?: number;
  /** How many different exports the team has run in the model through Export Desk. */
  exportsRun?: number;
  /** The team's latest run there (epoch ms). */
  lastRun?: { at: number; exportName: string; by: Person | null };
}

/** Keyed by pickerKey(workspaceId, modelId). */
export type PickerFacts = Record<string, ModelFacts>;

export const pickerKey = (workspaceId: string, modelId: string) =>
  `${workspaceId.toLowerCase()}|${modelId.toLowerCase()}`;
