import type { Run } from "@/lib/shared/runs";
import { COLUMN_HEADER, TABLE_HEAD } from "../table-styles";
import { RunCard } from "./run-card";
import { RunRow } from "./run-row";

const th = `${COLUMN_HEADER} whitespace-nowrap text-left`;

/** The ledger's runs, newest first: a table from 640 px up, cards below (CSS alone, so hydration moves nothing). */
export function RunsTable({
  runs,
  workspaceId,
  modelId,
}: {
  runs: readonly Run[];
  workspaceId: string;
  modelId: string;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="hidden w-full border-collapse text-sm sm:table">
        <caption className="sr-only">Runs of this model, newest first</caption>
        <thead className={TABLE_HEAD}>
          <tr>
            <th scope="col" className={th}>
              Export
            </th>
            <th scope="col" className={`${th} hidden md:table-cell`}>
              Started by
            </th>
            <th scope="col" className={th}>
              Started
            </th>
            <th scope="col" className={`${th} hidden lg:table-cell`}>
              Finished
            </th>
            <th scope="col" className={`${th} hidden lg:table-cell`}>
              Duration
            </th>
            <th scope="col" className={th}>
              Outcome
            </th>
            <th scope="col" className={`${th} hidden md:table-cell`}>
              Downloaded by
            </th>
            <th scope="col" className={th}>
              Task
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {runs.map((run) => (
            <RunRow key={run.taskId} run={run} workspaceId={workspaceId} modelId={modelId} />
          ))}
        </tbody>
      </table>
      <ul
        aria-label="Runs of this model, newest first"
        className="divide-y divide-slate-100 sm:hidden dark:divide-slate-800"
      >
        {runs.map((run) => (
          <RunCard key={run.taskId} run={run} workspaceId={workspaceId} modelId={modelId} />
        ))}
      </ul>
    </div>
  );
}
