import "server-only";
import type { AnaplanApi } from "@/lib/anaplan/api";
import { isAnaplanError } from "@/lib/anaplan/errors";
import type { ActivityResponse } from "@/lib/shared/responses";
import type { ActivityTask, Task } from "@/lib/shared/types";
import { processState } from "@/lib/server/process-state";
import { mapLimit } from "./concurrency";
import type { Reader } from "./reader";
import { cachedModelStatus } from "./model-status-cache";
import { cachedExportTasks, TASK_LIST_TTL_MS } from "./task-list-cache";

/**
 * Model activity: recent tasks across a model's exports, without flooding Anaplan (which asks for one status
 * poll per task every 5 s, under a rate limit shared by the whole tenant).
 *
 * Per user + model, in this process:
 * - the assembled answer is cached for RESPONSE_TTL_MS, and concurrent callers share one computation;
 * - the export list is re-read at most every EXPORTS_TTL_MS;
 * - every export's task list is swept, SWEEP_CONCURRENCY at a time, on the first request (which waits up to
 *   FIRST_SCAN_WAIT_MS for it), then in the background at most every FULL_SCAN_MS — or sooner (but not within
 *   TRIGGERED_SCAN_GAP_MS of the last sweep) when the model status shows a running task we do not know, i.e. one
 *   started outside Export Desk. Exports lock the model, so every running export appears in the model status;
 * - each computation re-polls only the "hot" exports: those with an unfinished task, a task created in the last
 *   HOT_WINDOW_MS, or one just started or cancelled through Export Desk (at most MAX_HOT, newest first), through
 *   the per-user task-list cache that the export page shares (task-list-cache.ts).
 * So watching a model costs one sweep per FULL_SCAN_MS, plus one call per hot export per 5 s while something is
 * active, and nothing else: a 5,000-export model is not 5,000 calls per poll, and an idle one is not polled.
 */
const RESPONSE_TTL_MS = TASK_LIST_TTL_MS;
const EXPORTS_TTL_MS = 5 * 60_000;
export const FULL_SCAN_MS = 10 * 60_000;
const TRIGGERED_SCAN_GAP_MS = 60_000;
const HOT_WINDOW_MS = 2 * 60_000;
export const MAX_HOT = 16;
const CONCURRENCY = 4;
const SWEEP_CONCURRENCY = 4;
const MAX_TASKS = 100;
const FIRST_SCAN_WAIT_MS = 5_000;
const SCAN_RETRY_MS = 30_000;
const MAX_ENTRIES = 500;

interface ExportRef {
  id: string;
  name: string;
}

interface Entry {
  exports: ExportRef[];
  exportsAt: number;
  tasks: Map<string, Task[]>;
  lastFullScanAt: number;
  scan: Promise<void> | null;
  hotUntil: Map<string, number>;
  answer: { value: ActivityResponse; at: number } | null;
  inflight: Promise<ActivityResponse> | null;
}

const entries = processState("model-activity", () => new Map<string, Entry>());

function entryFor(key: string): Entry {
  let entry = entries.get(key);
  if (entry) {
    // Keep recently used entries at the end (LRU order).
    entries.delete(key);
    entries.set(key, entry);
    return entry;
  }
  entry = {
    exports: [],
    exportsAt: 0,
    tasks: new Map(),
    lastFullScanAt: 0,
    scan: null,
    hotUntil: new Map(),
    answer: null,
    inflight: null,
  };
  entries.set(key, entry);
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
  return entry;
}

const keyOf = (userKey: string, workspaceId: string, modelId: string) =>
  `${userKey}|${workspaceId}|${modelId.toUpperCase()}`;

/**
 * `backgroundApi` runs the background sweep; give one that is not tied to the request's abort signal
 * (defaults to `api`).
 */
export async function getModelActivity(
  reader: Reader,
  workspaceId: string,
  modelId: string,
  backgroundApi: AnaplanApi = reader.api,
): Promise<ActivityResponse> {
  const entry = entryFor(keyOf(reader.userKey, workspaceId, modelId));
  if (entry.answer && Date.now() - entry.answer.at < RESPONSE_TTL_MS) return entry.answer.value;
  if (entry.inflight) return entry.inflight;
  const pending = compute(entry, reader, { ...reader, api: backgroundApi }, workspaceId, modelId);
  entry.inflight = pending;
  try {
    const value = await pending;
    entry.answer = { value, at: Date.now() };
    return value;
  } finally {
    entry.inflight = null;
  }
}

/** After a start or cancel through Export Desk: re-poll that export on every computation for a while, for every user. */
export function markExportActive(workspaceId: string, modelId: string, exportId: string): void {
  const suffix = `|${workspaceId}|${modelId.toUpperCase()}`;
  for (const [key, entry] of entries) {
    if (!key.endsWith(suffix)) continue;
    entry.hotUntil.set(exportId, Date.now() + HOT_WINDOW_MS);
    entry.answer = null;
  }
}

