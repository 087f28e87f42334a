import type { Task } from "@/lib/shared/types";
import { KIND_LABEL, taskKind, taskLabel, type TaskKind } from "@/lib/shared/task-state";
import { BanIcon, CheckCircleIcon, ClockIcon, QuestionIcon, SpinnerIcon, StopIcon, XCircleIcon } from "./icons";

const STYLE: Record<TaskKind, string> = {
  queued: "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
  running: "bg-sky-50 text-sky-800 ring-sky-300 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-800",
  cancelling: "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-800",
  cancelled: "bg-zinc-100 text-zinc-700 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-600",
  succeeded:
    "bg-emerald-50 text-emerald-800 ring-emerald-300 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-800",
  failed: "bg-rose-50 text-rose-800 ring-rose-300 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-800",
  unknown: "bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600",
};

function KindIcon({ kind }: { kind: TaskKind }) {
  const cls = "size-3.5 shrink-0";
  switch (kind) {
    case "queued":
      return <ClockIcon className={cls} />;
    case "running":
      return <SpinnerIcon className={`${cls} motion-safe:animate-spin`} />;
    case "cancelling":
      return <StopIcon className={`${cls} motion-safe:animate-pulse`} />;
    case "cancelled":
      return <BanIcon className={cls} />;
    case "succeeded":
      return <CheckCircleIcon className={cls} />;
    case "failed":
      return <XCircleIcon className={cls} />;
    default:
      return <QuestionIcon className={cls} />;
  }
}

/** A task's state in words and an icon, never colour alone; the raw Anaplan state is in the title. */
export function StateBadge({ task }: { task: Pick<Task, "taskState" | "result"> }) {
  const result =
    task.result?.successful === false
      ? " (failed)"
      : task.result?.successful
        ? " (successful)"
        : " (result not known yet)";
  const title = `Anaplan state: ${task.taskState}${task.taskState === "COMPLETE" ? result : ""}`;
  return <KindBadge kind={taskKind(task)} label={taskLabel(task)} title={title} />;
}

/** The same badge for what a person means by a state: a run's outcome in the team ledger. */
export function KindBadge({
  kind,
  label = KIND_LABEL[kind],
  title,
}: {
  kind: TaskKind;
  label?: string;
  title?: string;
}) {
  return (
    <span className={`${BADGE} ${STYLE[kind]}`} title={title} data-kind={kind}>
      <KindIcon kind={kind} />
      {label}
    </span>
  );
}

const BADGE =
  "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset";
