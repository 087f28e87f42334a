/** The header row of the app's data tables (tasks, catalogue); columns add their own width and alignment. */
export const TABLE_HEAD = "border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60";
export const COLUMN_HEADER =
  "px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";
/** The previous/next buttons and links under a table. */
export const PAGER_BUTTON =
  "inline-flex h-8 items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 text-sm font-medium hover:bg-slate-50 " +
  "focus-visible:outline-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:opacity-50 " +
  "dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800";
