import { ChevronLeftIcon, ChevronRightIcon } from "../icons";
import { PAGER_BUTTON as btn } from "../table-styles";

export function Pagination({
  page,
  pages,
  onPage,
  label,
}: {
  page: number;
  pages: number;
  onPage: (p: number) => void;
  label: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center gap-2">
      <button type="button" className={btn} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <ChevronLeftIcon className="size-4" /> Previous
      </button>
      <span className="text-sm text-slate-600 tabular-nums dark:text-slate-400">
        Page {page} of {pages}
      </span>
      <button type="button" className={btn} disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next <ChevronRightIcon className="size-4" />
      </button>
    </nav>
  );
}
