"use client";

import Link from "next/link";
import { Suspense, use } from "react";
import { pagePaths } from "@/lib/shared/api-paths";
import { pickerKey, type ModelFacts, type PickerFacts } from "@/lib/shared/picker";
import { humanize } from "@/lib/shared/task-state";
import type { Model } from "@/lib/shared/types";
import { ArchiveIcon, LockIcon } from "../icons";
import { RelativeTime } from "../relative-time";

interface Props {
  workspaceId: string;
  workspaceName: string;
  model: Model;
  /** Streams in after the list: access checks and the team ledger (lib/data/picker-facts.ts). */
  facts: Promise<PickerFacts>;
  /** When this browser last opened the model. */
  openedAt?: number;
}

/** One model: a link with what a planner knows of it, or a marked card that cannot be opened (archived, no access). */
export function ModelCard(props: Props) {
  if (props.model.activeState === "ARCHIVED")
    return (
      <ClosedCard
        name={props.model.name}
        badge={
          <>
            <ArchiveIcon className="size-3.5" /> Archived
          </>
        }
      >
        Archived models cannot run exports. Ask an admin to restore it.
      </ClosedCard>
    );
  return (
    <Suspense fallback={<OpenCard {...props} />}>
      <CardWithFacts {...props} />
    </Suspense>
  );
}

function CardWithFacts(props: Props) {
  const fact = use(props.facts)[pickerKey(props.workspaceId, props.model.id)];
  if (fact?.access === "no")
    return (
      <ClosedCard
        name={props.model.name}
        badge={
          <>
            <LockIcon className="size-3.5" /> No access
          </>
        }
      >
        You have no role in this model. Ask a workspace administrator for one if you need its exports.
      </ClosedCard>
    );
  return <OpenCard {...props} fact={fact ?? { access: "unknown" }} />;
}

const FACT_LINE = "mt-1 min-h-4 text-xs text-slate-600 dark:text-slate-400";

function OpenCard({ workspaceId, workspaceName, model, openedAt, fact }: Props & { fact?: ModelFacts }) {
  const state =
    model.activeState && !["UNLOCKED", "PRODUCTION"].includes(model.activeState) ? humanize(model.activeState) : null;
  const changed = model.lastModified ? Date.parse(model.lastModified) : NaN;
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
      <span className={FACT_LINE}>
        {workspaceName}
        {fact?.exports !== undefined
          ? ` · ${fact.exports.toLocaleString()} ${fact.exports === 1 ? "export" : "exports"}`
          : null}
        {openedAt !== undefined ? (
          <>
            {" · "}
            <RelativeTime ms={openedAt} prefix="opened by you" />
          </>
        ) : Number.isFinite(changed) ? (
          <>
            {" · "}
            <RelativeTime ms={changed} prefix="changed in Anaplan" />
          </>
        ) : null}
      </span>
      <span className={FACT_LINE}>
        {fact === undefined ? <span className="sr-only">Loading the team’s runs…</span> : <TeamFacts fact={fact} />}
      </span>
    </Link>
  );
}

function TeamFacts({ fact }: { fact: ModelFacts }) {
  if (fact.access !== "yes") return null;
  if (!fact.lastRun) return <>No runs through Export Desk yet</>;
  const count = fact.exportsRun ?? 0;
  return (
    <>
      <RelativeTime ms={fact.lastRun.at} prefix="Last run" />
      {fact.lastRun.by ? ` by ${fact.lastRun.by.name}` : " outside Export Desk"}
      {` · ${count} ${count === 1 ? "export" : "exports"} run`}
    </>
  );
}

function ClosedCard({ name, badge, children }: { name: string; badge: React.ReactNode; children: React.ReactNode }) {
  return (
    <div
      className={[
        "flex h-full flex-col rounded-xl border border-dashed border-slate-300",
        "bg-slate-50 px-4 py-3 dark:border-slate-700 dark:bg-slate-900/40",
      ].join(" ")}
      aria-disabled="true"
    >
      <span className="flex items-center justify-between gap-2">
        <span className="truncate font-medium text-slate-700 dark:text-slate-300" title={name}>
          {name}
        </span>
        <span
          className={[
            "inline-flex shrink-0 items-center gap-1 rounded-full bg-slate-200 px-2 py-0.5",
            "text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300",
          ].join(" ")}
        >
          {badge}
        </span>
      </span>
      <span className="mt-1 text-xs text-slate-600 dark:text-slate-400">{children}</span>
    </div>
  );
}
