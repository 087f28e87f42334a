/** The look of a labelled form field (search box, filter or option select), the same in every panel. */
export const FIELD_LABEL = "text-xs font-medium text-slate-600 dark:text-slate-400";
export const FIELD_CONTROL =
  "h-9 rounded-md border border-slate-300 bg-white px-2 text-sm focus-visible:outline-2 focus-visible:outline-sky-600 " +
  "dark:border-slate-700 dark:bg-slate-900";
