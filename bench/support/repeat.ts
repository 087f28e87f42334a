/** How many times every benchmark repeats its measurement; `BENCH_RUNS=1` for a quick look. */
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));

/** One figure over several runs: the median, and the spread that says how far to trust it. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

/** The middle value of a sample (the upper of the two middles when the count is even). */
export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function spreadOf(runs: number[]): Spread {
  if (runs.length === 0) throw new Error("spreadOf needs at least one run");
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs };
}

/**
 * Runs `measure` RUNS times, one after another, and gives each named figure's spread. Figures must be numbers; the
 * median of each is taken on its own (the runs' figures are not kept together as one run).
 */
export async function repeated<K extends string>(
  measure: (run: number) => Promise<Record<K, number>>,
  runs = RUNS,
): Promise<Record<K, Spread>> {
  const samples: Record<K, number>[] = [];
  for (let run = 0; run < runs; run++) samples.push(await measure(run));
  const keys = Object.keys(samples[0]!) as K[];
  return Object.fromEntries(keys.map((key) => [key, spreadOf(samples.map((s) => s[key]))])) as Record<K, Spread>;
}

/** "0.82 (0.79–0.86)": a spread as a table cell. */
export const formatSpread = (s: Spread, digits = 2) =>
  `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
