"use client";

import { useState } from "react";
import { formatBytes } from "@/lib/shared/format";

/**
 * A download over the large-file threshold asks first, in the panel (not `window.confirm`): the same link, one step
 * later, so the browser still streams it straight to disk.
 */
export function LargeDownload({
  bytes,
  link,
  className,
  children,
}: {
  bytes: number;
  link: (label: string) => React.ReactNode;
  className: string;
  children: React.ReactNode;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={className} onClick={() => setAsking(true)} aria-expanded={false}>
        {children}
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-label="Confirm a large download"
      className={[
        "max-w-xs space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950",
        "dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100",
      ].join(" ")}
    >
      <p>This file is about {formatBytes(bytes, "en-US")}: it can take a long time and a lot of disk space.</p>
      <div className="flex flex-wrap gap-2">
        {link(`Download ${formatBytes(bytes, "en-US")}`)}
        <button
          type="button"
          onClick={() => setAsking(false)}
          className={[
            "h-9 rounded-md border border-slate-300 bg-white px-3 font-medium text-slate-700",
            "focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-700 dark:bg-slate-900",
            "dark:text-slate-200",
          ].join(" ")}
        >
          Not now
        </button>
      </div>
    </div>
  );
}
