"use client";

import Link from "next/link";
import type { Run } from "@/lib/shared/runs";
import { pagePaths } from "@/lib/shared/api-paths";
import { formatBytes } from "@/lib/shared/format";
import { isActiveRun, runExportName, starterName } from "@/lib/shared/runs-view";
import { RelativeTime } from "../relative-time";
import { KindBadge } from "../state-badge";
import { RunDuration } from "./run-duration";

const td = "px-3 py-3 align-top";
const muted = "text-slate-600 dark:text-slate-400";
const EXPORT_LINK =
  "break-words text-slate-900 hover:text-sky-800 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600 " +
  "dark:text-white dark:hover:text-sky-300";

/** One run of the team ledger (phones get `RunCard`); medium screens fold the hidden columns into the cells that stay. */
export function RunRow({ run, workspaceId, modelId }: { run: Run; workspaceId: string; modelId: string }) {
  const started = Date.parse(run.startedAt);
  const finished = run.finishedAt ? Date.parse(run.finishedAt) : undefined;
  const starter = <Starter run={run} />;
  return (
    <tr className={run.outcome === "failed" ? "bg-rose-50/40 dark:bg-rose-950/20" : ""} data-task-id={run.taskId}>
      <th scope="row" className={`${td} text-left font-medium`}>
        <Link href={pagePaths.export(workspaceId, modelId, run.exportId)} className={EXPORT_LINK}>
          {runExportName(run)}
        </Link>
        <span className={`block text-xs font-normal md:hidden ${muted}`}>{starter}</span>
      </th>
      <td className={`${td} hidden min-w-36 md:table-cell`}>{starter}</td>
      <td className={`${td} whitespace-nowrap`}>
        <RelativeTime ms={started} />
        <span className={`block text-xs tabular-nums lg:hidden ${muted}`}>
          <RunDuration run={run} />
        </span>
      </td>
      <td className={`${td} hidden whitespace-nowrap lg:table-cell`}>
        {finished !== undefined ? (
          <RelativeTime ms={finished} />
        ) : (
          <span className={muted}>{isActiveRun(run) ? "not yet" : "—"}</span>
        )}
      </td>
      <td className={`${td} hidden whitespace-nowrap tabular-nums lg:table-cell`}>
        <RunDuration run={run} />
      </td>
      <td className={td}>
        <KindBadge kind={run.outcome} />
        {run.failure ? (
          <p className="mt-1 line-clamp-3 text-rose-800 dark:text-rose-300" title={run.failure}>
            {run.failure}
          </p>
        ) : null}
        {run.cancelledBy ? (
          <p className={`mt-1 text-xs ${muted}`}>Cancelled by {starterName(run.cancelledBy)}</p>
        ) : null}
        {run.downloads.length > 0 ? (
          <p className={`mt-1 text-xs md:hidden ${muted}`}>
            Downloaded by <Downloaders run={run} />
          </p>
        ) : null}
      </td>
      <td className={`${td} hidden md:table-cell`}>
        {run.downloads.length > 0 ? <Downloaders run={run} /> : <span className={muted}>—</span>}
      </td>
      <td className={`${td} font-mono text-xs whitespace-nowrap`}>
        <TaskLink run={run} workspaceId={workspaceId} modelId={modelId} />
      </td>
    </tr>
  );
}

export function TaskLink({ run, workspaceId, modelId }: { run: Run; workspaceId: string; modelId: string }) {
  return (
    <Link
      href={pagePaths.task(workspaceId, modelId, run.exportId, run.taskId)}
      className="rounded text-sky-800 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-sky-300"
      title={run.taskId}
      aria-label={`Details of task ${run.taskId.slice(0, 8)}…`}
    >
      {run.taskId.slice(0, 8)}…
    </Link>
  );
}

export function Starter({ run }: { run: Run }) {
  return run.startedBy ? (
    <span>{starterName(run.startedBy)}</span>
  ) : (
    <span className={`italic ${muted}`}>outside Export Desk</span>
  );
}

/** Each person once; the sizes in the title, and a download that broke off says so. */
export function Downloaders({ run }: { run: Run }) {
  const people = new Map<string, { name: string; bytes: number; complete: boolean }>();
  for (const d of run.downloads) {
    const seen = people.get(d.by.email);
    const complete = (seen?.complete ?? false) || d.complete;
    people.set(d.by.email, { name: starterName(d.by), bytes: Math.max(seen?.bytes ?? 0, d.bytes), complete });
  }
  return (
    <span>
      {[...people].map(([email, p], i) => (
        <span key={email} title={formatBytes(p.bytes, "en-US")}>
          {i > 0 ? ", " : ""}
          {p.name}
          {p.complete ? "" : " (incomplete)"}
        </span>
      ))}
    </span>
  );
}
