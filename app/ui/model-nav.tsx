"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { pagePaths } from "@/lib/shared/api-paths";

/** Tabs under the header for a model: its catalogue, its activity and the team's record of runs. */
export function ModelNav({ workspaceId, modelId }: { workspaceId: string; modelId: string }) {
  const pathname = usePathname();
  const activity = pagePaths.activity(workspaceId, modelId);
  const catalogue = pagePaths.model(workspaceId, modelId);
  const runs = pagePaths.runs(workspaceId, modelId);
  const tabs = [
    {
      href: catalogue,
      label: "Exports",
      current: pathname === catalogue || pathname.startsWith(`${catalogue}/exports`),
    },
    { href: activity, label: "Activity", current: pathname === activity },
    { href: runs, label: "Runs", current: pathname === runs },
  ];
  return (
    <nav
      aria-label="Model sections"
      className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950"
    >
      <ul className="mx-auto flex max-w-7xl gap-1 px-4 sm:px-6">
        {tabs.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.current ? "page" : undefined}
              className={`-mb-px inline-block border-b-2 px-3 py-2.5 text-sm font-medium ${FOCUS} ${
                t.current ? "border-sky-600 text-slate-900 dark:border-sky-400 dark:text-white" : IDLE_TAB
              }`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const FOCUS = "focus-visible:outline-2 focus-visible:outline-sky-600";
const IDLE_TAB =
  "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white";
