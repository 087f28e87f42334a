"use client";

import type { Run } from "@/lib/shared/runs";
import { formatDuration } from "@/lib/shared/format";
import { isActiveRun } from "@/lib/shared/runs-view";
import { useNow } from "../use-now";

/**
 * The recorded duration, or the time so far while the run is still going. Rendered in the browser only (like every
 * time on the page), in the user's own locale, so the server's locale never makes hydration disagree.
 */
export function RunDuration({ run }: { run: Pick<Run, "durationMs" | "outcome" | "startedAt"> }) {
  const now = useNow();
  if (now === null) return <span className="inline-block min-w-[4ch]">{"\u00a0"}</span>;
  if (run.durationMs !== null) return <span>{formatDuration(run.durationMs)}</span>;
  if (!isActiveRun(run)) return <span className="text-slate-600 dark:text-slate-400">—</span>;
  return <span>{formatDuration(now - Date.parse(run.startedAt))} so far</span>;
}
