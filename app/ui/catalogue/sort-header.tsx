"use client";

import { ariaSortOf, type CatalogueSort, type SortColumn } from "@/lib/shared/catalogue-view";
import { COLUMN_HEADER } from "../table-styles";

const ARROW = { ascending: "↑", descending: "↓", none: "↕" } as const;

/** A column header that sorts the catalogue: a button inside the `th`, which carries `aria-sort`. */
export function SortHeader({
  column,
  label,
  sort,
  onSort,
  className = "",
}: {
  column: SortColumn;
  label: string;
  sort: CatalogueSort;
  onSort: (column: SortColumn) => void;
  className?: string;
}) {
  const state = ariaSortOf(sort, column);
  return (
    <th scope="col" aria-sort={state} className={`${COLUMN_HEADER} ${className}`}>
      <button
        type="button"
        onClick={() => onSort(column)}
        className={[
          "inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 focus-visible:outline-2",
          "focus-visible:outline-sky-600 dark:hover:text-white",
        ].join(" ")}
      >
        {label}
        <span aria-hidden="true" className={state === "none" ? "text-slate-400 dark:text-slate-500" : ""}>
          {ARROW[state]}
        </span>
      </button>
    </th>
  );
}
