"use client";

import useSWR from "swr";
import type { ModelStatus } from "@/lib/shared/types";
import type { ActivityResponse } from "@/lib/shared/responses";
import { apiPaths } from "@/lib/shared/api-paths";
import { formatPercent } from "@/lib/shared/format";
import { pollInterval } from "@/lib/shared/poll-interval";
import { starterName } from "@/lib/shared/runs-view";
import { busyFacts, queueNote } from "@/lib/shared/model-busy";
import { AlertIcon } from "../icons";

function isModelBusy(status: ModelStatus | null | undefined): status is ModelStatus {
  if (!status) return false;
  return Boolean(status.taskId) || (typeof status.progress === "number" && status.progress >= 0);
}

/**
 * "Model busy": Anaplan runs one export at a time per model, so a new run waits in NOT_STARTED while this one
 * holds the lock. Reads the model status from the activity endpoint; `live` only where no activity table polls it,
 * at the pace of the model's active tasks (slow when nothing runs). When the running task is already in this page's
 * table (`exportId`: the export page's own; `taskIds`: the rows shown) it is one compact line, since the row says the rest.
 */
export function ModelBusyBanner({
  workspaceId,
  modelId,
  live = false,
  exportId,
  taskIds,
}: {
  workspaceId: string;
  modelId: string;
  live?: boolean;
  exportId?: string;
  taskIds?: readonly string[];
}) {
  const { data } = useSWR<ActivityResponse>(apiPaths.activity(workspaceId, modelId), {
    refreshInterval: live ? (latest) => pollInterval(latest?.tasks, Date.now()) : 0,
  });
  const status = data?.modelStatus;
  if (!isModelBusy(status)) return null;
  const who = status.tooltip?.trim();
  // The activity list knows the lock holder's export and, from the team ledger, who started it: say that plainly.
  const { holder, holderShown, queued } = busyFacts(data?.tasks ?? [], status.taskId, { exportId, taskIds });
  const starter = holder?.startedBy;
  const headline =
    holder && starter !== undefined
      ? `${holder.exportName} is running. ${starter ? `Started by ${starterName(starter)}` : "Started outside Export Desk"}`
      : who
        ? who.replace(/\.$/, "")
        : `an ${status.exportTaskType?.toLowerCase() || "export"} is running`;
  const box =
    "rounded-lg border border-amber-300 bg-amber-50 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950";
  if (holderShown) {
    return (
      <div role="status" className={`${box} flex items-center gap-2 px-3 py-2 dark:text-amber-100`}>
        <AlertIcon className="size-4 shrink-0" />
        <p className="min-w-0 break-words" title={who}>
          <span className="font-semibold">Model busy: {headline}.</span> New runs wait until it finishes.
        </p>
      </div>
    );
  }
  return (
    <div role="status" className={`${box} flex items-start gap-3 px-4 py-3 dark:text-amber-100`}>
      <AlertIcon className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 break-words">
        <p className="font-semibold" title={who}>
          Model busy: {headline}.
        </p>
        <p className="mt-0.5 text-amber-900 dark:text-amber-200">
          Anaplan runs one import or export at a time in a model; {queueNote(queued)}
          {typeof status.progress === "number" && status.progress >= 0
            ? ` ${formatPercent(status.progress, "en-US")} done`
            : ""}
          {status.currentStep ? ` · ${status.currentStep}` : ""}
        </p>
      </div>
    </div>
  );
}
