/** The header row of the app's data tables (tasks, catalogue); columns add their own width and alignment. */
export const TABLE_HEAD = "border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/60";
export const COLUMN_HEADER = "px-3 py-2.5 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";
