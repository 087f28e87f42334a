"use client";

import Link from "next/link";
import { useId, useState, useSyncExternalStore } from "react";
import type { Model, Workspace } from "@/lib/shared/types";
import { pagePaths } from "@/lib/shared/api-paths";
import { pickerKey, type PickerFacts } from "@/lib/shared/picker";
import { ChevronRightIcon, SearchIcon } from "../icons";
import { lastModelSnapshot, openedAtSnapshot, type OpenedAt } from "../last-model";
import { ModelCard } from "./model-card";

export interface PickerWorkspace {
  workspace: Workspace;
  models: Model[];
  failed?: boolean;
}

const noop = () => () => undefined;
const NOTHING_OPENED: OpenedAt = {};

const isArchived = (m: Model) => m.activeState === "ARCHIVED";

/**
 * Workspaces and their models with search. Archived models, and models the user has no access to (known once
 * `facts` arrives), are marked and cannot be opened.
 */
export function ModelPicker({ groups, facts }: { groups: PickerWorkspace[]; facts: Promise<PickerFacts> }) {
  const id = useId();
  const [q, setQ] = useState("");
  const last = useSyncExternalStore(noop, lastModelSnapshot, () => null);
  const openedAt = useSyncExternalStore(noop, openedAtSnapshot, () => NOTHING_OPENED);
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
                  <ModelCard
                    workspaceId={workspace.id}
                    workspaceName={workspace.name}
                    model={m}
                    facts={facts}
                    openedAt={openedAt[pickerKey(workspace.id, m.id)]}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
