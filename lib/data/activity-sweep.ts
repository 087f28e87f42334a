import "server-only";
import { isAnaplanError } from "@/lib/anaplan/errors";
import { inBackground } from "@/lib/anaplan/rate-limit";
import { processState } from "@/lib/server/process-state";
import { outsideRequest } from "@/lib/server/request-context";
import type { Task } from "@/lib/shared/types";
import { canOpenModel } from "./model-access";
import type { Reader } from "./reader";
import { cachedExportTasks } from "./task-list-cache";

/**
 * What Model activity knows of a model, shared by every user of the tenant (each user's access to the model is
 * checked with their own token before they see any of it): the task lists read so far, and a slow sweep through
 * every export's task list, for runs started outside Export Desk that the ledger has not seen.
 *
 * The sweep is lazy: it runs only while someone has looked at the model's activity in the last WANTED_MS, one
 * export at a time, as background calls under the rate ceiling (lib/anaplan/rate-limit.ts: its own small share
 * of the tenant's calls, and never the reserve kept for people). It resumes where it stopped, and after a full
 * pass starts again no sooner than FULL_SCAN_MS later. On the 5,000-export model at the default 1 call a second
 * a pass takes about 1.5 hours: slow by design, since the ledger and the hot exports show what matters first.
 */
const FULL_SCAN_MS = 30 * 60_000;
const WANTED_MS = 2 * 60_000;
const EXPORTS_TTL_MS = 30 * 60_000;
const MAX_MODELS = 500;

interface ExportRef {
  id: string;
  name: string;
}

export interface ModelKnowledge {
  /** Task lists by export id, from hot reads and the sweep, and when each was read. */
  tasks: Map<string, Task[]>;
  readAt: Map<string, number>;
  names: Map<string, string>;
  /** Bumped when the sweep finds tasks, so the shared answer is assembled again. */
  version: number;
  /** Export id → until when it is re-read on every poll (after a start or cancel through Export Desk). */
  hotUntil: Map<string, number>;
  sweep: {
    list: ExportRef[] | null;
    listAt: number;
    cursor: number;
    passEndedAt: number;
    wantedAt: number;
    /** The reader the sweep reads as: the last user who looked (access checked), with a background client. */
    reader: Reader | null;
    running: Promise<void> | null;
  };
}

const models = processState("model-activity", () => new Map<string, ModelKnowledge>());

export const modelKey = (tenantId: string, workspaceId: string, modelId: string) =>
  `${tenantId}|${workspaceId}|${modelId.toUpperCase()}`;

export function knowledgeOf(key: string): ModelKnowledge {
  let entry = models.get(key);
  if (entry) {
    models.delete(key);
    models.set(key, entry);
    return entry;
  }
  entry = {
    tasks: new Map(),
    readAt: new Map(),
    names: new Map(),
    version: 0,
    hotUntil: new Map(),
    sweep: { list: null, listAt: 0, cursor: 0, passEndedAt: 0, wantedAt: 0, reader: null, running: null },
  };
  models.set(key, entry);
  while (models.size > MAX_MODELS) models.delete(models.keys().next().value as string);
  return entry;
}

/** A task list read, with when it was asked for (a read asked before a start cannot show that start). */
export function remember(entry: ModelKnowledge, exportId: string, tasks: Task[], askedAt: number): void {
  entry.tasks.set(exportId, tasks);
  entry.readAt.set(exportId, askedAt);
}

/** After a start or cancel through Export Desk: that export is re-read on every poll for a while, for everyone. */
export function markHot(workspaceId: string, modelId: string, exportId: string, untilMs: number): void {
  const suffix = `|${workspaceId}|${modelId.toUpperCase()}`;
  for (const [key, entry] of models) if (key.endsWith(suffix)) entry.hotUntil.set(exportId, untilMs);
}

/** Someone looked at the model's activity: keep the sweep going (as `reader`, in the background). */
export function wantSweep(entry: ModelKnowledge, reader: Reader, workspaceId: string, modelId: string): void {
  const { sweep } = entry;
  sweep.wantedAt = Date.now();
  sweep.reader = reader;
  if (sweep.running || Date.now() - sweep.passEndedAt < FULL_SCAN_MS) return;
  // Not the request's work: its calls are background calls and are not counted on the request's log line.
  sweep.running = outsideRequest(() => inBackground(() => sweepLoop(entry, workspaceId, modelId)))
    // A failure that is not Anaplan's (a bug, the ledger) ends this pass; the next look starts it again.
    .catch(() => undefined)
    .finally(() => {
      sweep.running = null;
    });
}

async function sweepLoop(entry: ModelKnowledge, w: string, m: string): Promise<void> {
  const { sweep } = entry;
  while (sweep.reader && Date.now() - sweep.wantedAt < WANTED_MS) {
    const reader = sweep.reader;
    try {
      if (!sweep.list || Date.now() - sweep.listAt > EXPORTS_TTL_MS) {
        sweep.list = (await reader.api.exports(w, m)).map((e) => ({ id: e.id, name: e.name }));
        sweep.listAt = Date.now();
        for (const ref of sweep.list) entry.names.set(ref.id, ref.name);
      }
      const ref = sweep.list[sweep.cursor];
      if (!ref) {
        sweep.cursor = 0;
        sweep.passEndedAt = Date.now();
        return;
      }
      sweep.cursor += 1;
      if (entry.tasks.has(ref.id) && sweep.passEndedAt === 0) continue;
      const askedAt = Date.now();
      const tasks = await cachedExportTasks(reader, w, m, ref.id, ref.name);
      if (tasks.length > 0 || (entry.tasks.get(ref.id)?.length ?? 0) > 0) entry.version += 1;
      remember(entry, ref.id, tasks, askedAt);
    } catch (error) {
      if (!isAnaplanError(error)) throw error;
      if (error.kind === "not_found") {
        // The reader lost access to the model: stop until someone who has it looks. Else the export is gone.
        if (!(await canOpenModel(reader.api, reader.userKey, w, m).catch(() => false))) {
          sweep.reader = null;
          return;
        }
        const gone = sweep.list?.[sweep.cursor - 1];
        if (gone) entry.tasks.delete(gone.id);
        continue;
      }
      // A signed-out or refused reader stops the sweep until the next person looks; other faults skip one export.
      if (error.kind === "unauthorized" || error.kind === "forbidden" || error.kind === "rate_limited") {
        sweep.reader = null;
        return;
      }
    }
  }
}

/** How far the sweep is: exports whose task list has been read, of how many (null until the list is read). */
export function sweepProgress(entry: ModelKnowledge): { exportsRead: number; exportsTotal: number | null } {
  return { exportsRead: entry.tasks.size, exportsTotal: entry.sweep.list?.length ?? null };
}

/** Tests: the running sweep of a model, to wait for. */
export function runningSweep(tenantId: string, workspaceId: string, modelId: string): Promise<void> | null {
  return models.get(modelKey(tenantId, workspaceId, modelId))?.sweep.running ?? null;
}

/** Tests: stops every sweep (after its call in flight) and forgets what was known. */
export async function resetActivityKnowledgeForTests(): Promise<void> {
  const running = [...models.values()].map((entry) => {
    entry.sweep.reader = null;
    return entry.sweep.running;
  });
  models.clear();
  await Promise.all(running);
}
