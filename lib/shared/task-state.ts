import type { Task } from "./types";

/** What a task means to a person, not what Anaplan calls it: COMPLETE can be a failure. */
export type TaskKind = "queued" | "running" | "cancelling" | "cancelled" | "succeeded" | "failed" | "unknown";

type StateOnly = Pick<Task, "taskState" | "result">;

export function taskKind(task: StateOnly): TaskKind {
  switch (task.taskState) {
    case "NOT_STARTED":
      return "queued";
    case "IN_PROGRESS":
      return "running";
    case "CANCELLING":
      return "cancelling";
    case "CANCELLED":
      return "cancelled";
    case "COMPLETE":
      if (task.result?.successful === true) return "succeeded";
      if (task.result?.successful === false) return "failed";
      return "unknown";
    default:
      return "unknown";
  }
}

export const KIND_LABEL: Record<TaskKind, string> = {
  queued: "Not started",
  running: "In progress",
  cancelling: "Cancelling",
  cancelled: "Cancelled",
  succeeded: "Complete",
  failed: "Failed",
  unknown: "Unknown",
};

/** Label for a task; unknown states show Anaplan's own word so nothing is hidden. */
export function taskLabel(task: StateOnly): string {
  const kind = taskKind(task);
  if (kind !== "unknown") return KIND_LABEL[kind];
  // COMPLETE before its result is known: neutral, never the green "Complete".
  return task.taskState === "COMPLETE" ? "Finished" : humanize(task.taskState);
}

/** Still moving: keep polling (CANCELLING included — it is transitional). */
function isActiveKind(kind: TaskKind): boolean {
  return kind === "queued" || kind === "running" || kind === "cancelling";
}

export function isActiveTask(task: StateOnly): boolean {
  return isActiveKind(taskKind(task));
}

/** Anaplan accepts a cancel for tasks that have not finished and are not already cancelling. */
export function canCancel(task: StateOnly): boolean {
  return task.taskState === "NOT_STARTED" || task.taskState === "IN_PROGRESS";
}

/** Every failure message Anaplan gave, in order, without blanks. */
export function failureMessages(task: Pick<Task, "result">): string[] {
  return (task.result?.details ?? []).map((d) => d.localMessageText?.trim() ?? "").filter((m) => m.length > 0);
}

export function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