async function compute(
  entry: Entry,
  reader: Reader,
  background: Reader,
  w: string,
  m: string,
): Promise<ActivityResponse> {
  const { api } = reader;
  const statusPromise = cachedModelStatus(reader, w, m).catch((error: unknown) => {
    if (isAnaplanError(error) && (error.kind === "unauthorized" || error.kind === "aborted")) throw error;
    return null;
  });
  // If the export list fails first, the status outcome must not become an unhandled rejection.
  statusPromise.catch(() => undefined);

  if (!entry.exportsAt || Date.now() - entry.exportsAt > EXPORTS_TTL_MS) {
    const list = await api.exports(w, m);
    entry.exports = list.map((e) => ({ id: e.id, name: e.name }));
    entry.exportsAt = Date.now();
    const ids = new Set(entry.exports.map((e) => e.id));
    for (const id of entry.tasks.keys()) if (!ids.has(id)) entry.tasks.delete(id);
  }

  const status = await statusPromise;
  const sinceScan = Date.now() - entry.lastFullScanAt;
  const unknownRunning = Boolean(status?.taskId) && !knowsTask(entry, status?.taskId ?? "");
  const needScan = sinceScan > FULL_SCAN_MS || (unknownRunning && sinceScan > TRIGGERED_SCAN_GAP_MS);
  if (needScan && !entry.scan) {
    const first = entry.lastFullScanAt === 0;
    const scan = pollExports(entry, background, w, m, entry.exports, SWEEP_CONCURRENCY)
      .then(() => {
        entry.lastFullScanAt = Date.now();
        entry.answer = null;
      })
      // A failed sweep is tried again after SCAN_RETRY_MS rather than on the very next poll.
      .catch(() => {
        entry.lastFullScanAt = Date.now() - FULL_SCAN_MS + SCAN_RETRY_MS;
      })
      .finally(() => {
        entry.scan = null;
      });
    entry.scan = scan;
    if (first) await Promise.race([scan, delay(FIRST_SCAN_WAIT_MS)]);
  }
  const hot = hotExports(entry);
  if (hot.length > 0) await pollExports(entry, reader, w, m, hot);

  return { tasks: assemble(entry), modelStatus: await statusPromise };
}

/**
 * Polls task lists. An authentication, abort or rate-limit failure stops the round and is thrown; other failures
 * leave the previous data in place. A 404 (export deleted) forgets the export's tasks.
 */
async function pollExports(
  entry: Entry,
  reader: Reader,
  w: string,
  m: string,
  exports: readonly ExportRef[],
  concurrency = CONCURRENCY,
): Promise<void> {
  let fatal: unknown = null;
  await mapLimit(exports, concurrency, async (ref) => {
    if (fatal) return;
    try {
      entry.tasks.set(ref.id, await cachedExportTasks(reader, w, m, ref.id, ref.name));
    } catch (error) {
      if (!isAnaplanError(error)) {
        fatal ??= error;
        return;
      }
      if (error.kind === "not_found") {
        entry.tasks.delete(ref.id);
        return;
      }
      if (["unauthorized", "aborted", "rate_limited"].includes(error.kind)) fatal ??= error;
    }
  });
  if (fatal) throw fatal;
}

function knowsTask(entry: Entry, taskId: string): boolean {
  for (const tasks of entry.tasks.values()) if (tasks.some((t) => t.taskId === taskId)) return true;
  return false;
}

const ACTIVE = new Set(["NOT_STARTED", "IN_PROGRESS", "CANCELLING"]);

function hotExports(entry: Entry): ExportRef[] {
  const now = Date.now();
  const scored: { ref: ExportRef; latest: number }[] = [];
  for (const ref of entry.exports) {
    const tasks = entry.tasks.get(ref.id) ?? [];
    const latest = tasks.reduce((max, t) => Math.max(max, t.creationTime ?? 0), 0);
    const marked = (entry.hotUntil.get(ref.id) ?? 0) > now;
    if (marked || tasks.some((t) => ACTIVE.has(t.taskState)) || now - latest < HOT_WINDOW_MS) {
      scored.push({ ref, latest: marked ? Number.MAX_SAFE_INTEGER : latest });
    }
  }
  for (const [id, until] of entry.hotUntil) if (until <= now) entry.hotUntil.delete(id);
  return scored
    .sort((a, b) => b.latest - a.latest)
    .slice(0, MAX_HOT)
    .map((s) => s.ref);
}

/** Every unfinished task, then the newest finished ones, MAX_TASKS in all, newest first. */
function assemble(entry: Entry): ActivityTask[] {
  const names = new Map(entry.exports.map((e) => [e.id, e.name]));
  const all: ActivityTask[] = [];
  for (const [exportId, tasks] of entry.tasks) {
    const exportName = names.get(exportId);
    if (exportName === undefined) continue;
    for (const task of tasks) all.push({ ...task, exportId, exportName });
  }
  all.sort((a, b) => (b.creationTime ?? 0) - (a.creationTime ?? 0));
  const active = all.filter((t) => ACTIVE.has(t.taskState));
  const done = all.filter((t) => !ACTIVE.has(t.taskState)).slice(0, Math.max(0, MAX_TASKS - active.length));
  return [...active, ...done].sort((a, b) => (b.creationTime ?? 0) - (a.creationTime ?? 0));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
  });
}

/** Test hook. */
export function resetActivityForTests(): void {
  entries.clear();
}
