/**
 * Private export output files. A user's file for an export exists once one of their runs completed successfully; it is
 * replaced by their next successful run and removed 48 h after it was last accessed. Derived from tasks on read.
 */
import type { TaskStore } from "./tasks";

export const FILE_LIFETIME_MS = 48 * 60 * 60 * 1000;

export interface PrivateFile {
  modelId: string;
  exportId: string;
  userId: string;
  writtenAt: number;
  taskId: string;
}

const key = (modelId: string, exportId: string, userId: string) => `${modelId}/${exportId}/${userId}`;

export class FileStore {
  private readonly lastAccess = new Map<string, number>();

  constructor(private readonly tasks: TaskStore) {}

  /** The user's live file for an export at `now`, if any. */
  find(modelId: string, exportId: string, userId: string, now: number): PrivateFile | undefined {
    let latest: PrivateFile | undefined;
    for (const view of this.tasks.viewsOfModel(modelId, now)) {
      const t = view.record;
      if (t.exportId !== exportId || t.userId !== userId) continue;
      if (view.state !== "COMPLETE" || !view.successful || view.finishedAt === undefined) continue;
      if (!latest || view.finishedAt >= latest.writtenAt) {
        latest = { modelId, exportId, userId, writtenAt: view.finishedAt, taskId: t.taskId };
      }
    }
    if (!latest) return undefined;
    const accessed = Math.max(latest.writtenAt, this.lastAccess.get(key(modelId, exportId, userId)) ?? 0);
    return now >= accessed + FILE_LIFETIME_MS ? undefined : latest;
  }

  touch(file: PrivateFile, now: number): void {
    this.lastAccess.set(key(file.modelId, file.exportId, file.userId), now);
  }

  clear(): void {
    this.lastAccess.clear();
  }
}
