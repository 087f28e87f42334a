"use client";

import Link from "next/link";
import { AlertIcon } from "./icons";
import { StatePanel } from "./states";

/** The body of every error.tsx: production hides server messages behind a digest, so the words are ours. */
export function ErrorView({ reset, digest }: { reset: () => void; digest?: string }) {
  return (
    <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
      <StatePanel
        title="Something went wrong"
        icon={<AlertIcon />}
        action={
          <>
            <button
              type="button"
              onClick={reset}
              className={[
                "inline-flex items-center rounded-md bg-sky-700 px-3.5 py-2 text-sm font-medium",
                "text-white hover:bg-sky-800 focus-visible:outline-2",
                "focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:bg-sky-700",
              ].join(" ")}
            >
              Try again
            </button>
            <Link
              href="/"
              className={[
                "inline-flex items-center rounded-md border border-slate-300 px-3.5 py-2 text-sm",
                "font-medium hover:bg-slate-50 focus-visible:outline-2",
                "focus-visible:outline-sky-600 dark:border-slate-700 dark:hover:bg-slate-800",
              ].join(" ")}
            >
              Choose a model
            </Link>
          </>
        }
      >
        <p>
          Anaplan did not answer as expected, or Export Desk hit a problem. Your exports keep running in Anaplan; try
          again in a moment.
        </p>
        {digest ? <p className="mt-2 font-mono text-xs">Reference: {digest}</p> : null}
      </StatePanel>
    </main>
  );
}
