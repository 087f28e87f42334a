"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "next/navigation";
import type { ActivityTask } from "@/lib/shared/types";
import type { ActivityResponse } from "@/lib/shared/responses";
import { apiPaths } from "@/lib/shared/api-paths";
import {
  catalogueQuery,
  filterExports,
  latestRunTimes,
  nextSort,
  pageCount,
  pageSlice,
  parseCatalogueView,
  sortExports,
  PAGE_SIZE,
  type CatalogueFirstPage,
  type CatalogueView,
  type SortColumn,
} from "@/lib/shared/catalogue-view";
import { formatCount } from "@/lib/shared/format";
import { latestByExport } from "@/lib/shared/task-list";
import { RunLocaleSelect, useRunLocale } from "../run-locale";
import { COLUMN_HEADER, TABLE_HEAD } from "../table-styles";
import { useLiveTasks } from "../tasks/use-live-tasks";
import { CatalogueControls } from "./catalogue-controls";
import { CatalogueRow } from "./catalogue-row";
import { Pagination } from "./pagination";
import { SortHeader } from "./sort-header";
import { useCatalogueList } from "./use-catalogue-list";
import { useRowRun } from "./use-row-run";

const selectActivity = (d: ActivityResponse | undefined) => d?.tasks;

interface Props {
  workspaceId: string;
  modelId: string;
  /** The page of the URL's view, rendered by the server; shown until the whole list has arrived. */
  first: CatalogueFirstPage;
  runDisabledReason?: string;
}

/**
 * Every export of the model, filtered and sorted in the browser over the whole list (fetched once per model), one
 * page of 50 memoised rows at a time. The view is the table's own state, written to the URL so a link reproduces
 * it: typing replaces the entry once typing pauses, paging adds one (Back returns to the previous page).
 */
