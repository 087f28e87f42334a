"use client";

import Link from "next/link";
import useSWR from "swr";
import type { RunsResponse } from "@/lib/shared/responses";
import { pagePaths } from "@/lib/shared/api-paths";
import { exportHistoryKey, roughDuration, runsSearch, starterName, typicalDuration } from "@/lib/shared/runs-view";
import { KIND_LABEL } from "@/lib/shared/task-state";
import { RelativeTime } from "../relative-time";
import { HistoryNotice } from "../runs/history-notice";
import { RunDuration } from "../runs/run-duration";
import { DurationChart } from "./duration-chart";

interface Props {
  workspaceId: string;
  modelId: string;
  exportId: string;
  exportName: string;
}

const PANEL = "rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900";
const LEGEND = [
  { label: "Complete", swatch: "bg-sky-600 dark:bg-sky-400" },
  { label: "Failed", swatch: "bg-rose-600 dark:bg-rose-500" },
  { label: "Cancelled", swatch: "bg-zinc-400 dark:bg-zinc-500" },
  { label: "Running", swatch: "border border-sky-500 bg-sky-100 dark:border-sky-400 dark:bg-sky-950" },
];

/** The export's last runs from the team ledger: how long each took and how it ended, and how long it usually takes. */
export function RunHistory({ workspaceId, modelId, exportId, exportName }: Props) {
  // Refreshed by the live task table when one of its tasks finishes (it shares this key).
  const { data } = useSWR<RunsResponse>(exportHistoryKey(workspaceId, modelId, exportId), { revalidateOnFocus: false });
  const runs = data?.runs ?? [];
  const typical = typicalDuration(runs);

  return (
    <section aria-labelledby="history-heading" className={`space-y-3 ${PANEL}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="history-heading" className="text-base font-semibold">
          Recent runs
        </h2>
        <Link
          href={pagePaths.runs(workspaceId, modelId, runsSearch({ export: exportId }))}
          className="rounded text-sm text-sky-800 hover:underline focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-sky-300"
        >
          Every run of this export
        </Link>
      </div>
      <HistoryNotice history={data?.history} />
      {runs.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No runs recorded yet. Each run adds a bar here: how long it took and how it ended.
        </p>
      ) : (
        <figure className="space-y-2">
          <p className="text-sm font-medium">
            {typical !== undefined
              ? `Usually takes about ${roughDuration(typical)}.`
              : "No successful run yet to tell how long it usually takes."}
          </p>
          <DurationChart runs={runs} typicalMs={typical} />
          <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-400">
            <span>
              {runs.length === 1
                ? "Duration of the last run"
                : `Duration of the last ${runs.length} runs, oldest on the left`}
              {typical !== undefined ? "; the dashed line is the usual duration" : ""}.
            </span>
            {LEGEND.map((l) => (
              <span key={l.label} className="inline-flex items-center gap-1.5">
                <span aria-hidden="true" className={`inline-block size-2.5 rounded-sm ${l.swatch}`} />
                {l.label}
              </span>
            ))}
          </figcaption>
          <HistoryTable runs={runs} exportName={exportName} />
        </figure>
      )}
    </section>
  );
}

/** The chart's text alternative, for screen readers. */
function HistoryTable({ runs, exportName }: { runs: RunsResponse["runs"]; exportName: string }) {
  return (
    // Hidden by a wrapper: a table ignores its own overflow and width, so an sr-only table still widens a phone's page.
    <div className="sr-only">
      <table>
        <caption>Recent runs of {exportName}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Started by</th>
            <th scope="col">Duration</th>
            <th scope="col">Outcome</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.taskId}>
              <td>
                <RelativeTime ms={Date.parse(run.startedAt)} />
              </td>
              <td>{starterName(run.startedBy)}</td>
              <td>
                <RunDuration run={run} />
              </td>
              <td>{KIND_LABEL[run.outcome]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
