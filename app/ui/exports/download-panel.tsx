"use client";

import useSWR from "swr";
import type { RunsResponse, TasksResponse } from "@/lib/shared/responses";
import { apiPaths } from "@/lib/shared/api-paths";
import {
  LARGE_DOWNLOAD_BYTES,
  ownLatestRun,
  resultLine,
  resultSize,
  someoneElsesFile,
} from "@/lib/shared/latest-result";
import { exportHistoryKey, typicalDuration } from "@/lib/shared/runs-view";
import { sortTasks } from "@/lib/shared/task-list";
import { DownloadIcon, InfoIcon, LockIcon } from "../icons";
import { Skeleton } from "../states";
import { probeFile, type PreviewFormat } from "./file-probe";
import { FilePreview } from "./file-preview";
import { LargeDownload } from "./large-download";

interface Props {
  workspaceId: string;
  modelId: string;
  exportId: string;
  format: PreviewFormat;
  /** The signed-in person's email: whose runs in the ledger made "your" file. */
  userEmail?: string;
  /** The file size estimated from the export's metadata, for when nothing exact is known. */
  estimateBytes?: number;
}

const DOWNLOAD_LINK = [
  "inline-flex h-9 items-center gap-2 rounded-md border border-sky-700 bg-white",
  "px-4 text-sm font-semibold text-sky-800 hover:bg-sky-50 focus-visible:outline-2",
  "focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-sky-400",
  "dark:bg-slate-900 dark:text-sky-200 dark:hover:bg-slate-800",
].join(" ");

/**
 * Download latest result, with what Anaplan does to that file said plainly, and a preview of its first rows.
 * Re-checks whenever a newer successful run appears in the task list.
 */
export function DownloadPanel({ workspaceId, modelId, exportId, format, userEmail, estimateBytes }: Props) {
  const fileUrl = apiPaths.file(workspaceId, modelId, exportId);
  const { data: list } = useSWR<TasksResponse>(apiPaths.exportTasks(workspaceId, modelId, exportId));
  // A failed run leaves the old file, so only a newer run not known to have failed triggers a re-check.
  const latestDone =
    sortTasks(list?.tasks ?? []).find((t) => t.taskState === "COMPLETE" && t.result?.successful !== false)?.taskId ??
    "none";
  const probe = useSWR([fileUrl, latestDone], ([url]) => probeFile(url, format), {
    revalidateOnFocus: false,
    dedupingInterval: 60_000,
    shouldRetryOnError: false,
  });
  // The export's run history (server-rendered into the fallback, refreshed by the task table) says whose file it is.
  const { data: history } = useSWR<RunsResponse>(exportHistoryKey(workspaceId, modelId, exportId), {
    revalidateOnMount: false,
    revalidateOnFocus: false,
  });
  const runs = history?.runs ?? [];
  const mine = ownLatestRun(runs, userEmail);
  const available = probe.data?.status === "available" ? probe.data : undefined;
  const size = available ? resultSize(available.size, mine, estimateBytes) : undefined;
  const whose = someoneElsesFile(runs, userEmail, typicalDuration(runs));
  const link = (label: React.ReactNode) => (
    <a href={fileUrl} download={available?.filename ?? true} className={DOWNLOAD_LINK}>
      <DownloadIcon className="size-4" />
      {label}
    </a>
  );

  return (
    <section
      aria-labelledby="download-heading"
      className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-2xl min-w-0">
          <h2 id="download-heading" className="text-base font-semibold">
            Latest result
          </h2>
          <ul className="mt-2 space-y-1 text-sm text-slate-600 dark:text-slate-400">
            <li className="flex gap-2">
              <LockIcon className="mt-0.5 size-4 shrink-0" />
              Anaplan keeps an export’s file private to whoever ran it: teammates see your runs in the table, but
              download only their own.
            </li>
            <li className="flex gap-2">
              <InfoIcon className="mt-0.5 size-4 shrink-0" />
              Each run replaces the previous file of this export. The file expires 48 hours after it was last
              downloaded.
            </li>
          </ul>
        </div>
        <div className="shrink-0">
          {available ? (
            <>
              {size && size.bytes > LARGE_DOWNLOAD_BYTES ? (
                <LargeDownload bytes={size.bytes} link={link} className={DOWNLOAD_LINK}>
                  <DownloadIcon className="size-4" />
                  Download latest result
                </LargeDownload>
              ) : (
                link("Download latest result")
              )}
              <p className="mt-1.5 text-xs text-slate-600 tabular-nums dark:text-slate-400">
                {resultLine(size, mine, "en-US")}
              </p>
            </>
          ) : (
            <button
              type="button"
              disabled
              className={[
                "inline-flex h-9 cursor-not-allowed items-center gap-2 rounded-md border",
                "border-slate-300 px-4 text-sm font-semibold text-slate-500 dark:border-slate-700",
                "dark:text-slate-400",
              ].join(" ")}
            >
              <DownloadIcon className="size-4" />
              Download latest result
            </button>
          )}
        </div>
      </div>
      <div className="mt-4">
        {probe.isLoading ? (
          <Skeleton className="h-24 w-full" />
        ) : probe.error ? (
          <p role="alert" className="text-sm text-rose-800 dark:text-rose-300">
            Couldn’t check for a result file: {(probe.error as Error).message}
          </p>
        ) : probe.data?.status === "unavailable" ? (
          <p
            className={[
              "rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900",
              "dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
            ].join(" ")}
          >
            No result file for you yet. {whose ?? probe.data.message}
          </p>
        ) : probe.data?.preview ? (
          <FilePreview rows={probe.data.preview.rows} truncated={probe.data.preview.truncated} />
        ) : probe.data ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            A preview is available for CSV and text results only.
          </p>
        ) : null}
      </div>
    </section>
  );
}
