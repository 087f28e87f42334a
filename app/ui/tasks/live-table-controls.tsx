"use client";

import type { Task } from "@/lib/shared/types";
import { NotifyToggle } from "./notify-toggle";
import { RefreshStatus } from "./refresh-status";

interface LiveState {
  updatedAt: number;
  isValidating: boolean;
  refresh: () => unknown;
  tasks: readonly Task[] | undefined;
  error?: Error;
}

/** The controls above every live task table: notify when done, when it was updated, and refresh now. */
export function LiveTableControls({
  live,
  notify,
  onNotifyChange,
}: {
  live: LiveState;
  notify: boolean;
  onNotifyChange: (on: boolean) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <NotifyToggle on={notify} onChange={onNotifyChange} />
      <RefreshStatus
        updatedAt={live.updatedAt}
        validating={live.isValidating}
        onRefresh={() => void live.refresh()}
        tasks={live.tasks}
        error={live.error}
      />
    </div>
  );
}
