import "server-only";
import type { AnaplanApi } from "@/lib/anaplan/api";
import { AnaplanError, isAnaplanError } from "@/lib/anaplan/errors";
import { ledger, type LedgerScope } from "@/lib/ledger";
import type { ActivityResponse } from "@/lib/shared/responses";
import type { Run } from "@/lib/shared/runs";
import type { ActivityTask, ModelStatus } from "@/lib/shared/types";
import {
  knowledgeOf,
  markHot,
  modelKey,
  remember,
  resetActivityKnowledgeForTests,
  sweepProgress,
  wantSweep,
  type ModelKnowledge,
} from "./activity-sweep";
import { mapLimit } from "./concurrency";
import { canOpenModel } from "./model-access";
import { cachedModelStatus, invalidateModelStatus } from "./model-status-cache";
import type { Reader } from "./reader";
import { runAsTask } from "./run-as-task";
import { createTtlCache } from "./ttl-cache";
import { cachedExportTasks, TASK_LIST_TTL_MS } from "./task-list-cache";

/**
 * Model activity: recent tasks across a model's exports, built from what is cheap, the same for the whole tenant
 * (each user's access to the model checked with their own token first):
 * - the model status (one read per model per 10 s for the tenant: model-status-cache.ts);
 * - the team ledger's recent runs of the model (no upstream call);
 * - the task lists of the "hot" exports — with a run started in the last HOT_WINDOW_MS or that the ledger shows
 *   unfinished (either until a live read shows it finished), a task seen active, or just started or cancelled
 *   through Export Desk — at most MAX_HOT, newest first, through the tenant-shared task-list cache (one read per export per 5 s,
 *   shared with the export page).
 * Everything else comes in slowly: a shared, lazy background sweep (activity-sweep.ts) reads the other exports'
 * task lists one at a time under the rate ceiling, while anyone is looking, and each answer shows what it found.
 * The assembled answer is shared by the tenant for RESPONSE_TTL_MS, so ten teammates polling cost one round.
 */
const RESPONSE_TTL_MS = TASK_LIST_TTL_MS;
const HOT_WINDOW_MS = 2 * 60_000;
const MARKED_HOT_MS = 2 * 60_000;
export const MAX_HOT = 8;
const CONCURRENCY = 4;
const MAX_TASKS = 100;
/** History never gates the answer: a ledger still opening (just after start-up) is skipped this round. */
const LEDGER_WAIT_MS = 500;

const answers = createTtlCache<ActivityResponse>("model-activity-answers", RESPONSE_TTL_MS, 500);
/** The last answer per model, for page renders that show it while a fresh one is computed (see below). */
const PAGE_STALE_MS = 60_000;
const lastAnswers = createTtlCache<ActivityResponse>("model-activity-last", PAGE_STALE_MS, 500);

/**
 * `backgroundApi` reads for the shared sweep; give one that is not tied to the request's abort signal (defaults to
 * the reader's).
 */
export async function getModelActivity(
  reader: Reader,
  workspaceId: string,
  modelId: string,
  backgroundApi: AnaplanApi = reader.api,
): Promise<ActivityResponse> {
  if (!(await canOpenModel(reader.api, reader.userKey, workspaceId, modelId))) {
    throw new AnaplanError("not_found", "The model does not exist, or you have no access to it.", { status: 404 });
  }
  const key = modelKey(reader.tenantId, workspaceId, modelId);
  const entry = knowledgeOf(key);
  wantSweep(entry, { ...reader, api: backgroundApi }, workspaceId, modelId);
  return answers.get(`v${entry.version}|${key}`, async () => {
    const answer = await compute(entry, reader, workspaceId, modelId);
    lastAnswers.reload(key, () => Promise.resolve(answer));
    return answer;
  });
}

/**
 * For a page's first render, which should not wait on Anaplan: the model's last answer while under a minute old,
 * with a fresh one computed behind it (the page's live table asks for that one as soon as it is in the browser);
 * without one, the fresh answer. The user's access is checked first either way.
 */
export async function modelActivityForPage(
  reader: Reader,
  workspaceId: string,
  modelId: string,
): Promise<ActivityResponse> {
  const fresh = getModelActivity(reader, workspaceId, modelId);
  const last = lastAnswers.peek(modelKey(reader.tenantId, workspaceId, modelId));
  if (!last || !(await canOpenModel(reader.api, reader.userKey, workspaceId, modelId))) return fresh;
  fresh.catch(() => undefined);
  return last;
}

/**
 * After a start, cancel or change of state: re-read that export on every poll for a while, and the model status
 * once, for everyone.
 */
export function markExportActive(workspaceId: string, modelId: string, exportId: string): void {
  markHot(workspaceId, modelId, exportId, Date.now() + MARKED_HOT_MS);
  invalidateModelStatus(workspaceId, modelId);
  const suffix = `|${workspaceId}|${modelId.toUpperCase()}`;
  answers.invalidate(suffix);
  lastAnswers.invalidate(suffix);
}

