"use client";

import Link from "next/link";
import type { Run } from "@/lib/shared/runs";
import { pagePaths } from "@/lib/shared/api-paths";
import { runExportName, starterName } from "@/lib/shared/runs-view";
import { RelativeTime } from "../relative-time";
import { KindBadge } from "../state-badge";
import { RunDuration } from "./run-duration";
import { Downloaders, Starter, TaskLink } from "./run-row";

const muted = "text-slate-600 dark:text-slate-400";

/** One run on a phone: the same facts as its table row (the same parts), stacked and wrapped. */
export function RunCard({ run, workspaceId, modelId }: { run: Run; workspaceId: string; modelId: string }) {
  return (
    <li
      data-task-id={run.taskId}
      className={`space-y-1.5 px-4 py-3 text-sm ${run.outcome === "failed" ? "bg-rose-50/40 dark:bg-rose-950/20" : ""}`}
    >
      <Link
        href={pagePaths.export(workspaceId, modelId, run.exportId)}
        className={[
          "block font-medium break-words text-slate-900 hover:underline focus-visible:outline-2",
          "focus-visible:outline-sky-600 dark:text-white",
        ].join(" ")}
      >
        {runExportName(run)}
      </Link>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <KindBadge kind={run.outcome} />
        <span className="font-mono text-xs">
          <TaskLink run={run} workspaceId={workspaceId} modelId={modelId} />
        </span>
      </div>
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-slate-700 tabular-nums dark:text-slate-300">
        <span>
          Started <RelativeTime ms={Date.parse(run.startedAt)} />
        </span>
        <RunDuration run={run} />
      </p>
      <p className={`text-xs break-words ${muted}`}>
        by <Starter run={run} />
      </p>
      {run.failure ? <p className="break-words text-rose-800 dark:text-rose-300">{run.failure}</p> : null}
      {run.cancelledBy ? <p className={`text-xs ${muted}`}>Cancelled by {starterName(run.cancelledBy)}</p> : null}
      {run.downloads.length > 0 ? (
        <p className={`text-xs break-words ${muted}`}>
          Downloaded by <Downloaders run={run} />
        </p>
      ) : null}
    </li>
  );
}
