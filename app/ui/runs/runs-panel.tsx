"use client";

import useSWR from "swr";
import type { RunsResponse } from "@/lib/shared/responses";
import { apiPaths, pagePaths } from "@/lib/shared/api-paths";
import {
  hasFilters,
  isActiveRun,
  runExportName,
  runsSearch,
  type RunsFilters,
  type RunsPageParams,
} from "@/lib/shared/runs-view";
import { POLL_MEDIUM_MS } from "@/lib/shared/poll-interval";
import { DownloadIcon } from "../icons";
import { PAGER_BUTTON } from "../table-styles";
import { HistoryNotice } from "./history-notice";
import { RunsFilterBar } from "./runs-filters";
import { RunsPager } from "./runs-pager";
import { RunsTable } from "./runs-table";

const EMPTY =
  "rounded-xl border border-dashed border-slate-300 px-6 py-10 text-center text-sm text-slate-600 " +
  "dark:border-slate-700 dark:text-slate-400";

function summary(count: number, older: boolean, more: boolean): string {
  if (count === 0) return "No runs to show.";
  return `${count} ${count === 1 ? "run" : "runs"}${older ? ", older ones" : ", newest first"}${more ? "; more on the next page" : ""}.`;
}

interface Props {
  workspaceId: string;
  modelId: string;
  filters: RunsFilters;
  page: RunsPageParams;
}

/** The team ledger of a model: filters, one page of runs (the server's first render, then SWR), paging and the CSV. */
export function RunsPanel({ workspaceId: w, modelId: m, filters, page }: Props) {
  const { data } = useSWR<RunsResponse>(apiPaths.runs(w, m, runsSearch(filters, page)), {
    // Runs still going are brought up to date by the ledger when it is read; finished pages never change.
    refreshInterval: (latest) => (latest?.runs.some(isActiveRun) ? POLL_MEDIUM_MS : 0),
  });
  const runs = data?.runs ?? [];
  const people = [
    ...new Map(runs.flatMap((r) => (r.startedBy ? [r.startedBy] : [])).map((p) => [p.email, p])).values(),
  ];
  const exports = [...new Map(runs.map((r) => [r.exportId, { id: r.exportId, name: runExportName(r) }])).values()];
  const filtered = hasFilters(filters);
  const pager = (label: string) => (
    <RunsPager
      label={label}
      newestHref={page.cursor ? pagePaths.runs(w, m, runsSearch(filters, { limit: page.limit })) : undefined}
      olderHref={
        data?.next ? pagePaths.runs(w, m, runsSearch(filters, { cursor: data.next, limit: page.limit })) : undefined
      }
    />
  );

  return (
    <div className="space-y-4">
      <HistoryNotice history={data?.history} />
      <RunsFilterBar
        workspaceId={w}
        modelId={m}
        filters={filters}
        limit={page.limit}
        people={people}
        exports={exports}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {summary(runs.length, Boolean(page.cursor), Boolean(data?.next))}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <a href={apiPaths.runsCsv(w, m, runsSearch(filters))} download className={PAGER_BUTTON}>
            <DownloadIcon className="size-4" /> Download CSV
          </a>
          {pager("Pages of runs, top")}
        </div>
      </div>
      {runs.length > 0 ? (
        <RunsTable runs={runs} workspaceId={w} modelId={m} />
      ) : (
        <div className={EMPTY}>
          {filtered ? (
            <p>No runs match these filters. Clear them to see every run of this model.</p>
          ) : (
            <p className="mx-auto max-w-prose">
              No runs recorded yet. Every export run in this model — yours, your teammates’, and those started outside
              Export Desk — will appear here with who started it, how it ended, Anaplan’s failure message and who
              downloaded the result.
            </p>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="max-w-prose text-xs text-slate-600 dark:text-slate-400">
          Finish times are when Export Desk saw a run end, so they are accurate to the polling interval (5 to 30
          seconds).
        </p>
        {pager("Pages of runs, bottom")}
      </div>
    </div>
  );
}
