import type { Spread } from "./repeat";

/**
 * One line of a benchmark's verdict, as bench/results/<name>.json holds it and scripts/bench-table.ts prints it:
 * `value` is the median of the runs, `min`/`max` their spread, `met` null for a figure given as context only.
 */
export interface Target {
  name: string;
  value: number;
  min?: number;
  max?: number;
  runs?: number[];
  target: string;
  met: boolean | null;
}

/** A figure measured over several runs, judged on its median. */
export function judged(name: string, spread: Spread, target: string, meets: (median: number) => boolean): Target {
  return {
    name,
    value: spread.median,
    min: spread.min,
    max: spread.max,
    runs: spread.runs,
    target,
    met: meets(spread.median),
  };
}

/** A figure shown for context, with no target of its own. */
export function context(name: string, spread: Spread): Target {
  return { ...judged(name, spread, "context", () => false), met: null };
}
