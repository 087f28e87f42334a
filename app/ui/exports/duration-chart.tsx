"use client";

import { useId } from "react";
import type { Run } from "@/lib/shared/runs";
import { isActiveRun } from "@/lib/shared/runs-view";
import { useNow } from "../use-now";

const MAX_BARS = 30;
/** Fewer runs than this still leave room for more, so one run is not one huge bar. */
const MIN_SLOTS = 12;
const W = 600;
const H = 120;

const FILL: Partial<Record<Run["outcome"], string>> = {
  succeeded: "fill-sky-600 dark:fill-sky-400",
  failed: "fill-rose-600 dark:fill-rose-500",
  cancelled: "fill-zinc-400 dark:fill-zinc-500",
  unknown: "fill-slate-300 dark:fill-slate-600",
};

/**
 * One bar per run, as tall as it took, oldest on the left and the newest at the right edge; runs still going are
 * hatched and grow with the time so far. Decorative for assistive technology: the history's table says the same.
 */
export function DurationChart({ runs, typicalMs }: { runs: readonly Run[]; typicalMs: number | undefined }) {
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const now = useNow();
  const oldestFirst = [...runs].reverse().slice(-MAX_BARS);
  const slots = Math.max(MIN_SLOTS, oldestFirst.length);
  const slot = W / slots;
  const length = (run: Run) =>
    run.durationMs ?? (isActiveRun(run) && now !== null ? Math.max(0, now - Date.parse(run.startedAt)) : 0);
  const longest = Math.max(1, typicalMs ?? 0, ...oldestFirst.map(length));
  const y = (ms: number) => H - Math.max(2, (ms / longest) * (H - 4));
  const first = slots - oldestFirst.length;

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      aria-hidden="true"
      className="h-28 w-full overflow-visible"
    >
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="fill-sky-100 dark:fill-sky-950" />
          <line x1="0" y1="0" x2="0" y2="6" strokeWidth="3" className="stroke-sky-500 dark:stroke-sky-400" />
        </pattern>
      </defs>
      <line
        x1="0"
        y1={H - 0.5}
        x2={W}
        y2={H - 0.5}
        className="stroke-slate-300 dark:stroke-slate-700"
        vectorEffect="non-scaling-stroke"
      />
      {oldestFirst.map((run, i) => {
        const top = y(length(run));
        return (
          <rect
            key={run.taskId}
            x={(first + i) * slot + slot * 0.15}
            y={top}
            width={slot * 0.7}
            height={H - top}
            rx="1.5"
            fill={isActiveRun(run) ? `url(#${hatch})` : undefined}
            className={isActiveRun(run) ? undefined : FILL[run.outcome]}
          />
        );
      })}
      {typicalMs !== undefined ? (
        <line
          x1="0"
          y1={y(typicalMs)}
          x2={W}
          y2={y(typicalMs)}
          strokeDasharray="4 4"
          className="stroke-slate-500 dark:stroke-slate-400"
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
    </svg>
  );
}
