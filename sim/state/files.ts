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
    return this.filesOf(modelId, userId, now).get(exportId);
  }

  /** All live files of a user in a model, by export id. */
  filesOf(modelId: string, userId: string, now: number): Map<string, PrivateFile> {
    const latest = new Map<string, PrivateFile>();
    for (const view of this.tasks.viewsOfModel(modelId, now)) {
      const t = view.record;
      if (t.userId !== userId || view.state !== "COMPLETE" || !view.successful || view.finishedAt === undefined)
        continue;
      const prev = latest.get(t.exportId);
      if (!prev || view.finishedAt >= prev.writtenAt) {
        latest.set(t.exportId, { modelId, exportId: t.exportId, userId, writtenAt: view.finishedAt, taskId: t.taskId });
      }
    }
    for (const [exportId, file] of latest) {
      const accessed = Math.max(file.writtenAt, this.lastAccess.get(key(modelId, exportId, userId)) ?? 0);
      if (now >= accessed + FILE_LIFETIME_MS) latest.delete(exportId);
    }
    return latest;
  }

  touch(file: PrivateFile, now: number): void {
    this.lastAccess.set(key(file.modelId, file.exportId, file.userId), now);
  }

  clear(): void {
    this.lastAccess.clear();
  }
}
