import type { ExportDefinition, Task } from "./types";
import { formatLabel } from "./format";

/** Sortable columns; a leading "-" reverses one. "latest" puts the most recent run first, exports never run last. */
export const SORT_COLUMNS = ["name", "format", "type", "latest", "id"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
const SORTS = SORT_COLUMNS.flatMap((c) => [c, `-${c}`] as const);
export type CatalogueSort = SortColumn | `-${SortColumn}`;

export interface CatalogueView {
  q: string;
  format: string;
  type: string;
  sort: CatalogueSort;
  page: number;
}

export const PAGE_SIZE = 50;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, name: string): string {
  if (params instanceof URLSearchParams) return params.get(name) ?? "";
  const v = params[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

/** The catalogue view lives in the URL (`?q=&format=&type=&sort=&page=`) so a link reproduces it. */
export function parseCatalogueView(params: Params): CatalogueView {
  const sort = read(params, "sort");
  const page = Number.parseInt(read(params, "page"), 10);
  return {
    q: read(params, "q").trim(),
    format: read(params, "format"),
    type: read(params, "type"),
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as CatalogueSort) : "name",
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Query string for a view, leaving defaults out so links stay short. */
export function catalogueQuery(view: CatalogueView): string {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.format) params.set("format", view.format);
  if (view.type) params.set("type", view.type);
  if (view.sort !== "name") params.set("sort", view.sort);
  if (view.page > 1) params.set("page", String(view.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

export function exportType(e: ExportDefinition): string {
  return e.exportType ?? e.layout ?? "";
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

/** When each export last ran (creation time of its latest task, ms), for the "latest" sort. */
export type LatestRunTimes = ReadonlyMap<string, number>;

/** From the latest task per export (`latestByExport`). */
export function latestRunTimes(latest: ReadonlyMap<string, Task>): LatestRunTimes {
  return new Map([...latest].map(([id, task]) => [id, task.creationTime ?? 0]));
}

/** Filter and sort the whole list. */
export function applyCatalogueView(
  exports: readonly ExportDefinition[],
  view: CatalogueView,
  latest: LatestRunTimes = new Map(),
): ExportDefinition[] {
  return filterExports(sortExports(exports, view.sort, latest), view);
}

/** Which column a sort is on and whether it is reversed ("-name" → name, reversed). */
export function sortColumnOf(sort: CatalogueSort): { column: SortColumn; reversed: boolean } {
  return sort.startsWith("-")
    ? { column: sort.slice(1) as SortColumn, reversed: true }
    : { column: sort as SortColumn, reversed: false };
}

/** A column header's click: the same column turns around, another column starts in its natural order. */
export function nextSort(current: CatalogueSort, column: SortColumn): CatalogueSort {
  const now = sortColumnOf(current);
  return now.column === column && !now.reversed ? `-${column}` : column;
}

/**
 * `aria-sort` of a column header. Names, formats and types ascend in their natural order; "latest" is newest
 * first, which is descending by time.
 */
export function ariaSortOf(current: CatalogueSort, column: SortColumn): "ascending" | "descending" | "none" {
  const now = sortColumnOf(current);
  if (now.column !== column) return "none";
  const descending = column === "latest" ? !now.reversed : now.reversed;
  return descending ? "descending" : "ascending";
}

/**
 * Sorting 5,000 names with a locale collator takes tens of milliseconds, so callers sort once per list and sort
 * order (memoised), and each keystroke only filters the sorted list (filtering keeps order).
 */
export function sortExports(
  exports: readonly ExportDefinition[],
  sort: CatalogueSort,
  latest: LatestRunTimes = new Map(),
): ExportDefinition[] {
  const { column, reversed } = sortColumnOf(sort);
  const byName = (a: ExportDefinition, b: ExportDefinition) => collator.compare(a.name, b.name);
  if (column === "latest") {
    // Exports that never ran stay last, by name, whichever way the runs are ordered.
    const ran = exports.filter((e) => latest.has(e.id));
    const never = exports.filter((e) => !latest.has(e.id)).sort(byName);
    const dir = reversed ? 1 : -1;
    ran.sort((a, b) => dir * (latest.get(a.id)! - latest.get(b.id)!) || byName(a, b));
    return [...ran, ...never];
  }
  const key: Record<Exclude<SortColumn, "latest">, (e: ExportDefinition) => string> = {
    name: (e) => e.name,
    format: (e) => formatLabel(e.exportFormat),
    type: exportType,
    id: (e) => e.id,
  };
  const pick = key[column];
  const dir = reversed ? -1 : 1;
  const compare =
    column === "id"
      ? (a: ExportDefinition, b: ExportDefinition) => dir * a.id.localeCompare(b.id)
      : (a: ExportDefinition, b: ExportDefinition) => dir * collator.compare(pick(a), pick(b)) || byName(a, b);
  return [...exports].sort(compare);
}

export function filterExports(
  sorted: readonly ExportDefinition[],
  view: Omit<CatalogueView, "sort" | "page">,
): ExportDefinition[] {
  const terms = view.q.toLowerCase().split(/\s+/).filter(Boolean);
  return sorted.filter((e) => {
    if (view.format && e.exportFormat !== view.format) return false;
    if (view.type && exportType(e) !== view.type) return false;
    if (terms.length === 0) return true;
    const hay = `${e.name} ${e.id}`.toLowerCase();
    return terms.every((t) => hay.includes(t));
  });
}

/** Distinct values for the filter menus, sorted. */
export function distinctValues(
  exports: readonly ExportDefinition[],
  pick: (e: ExportDefinition) => string | undefined,
): string[] {
  const set = new Set<string>();
  for (const e of exports) {
    const v = pick(e);
    if (v) set.add(v);
  }
  return [...set].sort((a, b) => collator.compare(a, b));
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

export function pageSlice<T>(items: readonly T[], page: number): T[] {
  const p = Math.min(Math.max(1, page), pageCount(items.length));
  return items.slice((p - 1) * PAGE_SIZE, p * PAGE_SIZE);
}

/** What the server renders before the whole list has reached the browser: one page of the URL's view. */
export interface CatalogueFirstPage {
  /** The view these rows are for, as `catalogueQuery` writes it. */
  query: string;
  rows: ExportDefinition[];
  page: number;
  matching: number;
  total: number;
  formats: string[];
  types: string[];
}
