import { formatDuration } from "./format";
import type { Task } from "./types";

/** The confirmation question: whose run it is and how long it has run, so nobody stops a teammate's run by accident. */
export function cancelQuestion(
  task: Pick<Task, "startedBy" | "creationTime">,
  exportName: string,
  myEmail: string | undefined,
  now: number,
): string {
  const who = task.startedBy;
  const mine = Boolean(who && myEmail && who.email.toLowerCase() === myEmail.toLowerCase());
  const whose = !who ? "this run" : mine ? "your run" : `${who.name || who.email}'s run`;
  const ran = task.creationTime === undefined ? "" : `, running ${roughly(now - task.creationTime)}`;
  const outside = who === null ? ", started outside Export Desk" : "";
  return `Cancel ${whose} of ${exportName}${outside}${ran}?`;
}

/** What a cancelled run produced, in the row, the task page and the toast alike. */
function cancelledResult(cancelledBy: string | undefined): string {
  return cancelledBy ? `Cancelled by ${cancelledBy} — no file produced` : "Cancelled — no file produced";
}

const FINISHED_BEFORE_CANCEL = "Anaplan finished it before the cancel took effect";

/** A cancel was asked for, but Anaplan completed the export first: the file exists. */
function finishedBeforeCancel(task: Pick<Task, "taskState" | "result" | "cancelledBy">): boolean {
  return task.taskState === "COMPLETE" && task.result?.successful === true && Boolean(task.cancelledBy);
}

/** Whole minutes once past one: "3 min" reads better in a question than "3 min 20 sec". */
function roughly(ms: number): string {
  const MINUTE = 60_000;
  return formatDuration(ms < MINUTE ? Math.max(0, ms) : Math.floor(ms / MINUTE) * MINUTE);
}

/** The sentence a cancel left on a finished task, or undefined when nobody cancelled it. */
export function cancelOutcome(task: Pick<Task, "taskState" | "result" | "cancelledBy">): string | undefined {
  if (task.taskState === "CANCELLED") return cancelledResult(task.cancelledBy);
  if (finishedBeforeCancel(task)) return FINISHED_BEFORE_CANCEL;
  return undefined;
}
