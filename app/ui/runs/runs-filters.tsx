"use client";

import { useId, useSyncExternalStore, useTransition } from "react";
import { useRouter } from "next/navigation";
import { RUN_OUTCOMES } from "@/lib/shared/runs";
import { pagePaths } from "@/lib/shared/api-paths";
import { dayStart, hasFilters, localDay, runsSearch, type RunsFilters } from "@/lib/shared/runs-view";
import { KIND_LABEL } from "@/lib/shared/task-state";
import { FIELD_CONTROL, FIELD_LABEL } from "../field-styles";

const noop = () => () => undefined;
const FIELD = `${FIELD_CONTROL} mt-1`;
const APPLY =
  "h-9 rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800 " +
  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600";
const CLEAR =
  "h-9 rounded-md px-3 text-sm font-medium text-sky-800 hover:bg-sky-50 focus-visible:outline-2 focus-visible:outline-sky-600 " +
  "dark:text-sky-300 dark:hover:bg-slate-800";

interface Props {
  workspaceId: string;
  modelId: string;
  filters: RunsFilters;
  limit?: number | string;
  /** Suggestions from the runs on screen. */
  people: { email: string; name: string }[];
  exports: { id: string; name: string }[];
}

/**
 * Person, export, outcome and date range. The filters live in the URL; applying one navigates (a new history entry,
 * first page), so the server renders the answer and Back returns to the previous view. Dates are local days.
 */
export function RunsFilterBar({ workspaceId, modelId, filters, limit, people, exports }: Props) {
  const id = useId();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Local days depend on the browser's time zone: the server renders the date fields empty, the browser fills them.
  const client = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const from = client ? localDay(filters.from) : "";
  const to = client ? localDay(filters.to, true) : "";
  const href = (f: RunsFilters) => pagePaths.runs(workspaceId, modelId, runsSearch(f, { limit }));

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim() || undefined;
    const fromDay = text("fromDay");
    const toDay = text("toDay");
    const next: RunsFilters = {
      by: text("by"),
      export: text("export"),
      outcome: text("outcome"),
      from: fromDay ? dayStart(fromDay) : undefined,
      to: toDay ? dayStart(toDay, 1) : undefined,
    };
    startTransition(() => router.push(href(next)));
  }
  const submitOnChange = (e: React.ChangeEvent<HTMLSelectElement>) => e.currentTarget.form?.requestSubmit();
  // A date typed digit by digit changes many times on the way: apply it once the field is left.
  const submitOnLeave = (e: React.FocusEvent<HTMLInputElement>) => {
    if (e.currentTarget.value !== e.currentTarget.defaultValue) e.currentTarget.form?.requestSubmit();
  };

  return (
    <form
      key={`${runsSearch(filters)}|${client}`}
      role="search"
      aria-label="Filter runs"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
      className="flex flex-wrap items-end gap-3"
    >
      <div>
        <label htmlFor={`${id}-by`} className={`block ${FIELD_LABEL}`}>
          Started by
        </label>
        <input
          id={`${id}-by`}
          name="by"
          type="email"
          defaultValue={filters.by}
          list={`${id}-people`}
          placeholder="name@example.com"
          autoComplete="off"
          className={`${FIELD_CONTROL} mt-1 w-56`}
        />
        <datalist id={`${id}-people`}>
          {people.map((p) => (
            <option key={p.email} value={p.email}>
              {p.name}
            </option>
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor={`${id}-export`} className={`block ${FIELD_LABEL}`}>
          Export ID
        </label>
        <input
          id={`${id}-export`}
          name="export"
          defaultValue={filters.export}
          list={`${id}-exports`}
          inputMode="numeric"
          placeholder="12 digits"
          autoComplete="off"
          className={`${FIELD_CONTROL} mt-1 w-40 font-mono`}
        />
        <datalist id={`${id}-exports`}>
          {exports.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor={`${id}-outcome`} className={`block ${FIELD_LABEL}`}>
          Outcome
        </label>
        <select
          id={`${id}-outcome`}
          name="outcome"
          defaultValue={filters.outcome ?? ""}
          onChange={submitOnChange}
          className={FIELD}
        >
          <option value="">Any outcome</option>
          {RUN_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {KIND_LABEL[o]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-from`} className={`block ${FIELD_LABEL}`}>
          From
        </label>
        <input
          id={`${id}-from`}
          name="fromDay"
          type="date"
          defaultValue={from}
          onBlur={submitOnLeave}
          className={FIELD}
        />
      </div>
      <div>
        <label htmlFor={`${id}-to`} className={`block ${FIELD_LABEL}`}>
          To
        </label>
        <input id={`${id}-to`} name="toDay" type="date" defaultValue={to} onBlur={submitOnLeave} className={FIELD} />
      </div>
      <button type="submit" className={APPLY}>
        {pending ? "Applying…" : "Apply"}
      </button>
      {hasFilters(filters) ? (
        <button type="button" onClick={() => startTransition(() => router.push(href({})))} className={CLEAR}>
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
