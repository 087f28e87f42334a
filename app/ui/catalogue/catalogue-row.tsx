"use client";

import { memo, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActivityTask, ExportDefinition } from "@/lib/shared/types";
import { apiPaths, pagePaths } from "@/lib/shared/api-paths";
import { exportType } from "@/lib/shared/catalogue-view";
import { formatLabel, layoutLabel } from "@/lib/shared/format";
import { PlayIcon, SpinnerIcon } from "../icons";
import { RelativeTime } from "../relative-time";
import { StateBadge } from "../state-badge";
import { MetadataCells } from "./metadata-cells";
import { useSeen } from "./use-visible";

interface Props {
  item: ExportDefinition;
  workspaceId: string;
  modelId: string;
  latest?: ActivityTask;
  /** False until the activity list has loaded. */
  activityLoaded: boolean;
  /** Starts a run of this export; resolves when Anaplan has answered. Stable across renders. */
  onRun: (item: ExportDefinition) => Promise<void>;
  /** Why running is not possible (archived model), if it is not. */
  runDisabledReason?: string;
}

/** One export; memoised, so a keystroke re-renders only the rows that change. */
export const CatalogueRow = memo(function CatalogueRow({
  item,
  workspaceId,
  modelId,
  latest,
  activityLoaded,
  onRun,
  runDisabledReason,
}: Props) {
  const [ref, seen] = useSeen<HTMLTableRowElement>();
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  const href = pagePaths.export(workspaceId, modelId, item.id);
  return (
    <tr ref={ref} className="h-12 hover:bg-slate-50 dark:hover:bg-slate-800/40">
      <th scope="row" className="px-3 py-2.5 text-left font-medium sm:max-w-[22rem]">
        {/* A plain link that navigates client-side: next/link's per-link hooks cost more than the rest of a row
            when a keystroke mounts fifty rows at once. Modified clicks (new tab, …) stay the browser's. */}
        <a
          href={href}
          onClick={(e) => {
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
            e.preventDefault();
            router.push(href);
          }}
          className={[
            "block rounded break-words text-slate-900 hover:text-sky-800 hover:underline",
            "focus-visible:outline-2 focus-visible:outline-sky-600 sm:truncate",
            "dark:text-white dark:hover:text-sky-300",
          ].join(" ")}
          title={item.name}
        >
          {item.name}
        </a>
        <span className="block font-mono text-xs font-normal text-slate-500 dark:text-slate-400">{item.id}</span>
      </th>
      <td className="hidden px-3 py-2.5 whitespace-nowrap sm:table-cell">{formatLabel(item.exportFormat)}</td>
      <td className="hidden px-3 py-2.5 whitespace-nowrap text-slate-700 sm:table-cell dark:text-slate-300">
        {layoutLabel(exportType(item))}
      </td>
      <MetadataCells detailKey={apiPaths.exportDetail(workspaceId, modelId, item.id)} visible={seen} />
      <td className="px-3 py-2.5 sm:whitespace-nowrap">
        {latest ? (
          <span className="flex flex-col items-start gap-0.5">
            <StateBadge task={latest} />
            <span className="text-xs text-slate-600 dark:text-slate-400">
              <RelativeTime ms={latest.creationTime} />
            </span>
          </span>
        ) : !activityLoaded ? (
          <span
            aria-hidden="true"
            className={[
              "inline-block h-5 w-20 animate-pulse rounded-full bg-slate-200 align-middle",
              "motion-reduce:animate-none dark:bg-slate-800",
            ].join(" ")}
          />
        ) : (
          <span className="text-xs text-slate-500 dark:text-slate-400">None recently</span>
        )}
      </td>
      <td className="px-3 py-2.5 text-right">
        <button
          type="button"
          aria-label={`Run ${item.name}`}
          title={runDisabledReason}
          disabled={!!runDisabledReason}
          // Busy is aria-disabled, not disabled: a disabled button drops the focus of the person who pressed it.
          aria-disabled={busy || undefined}
          aria-busy={busy || undefined}
          onClick={async () => {
            if (busy) return;
            setBusy(true);
            try {
              await onRun(item);
            } finally {
              setBusy(false);
            }
          }}
          className={[
            "inline-flex h-8 items-center gap-1.5 rounded-md border border-sky-700 px-2.5 text-sm font-medium",
            "text-sky-800 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-600",
            "disabled:cursor-not-allowed disabled:border-slate-300 disabled:text-slate-500",
            "aria-disabled:cursor-progress dark:border-sky-500 dark:text-sky-300 dark:hover:bg-slate-800",
            "dark:disabled:border-slate-700 dark:disabled:text-slate-500",
          ].join(" ")}
        >
          {busy ? <SpinnerIcon className="size-3.5 motion-safe:animate-spin" /> : <PlayIcon className="size-3.5" />}
          {/* On a phone the icon alone: the name beside it keeps the room (the button is named by aria-label). */}
          <span className="sr-only sm:not-sr-only">Run</span>
        </button>
      </td>
    </tr>
  );
});
