"use client";

import { useId } from "react";
import type { CatalogueSort, CatalogueView } from "@/lib/shared/catalogue-view";
import { formatLabel, layoutLabel } from "@/lib/shared/format";
import { FIELD_CONTROL, FIELD_LABEL } from "../field-styles";
import { SearchIcon } from "../icons";

const SORT_LABELS: Record<CatalogueSort, string> = {
  name: "Name (A–Z)",
  "-name": "Name (Z–A)",
  format: "Format (A–Z)",
  "-format": "Format (Z–A)",
  type: "Type (A–Z)",
  "-type": "Type (Z–A)",
  latest: "Latest run (newest first)",
  "-latest": "Latest run (oldest first)",
  id: "Export ID",
  "-id": "Export ID (descending)",
};

interface Props {
  query: string;
  onQuery: (q: string) => void;
  view: CatalogueView;
  formats: string[];
  types: string[];
  onChange: (patch: Partial<CatalogueView>) => void;
}

/** Search, format and type filters, and sort for the catalogue. */
export function CatalogueControls({ query, onQuery, view, formats, types, onChange }: Props) {
  const id = useId();
  // From the box, not the URL: the URL follows typing only once it pauses, and Clear should not lag a keystroke.
  const filtered = query.trim() || view.format || view.type || view.sort !== "name";
  return (
    <div role="search" className="flex flex-wrap items-end gap-3">
      <div className="min-w-[14rem] flex-1">
        <label htmlFor={`${id}-q`} className={`block ${FIELD_LABEL}`}>
          Search exports
        </label>
        <div className="relative mt-1">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-500" />
          <input
            id={`${id}-q`}
            type="search"
            value={query}
            onChange={(e) => onQuery(e.target.value)}
            placeholder="Name or ID"
            autoComplete="off"
            className={`${FIELD_CONTROL} w-full pl-8`}
          />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-format`} className={`block ${FIELD_LABEL}`}>
          Format
        </label>
        <select
          id={`${id}-format`}
          value={view.format}
          onChange={(e) => onChange({ format: e.target.value, page: 1 })}
          className={`${FIELD_CONTROL} mt-1`}
        >
          <option value="">All formats</option>
          {formats.map((f) => (
            <option key={f} value={f}>
              {formatLabel(f)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-type`} className={`block ${FIELD_LABEL}`}>
          Type
        </label>
        <select
          id={`${id}-type`}
          value={view.type}
          onChange={(e) => onChange({ type: e.target.value, page: 1 })}
          className={`${FIELD_CONTROL} mt-1 max-w-[14rem]`}
        >
          <option value="">All types</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {layoutLabel(t)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-sort`} className={`block ${FIELD_LABEL}`}>
          Sort by
        </label>
        <select
          id={`${id}-sort`}
          value={view.sort}
          onChange={(e) => onChange({ sort: e.target.value as CatalogueSort, page: 1 })}
          className={`${FIELD_CONTROL} mt-1`}
        >
          {Object.entries(SORT_LABELS).map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      </div>
      {filtered ? (
        <button
          type="button"
          onClick={() => {
            onQuery("");
            onChange({ q: "", format: "", type: "", sort: "name", page: 1 });
          }}
          className={[
            "h-9 rounded-md px-3 text-sm font-medium text-sky-800 hover:bg-sky-50",
            "focus-visible:outline-2 focus-visible:outline-sky-600 dark:text-sky-300",
            "dark:hover:bg-slate-800",
          ].join(" ")}
        >
          Clear
        </button>
      ) : null}
    </div>
  );
}
