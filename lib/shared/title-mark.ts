import { taskKind } from "./task-state";
import type { Task } from "./types";

/**
 * The mark at the front of the tab title for the run a person watches: "▶ 39%" while it runs, "✓" or "✗" once it
 * has finished in front of them; nothing for runs that were already over when the page opened.
 */
export function titleMark(task: Task | undefined, finishedWhileWatched: boolean): string {
  if (!task) return "";
  const kind = taskKind(task);
  if (kind === "queued" || kind === "running" || kind === "cancelling") {
    return task.progress === undefined ? "▶" : `▶ ${Math.round(task.progress * 100)}%`;
  }
  if (!finishedWhileWatched) return "";
  if (kind === "succeeded") return "✓";
  if (kind === "failed" || kind === "cancelled") return "✗";
  return "";
}

/** `base` with `mark` in front, and any earlier mark removed. */
export function markedTitle(title: string, mark: string): string {
  const base = title.replace(/^(▶( \d+%)?|✓|✗) /, "");
  return mark ? `${mark} ${base}` : base;
}
