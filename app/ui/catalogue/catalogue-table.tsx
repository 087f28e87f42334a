"use client";

import { useEffect, useMemo, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import useSWR from "swr";
import type { ActivityTask } from "@/lib/shared/types";
import type { ActivityResponse, ExportsResponse } from "@/lib/shared/responses";
import { apiPaths } from "@/lib/shared/api-paths";
import {
  catalogueQuery,
  filterExports,
  sortExports,
  distinctValues,
  exportType,
  pageCount,
  pageSlice,
  parseCatalogueView,
  PAGE_SIZE,
  type CatalogueView,
} from "@/lib/shared/catalogue-view";
import { formatCount } from "@/lib/shared/format";
import { latestByExport } from "@/lib/shared/task-list";
import { COLUMN_HEADER, TABLE_HEAD } from "../table-styles";
import { useLiveTasks } from "../tasks/use-live-tasks";
import { CatalogueControls } from "./catalogue-controls";
import { CatalogueRow } from "./catalogue-row";
import { Pagination } from "./pagination";

const selectActivity = (d: ActivityResponse | undefined) => d?.tasks;

/**
 * Every export of the model, filtered and sorted on the client over the whole list, one page of 50 rows at a
 * time. The view lives in the URL (replaceState: no server round trip per keystroke) so a link reproduces it.
 */
export function CatalogueTable({ workspaceId, modelId }: { workspaceId: string; modelId: string }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const qs = params.toString();
  const view = useMemo(() => parseCatalogueView(new URLSearchParams(qs)), [qs]);
  const [query, setQuery] = useState(view.q);

  const { data } = useSWR<ExportsResponse>(apiPaths.exports(workspaceId, modelId), { revalidateOnFocus: false });
  const activity = useLiveTasks<ActivityResponse, ActivityTask>(
    apiPaths.activity(workspaceId, modelId),
    selectActivity,
    { announce: false },
  );
  const all = useMemo(() => data?.exports ?? [], [data]);
  const latest = useMemo(() => latestByExport(activity.tasks ?? []), [activity.tasks]);
  const formats = useMemo(() => distinctValues(all, (e) => e.exportFormat), [all]);
  const types = useMemo(() => distinctValues(all, exportType), [all]);

  const setView = (patch: Partial<CatalogueView>) => {
    const next = { ...view, ...patch };
    window.history.replaceState(null, "", `${pathname}${catalogueQuery(next)}`);
  };

  useEffect(() => {
    if (query.trim() === view.q) return;
    const t = setTimeout(
      () =>
        window.history.replaceState(null, "", `${pathname}${catalogueQuery({ ...view, q: query.trim(), page: 1 })}`),
      200,
    );
    return () => clearTimeout(t);
  }, [query, view, pathname]);

  // The table follows every keystroke at once; only the URL waits for typing to pause.
  const typed = query.trim();
  const shown = useMemo(() => (typed === view.q ? view : { ...view, q: typed, page: 1 }), [typed, view]);
  const sorted = useMemo(() => sortExports(all, shown.sort), [all, shown.sort]);
  const filtered = useMemo(() => filterExports(sorted, shown), [sorted, shown]);
  const pages = pageCount(filtered.length);
  const page = Math.min(shown.page, pages);
  const rows = pageSlice(filtered, page);
  const first = filtered.length === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;

  return (
    <div className="space-y-4">
      <CatalogueControls
        query={query}
        onQuery={setQuery}
        view={view}
        formats={formats}
        types={types}
        onChange={setView}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {filtered.length === 0 ? "No exports match." : showingLine(first, rows.length, filtered.length, all.length)}
        </p>
        <Pagination label="Catalogue pages, top" page={page} pages={pages} onPage={(p) => setView({ page: p })} />
      </div>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">
            Exports of this model. Column count, rows and size are Anaplan’s estimates.
          </caption>
          <thead className={TABLE_HEAD}>
            <tr>
              <th scope="col" className={`${COLUMN_HEADER} text-left`}>
                Export
              </th>
              <th scope="col" className={`${COLUMN_HEADER} text-left`}>
                Format
              </th>
              <th scope="col" className={`${COLUMN_HEADER} hidden text-left sm:table-cell`}>
                Type
              </th>
              <th scope="col" className={`${COLUMN_HEADER} hidden text-right md:table-cell`}>
                Columns
              </th>
              <th scope="col" className={`${COLUMN_HEADER} hidden text-right md:table-cell`}>
                Rows (est.)
              </th>
              <th scope="col" className={`${COLUMN_HEADER} hidden text-right lg:table-cell`}>
                Size (est.)
              </th>
              <th scope="col" className={`${COLUMN_HEADER} text-left`}>
                Latest run
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {rows.map((item) => (
              <CatalogueRow
                key={item.id}
                item={item}
                workspaceId={workspaceId}
                modelId={modelId}
                latest={latest.get(item.id)}
                activityLoaded={activity.tasks !== undefined}
              />
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="px-6 py-10 text-center text-sm text-slate-600 dark:text-slate-400">
            {all.length === 0
              ? "This model has no exports you can see."
              : "No exports match these filters. Clear the search or filters to see all exports."}
          </p>
        ) : null}
      </div>
      <div className="flex justify-end">
        <Pagination
          label="Catalogue pages, bottom"
          page={page}
          pages={pages}
          onPage={(p) => {
            setView({ page: p });
            window.scrollTo({ top: 0 });
          }}
        />
      </div>
    </div>
  );
}

/** "Showing 51–100 of 4,210 exports (filtered from 5,000)". */
function showingLine(first: number, shown: number, matching: number, total: number): string {
  const count = (n: number) => formatCount(n, "en-US");
  const range = `Showing ${count(first)}–${count(first + shown - 1)} of ${count(matching)} ${matching === 1 ? "export" : "exports"}`;
  return matching !== total ? `${range} (filtered from ${count(total)})` : range;
}
