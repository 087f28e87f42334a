import "server-only";
import {
  catalogueQuery,
  distinctValues,
  exportType,
  filterExports,
  pageCount,
  pageSlice,
  sortExports,
  type CatalogueFirstPage,
  type CatalogueSort,
  type CatalogueView,
  type LatestRunTimes,
} from "@/lib/shared/catalogue-view";
import type { ExportDefinition } from "@/lib/shared/types";

interface Derived {
  sorted: Map<CatalogueSort, ExportDefinition[]>;
  formats: string[];
  types: string[];
}

/** Sorted orders and filter menus, once per cached list (an unchanged list keeps its array; catalogue-cache.ts). */
const derived = new WeakMap<readonly ExportDefinition[], Derived>();

function derive(exports: readonly ExportDefinition[]): Derived {
  let d = derived.get(exports);
  if (!d) {
    d = {
      sorted: new Map(),
      formats: distinctValues(exports, (e) => e.exportFormat),
      types: distinctValues(exports, exportType),
    };
    derived.set(exports, d);
  }
  return d;
}

/** The one page of the URL's view the server renders; the whole list follows through the list endpoint. */
export function catalogueFirstPage(
  exports: readonly ExportDefinition[],
  view: CatalogueView,
  latest: LatestRunTimes,
): CatalogueFirstPage {
  const d = derive(exports);
  let sorted = d.sorted.get(view.sort);
  if (!sorted) {
    sorted = sortExports(exports, view.sort, latest);
    // Run times change from one view to the next; the other orders are the list's own.
    if (!view.sort.endsWith("latest")) d.sorted.set(view.sort, sorted);
  }
  const matching = view.q || view.format || view.type ? filterExports(sorted, view) : sorted;
  const page = Math.min(view.page, pageCount(matching.length));
  return {
    query: catalogueQuery(view),
    rows: pageSlice(matching, page),
    page,
    matching: matching.length,
    total: exports.length,
    formats: d.formats,
    types: d.types,
  };
}
