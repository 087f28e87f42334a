import { ChevronLeftIcon, ChevronRightIcon } from "../icons";

const btn = "inline-flex h-8 items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800";

export function Pagination({ page, pages, onPage, label }: { page: number; pages: number; onPage: (p: number) => void; label: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center gap-2">
      <button type="button" className={btn} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <ChevronLeftIcon className="size-4" /> Previous
      </button>
      <span className="text-sm tabular-nums text-slate-600 dark:text-slate-400">
        Page {page} of {pages}
      </span>
      <button type="button" className={btn} disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next <ChevronRightIcon className="size-4" />
      </button>
    </nav>
  );
}
