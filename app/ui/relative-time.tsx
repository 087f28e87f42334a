"use client";

import { formatExact, formatRelative } from "@/lib/shared/format";
import { useNow } from "./use-now";

/** "3 min ago" with the exact local time on hover; rendered on the client only (a fixed-width placeholder before). */
export function RelativeTime({ ms, prefix }: { ms: number | undefined; prefix?: string }) {
  const now = useNow();
  if (ms === undefined) return <span className="text-slate-500 dark:text-slate-400">—</span>;
  const iso = new Date(ms).toISOString();
  if (now === null) {
    return (
      <time dateTime={iso} className="inline-block min-w-[6ch] text-transparent">
        …
      </time>
    );
  }
  return (
    <time dateTime={iso} title={formatExact(ms)}>
      {prefix ? `${prefix} ` : ""}
      {formatRelative(ms, now)}
    </time>
  );
}

/** Exact local date and time, client-rendered for the user's time zone. */
export function ExactTime({ ms }: { ms: number | undefined }) {
  const now = useNow();
  if (ms === undefined) return <span>—</span>;
  const iso = new Date(ms).toISOString();
  return (
    <time dateTime={iso} title={now === null ? undefined : formatRelative(ms, now)}>
      {now === null ? "\u00a0" : formatExact(ms)}
    </time>
  );
}
