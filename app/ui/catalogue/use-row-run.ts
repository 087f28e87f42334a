"use client";

import { useCallback, useEffect, useRef } from "react";
import type { ExportDefinition } from "@/lib/shared/types";
import { pagePaths } from "@/lib/shared/api-paths";
import { RUN_LOCALES } from "@/lib/shared/locales";
import { useToast } from "../toast-provider";
import { useTaskActions } from "../tasks/use-task-actions";

/**
 * Run from a catalogue row: starts the export in the chosen locale and says so with a link to the new task. The
 * callback stays the same across renders, so the memoised rows do not re-render when the locale changes.
 */
export function useRowRun(workspaceId: string, modelId: string, locale: string) {
  const { start } = useTaskActions(workspaceId, modelId);
  const { toast } = useToast();
  const current = useRef({ start, locale });
  useEffect(() => {
    current.current = { start, locale };
  });
  return useCallback(
    async (item: ExportDefinition) => {
      const { start, locale } = current.current;
      try {
        const task = await start(item.id, item.name, locale);
        if (!task) return; // not confirmed by Anaplan: start() has said so
        const localeLabel = RUN_LOCALES.find((l) => l.value === locale)?.label ?? locale;
        toast({
          tone: "info",
          title: `${item.name}: started`,
          body: `Locale ${localeLabel}. Its state shows in the Latest run column.`,
          link: { href: pagePaths.task(workspaceId, modelId, item.id, task.taskId), label: "Watch this run" },
        });
      } catch (err) {
        toast({
          tone: "error",
          title: `${item.name} could not be started`,
          body: err instanceof Error ? err.message : undefined,
        });
      }
    },
    [workspaceId, modelId, toast],
  );
}
