import type { ExportDefinition } from "./types";
import { formatLabel } from "./format";

const SORTS = ["name", "-name", "format", "type", "id"] as const;
export type CatalogueSort = (typeof SORTS)[number];

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

/** Filter and sort the whole list on the client. */
export function applyCatalogueView(exports: readonly ExportDefinition[], view: CatalogueView): ExportDefinition[] {
  return filterExports(sortExports(exports, view.sort), view);
}

/**
 * Sorting 5,000 names with a locale collator takes a few hundred milliseconds on a slow machine, so the table
 * sorts once per list and sort order, and each keystroke only filters the sorted list (filtering keeps order).
 */
export function sortExports(exports: readonly ExportDefinition[], sort: CatalogueSort): ExportDefinition[] {
  const out = [...exports];
  const by = (f: (e: ExportDefinition) => string) => (a: ExportDefinition, b: ExportDefinition) =>
    collator.compare(f(a), f(b)) || collator.compare(a.name, b.name);
  switch (sort) {
    case "-name":
      return out.sort((a, b) => collator.compare(b.name, a.name));
    case "format":
      return out.sort(by((e) => formatLabel(e.exportFormat)));
    case "type":
      return out.sort(by(exportType));
    case "id":
      return out.sort((a, b) => a.id.localeCompare(b.id));
    default:
      return out.sort((a, b) => collator.compare(a.name, b.name));
  }
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
