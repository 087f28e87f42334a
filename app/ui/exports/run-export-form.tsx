"use client";

import { useState } from "react";
import { ApiError } from "@/lib/shared/api-client";
import { PlayIcon, SpinnerIcon } from "../icons";
import { RunLocaleSelect, useRunLocale } from "../run-locale";
import { useToast } from "../toast-provider";
import { useTaskActions } from "../tasks/use-task-actions";

interface Props {
  workspaceId: string;
  modelId: string;
  exportId: string;
  exportName: string;
  /** Why running is not possible (archived model), if it is not. */
  disabledReason?: string;
}

/** Run export: a locale choice and a button; the new task shows in the table at once. */
export function RunExportForm({ workspaceId, modelId, exportId, exportName, disabledReason }: Props) {
  const [locale, setLocale] = useRunLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { start } = useTaskActions(workspaceId, modelId);
  const { toast } = useToast();

  async function run(e: React.FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const task = await start(exportId, exportName, locale);
      if (task) toast({ tone: "info", title: `${exportName}: started`, body: "It appears in the task table below." });
    } catch (err) {
      setError(err instanceof ApiError || err instanceof Error ? err.message : "The export could not be started.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={run} className="flex flex-wrap items-end gap-3">
      <RunLocaleSelect value={locale} onChange={setLocale} />
      <button
        type="submit"
        // Busy is aria-disabled, not disabled: a disabled button drops the focus of the person who pressed it.
        disabled={!!disabledReason}
        aria-disabled={busy || undefined}
        aria-busy={busy || undefined}
        className={[
          "inline-flex h-9 items-center gap-2 rounded-md bg-sky-700 px-4 text-sm",
          "font-semibold text-white shadow-sm hover:bg-sky-800 focus-visible:outline-2",
          "focus-visible:outline-offset-2 focus-visible:outline-sky-600",
          "disabled:cursor-not-allowed disabled:bg-slate-400 aria-disabled:cursor-progress dark:bg-sky-700",
          "dark:hover:bg-sky-800 dark:disabled:bg-slate-700",
        ].join(" ")}
      >
        {busy ? <SpinnerIcon className="size-4 motion-safe:animate-spin" /> : <PlayIcon className="size-4" />}
        Run export
      </button>
      {disabledReason ? (
        <p className="basis-full text-sm text-slate-600 dark:text-slate-400">{disabledReason}</p>
      ) : null}
      {error ? (
        <p
          role="alert"
          className={[
            "basis-full rounded-md border border-rose-300 bg-rose-50 px-3 py-2 text-sm",
            "text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200",
          ].join(" ")}
        >
          {error}
        </p>
      ) : null}
    </form>
  );
}