async function compute(entry: ModelKnowledge, reader: Reader, w: string, m: string): Promise<ActivityResponse> {
  const scope = { tenantId: reader.tenantId, workspaceId: w, modelId: m };
  const [status, recent] = await Promise.all([modelStatus(reader, w, m), recentRuns(scope)]);
  for (const run of recent.runs) if (run.exportName) entry.names.set(run.exportId, run.exportName);

  await mapLimit(hotExports(entry, recent.runs), CONCURRENCY, async (exportId) => {
    try {
      const askedAt = Date.now();
      remember(entry, exportId, await cachedExportTasks(reader, w, m, exportId, entry.names.get(exportId)), askedAt);
    } catch (error) {
      if (!isAnaplanError(error)) throw error;
      if (error.kind === "not_found") entry.tasks.delete(exportId);
      else if (["unauthorized", "aborted", "rate_limited"].includes(error.kind)) throw error;
      // Other faults leave what was known in place.
    }
  });

  return { tasks: assemble(entry, recent.runs), modelStatus: status, sweep: sweepProgress(entry) };
}

async function recentRuns(scope: LedgerScope): Promise<{ runs: Run[] }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ runs: Run[] }>((resolve) => {
    timer = setTimeout(() => resolve({ runs: [] }), LEDGER_WAIT_MS);
  });
  try {
    return await Promise.race([ledger().queryRuns(scope, { limit: 100 }), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The model status, or null when Anaplan could not say (the table is still worth showing). */
async function modelStatus(reader: Reader, w: string, m: string): Promise<ModelStatus | null> {
  try {
    return await cachedModelStatus(reader, w, m);
  } catch (error) {
    if (isAnaplanError(error) && (error.kind === "unauthorized" || error.kind === "aborted")) throw error;
    return null;
  }
}

const ACTIVE = new Set(["NOT_STARTED", "IN_PROGRESS", "CANCELLING"]);
const ACTIVE_OUTCOMES = new Set(["queued", "running", "cancelling"]);

/** Export ids worth a live read now, newest activity first, at most MAX_HOT. */
function hotExports(entry: ModelKnowledge, runs: readonly Run[]): string[] {
  const now = Date.now();
  const latest = new Map<string, number>();
  const consider = (exportId: string, at: number) => latest.set(exportId, Math.max(latest.get(exportId) ?? 0, at));
  for (const [exportId, until] of entry.hotUntil) {
    // Marked at a start or cancel: hot until then, or until a read asked after the mark shows nothing active.
    const settled =
      (entry.readAt.get(exportId) ?? 0) > until - MARKED_HOT_MS &&
      !entry.tasks.get(exportId)?.some((t) => ACTIVE.has(t.taskState));
    if (until > now && !settled) consider(exportId, Number.MAX_SAFE_INTEGER);
    else entry.hotUntil.delete(exportId);
  }
  for (const run of runs) {
    const at = Date.parse(run.startedAt);
    const worth = now - at < HOT_WINDOW_MS || ACTIVE_OUTCOMES.has(run.outcome);
    if (worth && !finishedInLiveList(entry, run)) consider(run.exportId, at);
  }
  for (const [exportId, tasks] of entry.tasks) {
    const active = tasks.filter((t) => ACTIVE.has(t.taskState));
    for (const task of active) consider(exportId, task.creationTime ?? now);
  }
  return [...latest]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_HOT)
    .map(([exportId]) => exportId);
}

/**
 * Whether a live read made after the run started shows it finished or gone. Then the run no longer makes its
 * export hot (a quick run is not re-read for minutes), and a run the ledger still shows active (it ended unseen, or
 * Anaplan forgot it) is not shown as running.
 */
function finishedInLiveList(entry: ModelKnowledge, run: Run): boolean {
  const live = entry.tasks.get(run.exportId);
  if (!live || (entry.readAt.get(run.exportId) ?? 0) < Date.parse(run.startedAt)) return false;
  return !live.some((t) => t.taskId === run.taskId && ACTIVE.has(t.taskState));
}

/** Every unfinished task, then the newest finished ones, MAX_TASKS in all, newest first. Live lists win. */
function assemble(entry: ModelKnowledge, runs: readonly Run[]): ActivityTask[] {
  const all = new Map<string, ActivityTask>();
  for (const run of runs) {
    // A run the ledger still shows active but Anaplan's live list no longer does is not shown as running.
    if (!(ACTIVE_OUTCOMES.has(run.outcome) && finishedInLiveList(entry, run))) all.set(run.taskId, runAsTask(run));
  }
  for (const [exportId, tasks] of entry.tasks) {
    const exportName = entry.names.get(exportId) ?? "";
    for (const task of tasks) all.set(task.taskId, { ...task, exportId, exportName });
  }
  const sorted = [...all.values()].sort((a, b) => (b.creationTime ?? 0) - (a.creationTime ?? 0));
  const active = sorted.filter((t) => ACTIVE.has(t.taskState));
  const done = sorted.filter((t) => !ACTIVE.has(t.taskState)).slice(0, Math.max(0, MAX_TASKS - active.length));
  return [...active, ...done].sort((a, b) => (b.creationTime ?? 0) - (a.creationTime ?? 0));
}

/** Test hook. */
export async function resetActivityForTests(): Promise<void> {
  answers.clear();
  lastAnswers.clear();
  await resetActivityKnowledgeForTests();
}