export function CatalogueTable({ workspaceId, modelId, first, runDisabledReason }: Props) {
  // The URL when the table mounts (Back to this page from another brings the search and page it had).
  const params = useSearchParams();
  const [view, setViewState] = useState(() => parseCatalogueView(params));
  const [query, setQuery] = useState(view.q);
  // Back and Forward: the view and the box follow the URL of the entry.
  useEffect(() => {
    const onPopState = () => {
      const next = parseCatalogueView(new URLSearchParams(window.location.search));
      setViewState(next);
      setQuery(next.q);
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);
  const [locale, setLocale] = useRunLocale();
  const run = useRowRun(workspaceId, modelId, locale);

  const { data } = useCatalogueList(workspaceId, modelId);
  const activity = useLiveTasks<ActivityResponse, ActivityTask>(
    apiPaths.activity(workspaceId, modelId),
    selectActivity,
    { announce: false },
  );
  const all = data?.exports;
  const latest = useMemo(() => latestByExport(activity.tasks ?? []), [activity.tasks]);
  const byLatest = view.sort.endsWith("latest");
  const runTimes = useMemo(() => (byLatest ? latestRunTimes(latest) : undefined), [byLatest, latest]);

  const setView = useCallback(
    (patch: Partial<CatalogueView>, history: "push" | "replace" = "replace") => {
      const next = { ...view, ...patch };
      setViewState(next);
      writeUrl(`${window.location.pathname}${catalogueQuery(next)}`, history);
    },
    [view],
  );

  useEffect(() => {
    if (query.trim() === view.q) return;
    const t = setTimeout(() => setView({ q: query.trim(), page: 1 }), 200);
    return () => clearTimeout(t);
  }, [query, view.q, setView]);

  // The box and the table follow every keystroke in the same render (rows are memoised, at most 50 mount); only
  // the URL waits for typing to pause. (useDeferredValue was measured: it let a paint in between, so the table
  // lagged the box by a frame.)
  const typed = query.trim();
  const shown = useMemo(() => (typed === view.q ? view : { ...view, q: typed, page: 1 }), [typed, view]);
  const sorted = useMemo(() => all && sortExports(all, shown.sort, runTimes), [all, shown.sort, runTimes]);
  const { q, format, type } = shown;
  const matching = useMemo(() => sorted && filterExports(sorted, { q, format, type }), [sorted, q, format, type]);

  const total = all?.length ?? first.total;
  const count = matching?.length ?? first.matching;
  const pages = pageCount(count);
  const page = matching ? Math.min(shown.page, pages) : first.page;
  const rows = useMemo(() => (matching ? pageSlice(matching, page) : first.rows), [matching, page, first.rows]);
  // Before the whole list has arrived only the server's page is known; another view waits for the list.
  const waiting = !matching && catalogueQuery(shown) !== first.query;
  const firstRow = count === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const onPage = (p: number) => setView({ page: p }, "push");
  const onSort = (column: SortColumn) => setView({ sort: nextSort(view.sort, column), page: 1 });

  return (
    <div className="space-y-4">
      <CatalogueControls
        query={query}
        onQuery={setQuery}
        view={view}
        formats={first.formats}
        types={first.types}
        onChange={setView}
      />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {waiting
            ? "Loading all exports to show this view…"
            : count === 0
              ? "No exports match."
              : showingLine(firstRow, rows.length, count, total)}
        </p>
        <div className="flex flex-wrap items-end gap-3">
          <RunLocaleSelect value={locale} onChange={setLocale} label="Run in locale" />
          <Pagination label="Catalogue pages, top" page={page} pages={pages} onPage={onPage} />
        </div>
      </div>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full border-collapse text-sm" aria-busy={waiting || undefined}>
          <caption className="sr-only">
            Exports of this model. Column count, rows and size are Anaplan’s estimates.
          </caption>
          <thead className={TABLE_HEAD}>
            <tr>
              <SortHeader column="name" label="Export" sort={view.sort} onSort={onSort} className="text-left" />
              <SortHeader
                column="format"
                label="Format"
                sort={view.sort}
                onSort={onSort}
                className="hidden text-left sm:table-cell"
              />
              <SortHeader
                column="type"
                label="Type"
                sort={view.sort}
                onSort={onSort}
                className="hidden text-left sm:table-cell"
              />
              <th scope="col" className={`${COLUMN_HEADER} hidden text-right md:table-cell`}>
                Columns
              </th>
              <th scope="col" className={`${COLUMN_HEADER} hidden text-right md:table-cell`}>
                Rows (est.)
              </th>
              <th scope="col" className={`${COLUMN_HEADER} hidden text-right lg:table-cell`}>
                Size (est.)
              </th>
              <SortHeader column="latest" label="Latest run" sort={view.sort} onSort={onSort} className="text-left" />
              <th scope="col" className={`${COLUMN_HEADER} text-right`}>
                <span className="sr-only">Actions</span>
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
                onRun={run}
                runDisabledReason={runDisabledReason}
              />
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? (
          <p className="px-6 py-10 text-center text-sm text-slate-600 dark:text-slate-400">
            {total === 0
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
            onPage(p);
            window.scrollTo({ top: 0 });
          }}
        />
      </div>
    </div>
  );
}

/**
 * Puts the view in the address bar without a router update: Next.js re-renders the whole app for a URL change it
 * is told about (~80 ms on a slow machine, in the middle of typing). The entry keeps Next.js's own state (`__NA`
 * and its tree), so Back and Forward still work, and this table follows them through `popstate`.
 */
function writeUrl(url: string, history: "push" | "replace") {
  const state = { ...(window.history.state as object | null) };
  if (history === "push") window.history.pushState(state, "", url);
  else window.history.replaceState(state, "", url);
}

/** "Showing 51–100 of 4,210 exports (filtered from 5,000)". */
function showingLine(first: number, shown: number, matching: number, total: number): string {
  const count = (n: number) => formatCount(n, "en-US");
  const range = `Showing ${count(first)}–${count(first + shown - 1)} of ${count(matching)} ${matching === 1 ? "export" : "exports"}`;
  return matching !== total ? `${range} (filtered from ${count(total)})` : range;
}
