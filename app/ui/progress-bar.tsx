import { formatPercent } from "@/lib/shared/format";

/** A labelled progress bar (Anaplan's progress is 0.0–1.0, or -1 when unknown). */
const TONE = {
  active: "bg-sky-600 dark:bg-sky-400",
  succeeded: "bg-emerald-600 dark:bg-emerald-400",
  failed: "bg-rose-600 dark:bg-rose-400",
  stopped: "bg-slate-400 dark:bg-slate-500",
} as const;

export function ProgressBar({
  value,
  label,
  step,
  tone = "active",
}: {
  value: number | undefined;
  label: string;
  step?: string;
  tone?: keyof typeof TONE;
}) {
  const known = value !== undefined && value >= 0;
  const fraction = known ? Math.min(1, value) : 0;
  return (
    <div className="min-w-0">
      <div className="flex items-baseline justify-between gap-3 text-xs text-slate-600 dark:text-slate-400">
        <span className="truncate" title={step || undefined}>
          {step || "\u00a0"}
        </span>
        <span className="tabular-nums">{known ? formatPercent(fraction, "en-US") : "—"}</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={known ? Math.round(fraction * 100) : undefined}
        aria-valuetext={known ? `${Math.round(fraction * 100)}%${step ? `, ${step}` : ""}` : step || "Unknown"}
        className="mt-1 h-1.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        {known ? (
          <div
            className={`h-full rounded-full transition-[width] duration-500 ${TONE[tone]}`}
            style={{ width: `${fraction * 100}%` }}
          />
        ) : (
          <div className="h-full w-1/3 rounded-full bg-sky-600/50 motion-safe:animate-pulse dark:bg-sky-400/50" />
        )}
      </div>
    </div>
  );
}
