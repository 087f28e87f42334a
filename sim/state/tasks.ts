/**
 * Export tasks. A task's state is never stored: it is computed on read from the simulated clock, the model's FIFO
 * queue (one running action per model) and any cancel request, so advancing the clock needs no timers.
 */
import type { Behaviour } from "../seed/catalogue";
import { hex32Upper } from "./ids";

export type TaskState = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETE" | "CANCELLING" | "CANCELLED";

export interface TaskRecord {
  taskId: string;
  modelId: string;
  exportId: string;
  userId: string;
  createdAt: number;
  durationMs: number;
  behaviour: Behaviour;
  /** Set when a cancel is requested (from the config at that moment). */
  cancelLatencyMs: number;
  cancelRequestedAt?: number;
  cancelledByUserId?: string;
}

/** When things happen to one task, given everything known now. */
interface Timeline {
  start: number;
  /** Time the task reaches a terminal state. */
  end: number;
  outcome: "success" | "failure" | "cancelled";
  /** Start of CANCELLING (cancelled tasks, and uncancellable tasks someone tried to cancel). */
  cancelAt?: number;
  /** False when the task was cancelled before it ever started. */
  ran: boolean;
}

export interface TaskView {
  record: TaskRecord;
  state: TaskState;
  progress: number;
  successful?: boolean;
  /** Time the task reached its terminal state (only when terminal). */
  finishedAt?: number;
  /** True while this task holds the model lock. */
  holdsLock: boolean;
}

const FAIL_AT = 0.4;

export class TaskStore {
  private tasks: TaskRecord[] = [];

  create(fields: Omit<TaskRecord, "taskId">): TaskRecord {
    const record: TaskRecord = { ...fields, taskId: hex32Upper() };
    this.tasks.push(record);
    return record;
  }

  all(): readonly TaskRecord[] {
    return this.tasks;
  }

  forModel(modelId: string): TaskRecord[] {
    return this.tasks.filter((t) => t.modelId === modelId);
  }

  forExport(modelId: string, exportId: string): TaskRecord[] {
    return this.tasks.filter((t) => t.modelId === modelId && t.exportId === exportId);
  }

  find(modelId: string, exportId: string, taskId: string): TaskRecord | undefined {
    return this.tasks.find((t) => t.modelId === modelId && t.exportId === exportId && t.taskId === taskId);
  }

  clear(): void {
    this.tasks = [];
  }

  /** The FIFO schedule of one model. */
  private timelines(modelId: string): Map<string, Timeline> {
    const out = new Map<string, Timeline>();
    let freeAt = Number.NEGATIVE_INFINITY;
    for (const t of this.forModel(modelId)) {
      const start = Math.max(t.createdAt, freeAt);
      const c = t.cancelRequestedAt;
      const cancellable = t.behaviour !== "uncancellable";
      if (c !== undefined && cancellable && c < start) {
        out.set(t.taskId, { start: c, end: c + t.cancelLatencyMs, outcome: "cancelled", cancelAt: c, ran: false });
        continue;
      }
      const runEnd = start + (t.behaviour === "failing" ? Math.floor(t.durationMs * FAIL_AT) : t.durationMs);
      if (c !== undefined && cancellable && c < runEnd) {
        const end = c + t.cancelLatencyMs;
        out.set(t.taskId, { start, end, outcome: "cancelled", cancelAt: c, ran: true });
        freeAt = end;
        continue;
      }
      out.set(t.taskId, {
        start,
        end: runEnd,
        outcome: t.behaviour === "failing" ? "failure" : "success",
        cancelAt: c !== undefined && c < runEnd ? c : undefined,
        ran: true,
      });
      freeAt = runEnd;
    }
    return out;
  }

  /** Views of every task of a model at `now`, in creation order. */
  viewsOfModel(modelId: string, now: number): TaskView[] {
    const timelines = this.timelines(modelId);
    return this.forModel(modelId).map((t) => viewOf(t, timelines.get(t.taskId), now));
  }

  view(record: TaskRecord, now: number): TaskView {
    return viewOf(record, this.timelines(record.modelId).get(record.taskId), now);
  }

  /** Records a cancel request; returns the view after it. Finished tasks are returned unchanged. */
  cancel(record: TaskRecord, userId: string, now: number, latencyMs: number): TaskView {
    const before = this.view(record, now);
    if (before.state === "NOT_STARTED" || before.state === "IN_PROGRESS") {
      record.cancelRequestedAt = now;
      record.cancelledByUserId = userId;
      record.cancelLatencyMs = latencyMs;
    }
    return this.view(record, now);
  }
}

const round2 = (x: number): number => Math.floor(x * 100) / 100;

function runningProgress(record: TaskRecord, tl: Timeline, at: number): number {
  const elapsed = Math.max(0, at - tl.start);
  return Math.min(0.99, round2(elapsed / Math.max(1, record.durationMs)));
}

function viewOf(record: TaskRecord, tl: Timeline | undefined, now: number): TaskView {
  if (!tl) return { record, state: "NOT_STARTED", progress: 0, holdsLock: false };
  if (now >= tl.end) {
    if (tl.outcome === "cancelled") {
      const progress = tl.ran && tl.cancelAt !== undefined ? runningProgress(record, tl, tl.cancelAt) : 0;
      return { record, state: "CANCELLED", progress, successful: false, finishedAt: tl.end, holdsLock: false };
    }
    return {
      record,
      state: "COMPLETE",
      progress: 1,
      successful: tl.outcome === "success",
      finishedAt: tl.end,
      holdsLock: false,
    };
  }
  if (tl.cancelAt !== undefined && now >= tl.cancelAt) {
    const frozen = tl.outcome === "cancelled";
    const progress = !tl.ran ? 0 : runningProgress(record, tl, frozen ? tl.cancelAt : now);
    return { record, state: "CANCELLING", progress, holdsLock: tl.ran && now >= tl.start };
  }
  if (now < tl.start) return { record, state: "NOT_STARTED", progress: 0, holdsLock: false };
  return { record, state: "IN_PROGRESS", progress: runningProgress(record, tl, now), holdsLock: true };
}
