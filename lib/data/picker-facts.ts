import "server-only";
import { ledger } from "@/lib/ledger";
import { pickerKey, type ModelFacts, type PickerFacts } from "@/lib/shared/picker";
import type { Model } from "@/lib/shared/types";
import { mapLimit } from "./concurrency";
import { knownExportCount } from "./export-counts";
import { canOpenModel } from "./model-access";
import type { Reader } from "./reader";

/**
 * Beyond this many models the picker does not check access (each check is one status call per user per
 * MODEL_ACCESS_TTL_MS): the remaining cards stay plain links.
 */
export const PICKER_ACCESS_CHECKS = 48;
const IN_FLIGHT = 4;

/**
 * Whether the user can open each listed model (Anaplan lists models with the NO ACCESS role like any other), then
 * what the team ledger knows of the ones they can. Never throws: what could not be learned stays "unknown".
 */
export async function getPickerFacts(
  reader: Reader,
  groups: readonly { workspaceId: string; models: readonly Model[] }[],
): Promise<PickerFacts> {
  const models = groups
    .flatMap((g) => g.models.map((model) => ({ workspaceId: g.workspaceId, model })))
    // An archived model is marked from the list itself.
    .filter(({ model }) => model.activeState !== "ARCHIVED")
    .slice(0, PICKER_ACCESS_CHECKS);
  const access = await mapLimit(models, IN_FLIGHT, async ({ workspaceId, model }) => {
    try {
      return (await canOpenModel(reader.api, reader.userKey, workspaceId, model.id)) ? "yes" : "no";
    } catch {
      return "unknown";
    }
  });
  const open = models
    .filter((_, i) => access[i] === "yes")
    .map(({ workspaceId, model }) => ({ workspaceId, modelId: model.id }));
  const summaries = await ledger().modelSummaries(reader.tenantId, open);
  const facts: PickerFacts = {};
  models.forEach(({ workspaceId, model }, i) => {
    const key = pickerKey(workspaceId, model.id);
    const fact: ModelFacts = { access: access[i] ?? "unknown" };
    const exports = fact.access === "yes" ? knownExportCount(reader.tenantId, workspaceId, model.id) : undefined;
    if (exports !== undefined) fact.exports = exports;
    const summary = summaries.get(key);
    if (summary) {
      fact.exportsRun = summary.exportsRun;
      fact.lastRun = { ...summary.lastRun, at: summary.lastRun.at.getTime() };
    }
    facts[key] = fact;
  });
  return facts;
}
