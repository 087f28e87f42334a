"use client";

import { useState } from "react";
import { apiPaths } from "@/lib/shared/api-paths";
import { mutationHeaders } from "@/lib/shared/api-client";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    try {
      await fetch(apiPaths.session(), { method: "DELETE", headers: mutationHeaders(), body: "{}" });
    } finally {
      // A full load, not a client navigation: nothing of this user's data may stay in memory (SWR cache).
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign("/login?reason=signed-out");
    }
  }
  return (
    <button
      type="button"
      onClick={signOut}
      disabled={busy}
      className={[
        "rounded-md px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100",
        "focus-visible:outline-2 focus-visible:outline-offset-2",
        "focus-visible:outline-sky-600 disabled:opacity-60 dark:text-slate-200",
        "dark:hover:bg-slate-800",
      ].join(" ")}
    >
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
