"use client";

import { useEffect, useSyncExternalStore } from "react";
import { apiGet, signInAgainUrl } from "@/lib/shared/api-client";
import { apiPaths } from "@/lib/shared/api-paths";
import { isSessionEnded, subscribeSessionEnded } from "@/lib/shared/session-ended";

/**
 * While any page of Export Desk is open, visible or hidden, one light request every `intervalMs` keeps the session's
 * token fresh (GET /api/session: at most one call to Anaplan's sign-in service, none to the Integration API), so a
 * person reading a long result is not signed out by a lapsed token. When the session does end, a banner says so
 * and offers to sign in again, back to this same view; what the page shows stays.
 */
export function SessionKeeper({ intervalMs }: { intervalMs: number }) {
  const ended = useSyncExternalStore(subscribeSessionEnded, isSessionEnded, () => false);

  useEffect(() => {
    if (ended) return;
    const timer = setInterval(() => void apiGet(apiPaths.session()).catch(() => undefined), intervalMs);
    return () => clearInterval(timer);
  }, [ended, intervalMs]);

  if (!ended) return null;
  return (
    <div
      role="alert"
      className={[
        "sticky top-0 z-40 border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm",
        "text-amber-950 shadow-sm dark:border-amber-700 dark:bg-amber-950",
        "dark:text-amber-100",
      ].join(" ")}
    >
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3">
        <p>
          <strong className="font-semibold">Your session has ended.</strong> What you see here is no longer updating.
          Sign in again to carry on — you will come back to this page.
        </p>
        <a
          href={signInAgainUrl()}
          className={[
            "rounded-md bg-amber-900 px-3 py-1.5 font-semibold text-white hover:bg-amber-800",
            "focus-visible:outline-2 focus-visible:outline-offset-2",
            "focus-visible:outline-amber-700 dark:bg-amber-200 dark:text-amber-950",
            "dark:hover:bg-amber-100",
          ].join(" ")}
        >
          Sign in again
        </a>
      </div>
    </div>
  );
}
