import Link from "next/link";
import { AlertIcon } from "../icons";

const BOX =
  "flex flex-wrap items-start gap-3 rounded-lg border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-950 " +
  "dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100";
const CLEAR =
  "rounded-md border border-rose-300 bg-white px-3 py-1.5 font-medium text-rose-900 hover:bg-rose-100 " +
  "focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-rose-800 dark:bg-slate-900 dark:text-rose-100 dark:hover:bg-rose-950";

/** A filter in the URL the ledger cannot use: the BFF's sentence, and the way back to every run. */
export function QueryProblem({ message, clearHref }: { message: string; clearHref: string }) {
  return (
    <div role="alert" className={BOX}>
      <AlertIcon className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">
        <p className="font-semibold">These filters cannot be used.</p>
        <p className="mt-0.5">{message}</p>
      </div>
      <Link href={clearHref} className={CLEAR}>
        Clear filters
      </Link>
    </div>
  );
}
