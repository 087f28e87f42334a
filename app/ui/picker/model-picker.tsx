"use client";

import Link from "next/link";
import { useId, useState, useSyncExternalStore } from "react";
import type { Model, Workspace } from "@/lib/shared/types";
import { pagePaths } from "@/lib/shared/api-paths";
import { humanize } from "@/lib/shared/task-state";
import { ArchiveIcon, ChevronRightIcon, SearchIcon } from "../icons";
import { lastModelSnapshot } from "../last-model";

export interface PickerWorkspace {
  workspace: Workspace;
  models: Model[];
  failed?: boolean;
}

const noop = () => () => undefined;

const isArchived = (m: Model) => m.activeState === "ARCHIVED";

/** Workspaces and their models with search; archived models are marked and cannot be opened to run exports. */
export function ModelPicker({ groups }: { groups: PickerWorkspace[] }) {
  const id = useId();
  const [q, setQ] = useState("");
  const last = useSyncExternalStore(noop, lastModelSnapshot, () => null);
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  const match = (m: Model, w: Workspace) => terms.every((t) => `${m.name} ${m.id} ${w.name}`.toLowerCase().includes(t));
  const shown = groups
    .map((g) => ({ ...g, models: g.models.filter((m) => match(m, g.workspace)) }))
    .filter((g) => g.models.length > 0 || (terms.length === 0 && g.failed));
  const lastModel =
    last &&
    groups.some(
      (g) => g.workspace.id === last.workspaceId && g.models.some((m) => m.id === last.modelId && !isArchived(m)),
    )
      ? last
      : null;

  return (
    <div className="space-y-6">
      {lastModel ? (
        <Link
          href={pagePaths.model(lastModel.workspaceId, lastModel.modelId)}
          className={[
            "flex items-center justify-between gap-4 rounded-xl border border-sky-200",
            "bg-sky-50 px-5 py-4 hover:border-sky-400 focus-visible:outline-2",
            "focus-visible:outline-offset-2 focus-visible:outline-sky-600 dark:border-sky-900",
            "dark:bg-sky-950/50 dark:hover:border-sky-700",
          ].join(" ")}
        >
          <span>
            <span className="block text-xs font-medium tracking-wide text-sky-800 uppercase dark:text-sky-300">
              Continue where you left off
            </span>
            <span className="mt-0.5 block font-semibold">{lastModel.modelName}</span>
            <span className="block text-sm text-slate-600 dark:text-slate-400">{lastModel.workspaceName}</span>
          </span>
          <ChevronRightIcon className="size-5 text-sky-700 dark:text-sky-300" />
        </Link>
      ) : null}

      <div className="max-w-md">
        <label htmlFor={`${id}-q`} className="block text-sm font-medium">
          Search models
        </label>
        <div className="relative mt-1">
          <SearchIcon className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-slate-500" />
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Model or workspace name"
            autoComplete="off"
            className={[
              "h-10 w-full rounded-md border border-slate-300 bg-white pr-3 pl-8 text-sm",
              "focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-700",
              "dark:bg-slate-900",
            ].join(" ")}
          />
        </div>
      </div>

      {shown.length === 0 ? (
        <p
          className={[
            "rounded-xl border border-dashed border-slate-300 px-6 py-10 text-center text-sm",
            "text-slate-600 dark:border-slate-700 dark:text-slate-400",
          ].join(" ")}
        >
          {groups.length === 0 ? "You are not a member of any Anaplan workspace." : `No models match “${q}”.`}
        </p>
      ) : (
        shown.map(({ workspace, models, failed }) => (
          <section key={workspace.id} aria-labelledby={`ws-${workspace.id}`}>
            <h2 id={`ws-${workspace.id}`} className="mb-2 text-sm font-semibold text-slate-700 dark:text-slate-300">
              {workspace.name}
            </h2>
            {failed ? (
              <p className="text-sm text-rose-800 dark:text-rose-300">
                The models of this workspace could not be loaded. Reload to try again.
              </p>
            ) : null}
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {models.map((m) => (
                <li key={m.id}>
                  <ModelCard workspaceId={workspace.id} model={m} />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}

function ModelCard({ workspaceId, model }: { workspaceId: string; model: Model }) {
  const state =
    model.activeState && !["UNLOCKED", "PRODUCTION"].includes(model.activeState) ? humanize(model.activeState) : null;
  if (isArchived(model)) {
    return (
      <div
        className={[
          "flex h-full flex-col rounded-xl border border-dashed border-slate-300",
          "bg-slate-50 px-4 py-3 dark:border-slate-700 dark:bg-slate-900/40",
        ].join(" ")}
        aria-disabled="true"
      >
        <span className="flex items-center justify-between gap-2">
          <span className="truncate font-medium text-slate-700 dark:text-slate-300" title={model.name}>
            {model.name}
          </span>
          <span
            className={[
              "inline-flex shrink-0 items-center gap-1 rounded-full bg-slate-200 px-2 py-0.5",
              "text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300",
            ].join(" ")}
          >
            <ArchiveIcon className="size-3.5" /> Archived
          </span>
        </span>
        <span className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Archived models cannot run exports. Ask an admin to restore it.
        </span>
      </div>
    );
  }
  return (
    <Link
      href={pagePaths.model(workspaceId, model.id)}
      className={[
        "flex h-full flex-col rounded-xl border border-slate-200 bg-white px-4 py-3",
        "shadow-sm hover:border-sky-400 hover:shadow focus-visible:outline-2",
        "focus-visible:outline-offset-2 focus-visible:outline-sky-600",
        "dark:border-slate-800 dark:bg-slate-900 dark:hover:border-sky-700",
      ].join(" ")}
    >
      <span className="flex items-center justify-between gap-2">
        <span className="truncate font-medium" title={model.name}>
          {model.name}
        </span>
        {state ? (
          <span
            className={[
              "shrink-0 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium",
              "text-amber-900 dark:bg-amber-950 dark:text-amber-200",
            ].join(" ")}
          >
            {state}
          </span>
        ) : null}
      </span>
      <span className="mt-1 font-mono text-xs text-slate-500 dark:text-slate-400">{model.id}</span>
    </Link>
  );
}
