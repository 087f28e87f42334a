import type { Run } from "./runs";
import { formatBytes } from "./format";
import { roughDuration, starterName } from "./runs-view";

/** Above this a download asks first: a multi-gigabyte file on a phone or a metered line is worth a second thought. */
export const LARGE_DOWNLOAD_BYTES = 1_000_000_000;

/** The newest succeeded run among `runs` (newest first, as the ledger answers) started by `email`. */
export function ownLatestRun(runs: readonly Run[], email: string | undefined): Run | undefined {
  if (!email) return undefined;
  const mine = email.toLowerCase();
  return runs.find((r) => r.outcome === "succeeded" && r.startedBy?.email.toLowerCase() === mine);
}

/**
 * The file's size, best first: the exact length the file route sent, then the bytes of the last complete download
 * of the run that made it (the ledger's), then the estimate from the export's metadata; `exact` says which.
 */
export function resultSize(
  exactBytes: number | undefined,
  run: Run | undefined,
  estimateBytes: number | undefined,
): { bytes: number; exact: boolean } | undefined {
  if (exactBytes !== undefined) return { bytes: exactBytes, exact: true };
  const downloaded = run?.downloads.filter((d) => d.complete).at(-1)?.bytes;
  if (downloaded !== undefined && downloaded > 0) return { bytes: downloaded, exact: true };
  return estimateBytes !== undefined ? { bytes: estimateBytes, exact: false } : undefined;
}

/** "≈ 3.3 GB · from your run at 16:28" (either half may be missing). */
export function resultLine(
  size: { bytes: number; exact: boolean } | undefined,
  run: Pick<Run, "finishedAt" | "startedAt"> | undefined,
  locale?: string,
  timeZone?: string,
): string {
  const parts: string[] = [];
  if (size) parts.push(`${size.exact ? "" : "≈ "}${formatBytes(size.bytes, locale)}`);
  if (run) {
    const at = Date.parse(run.finishedAt ?? run.startedAt);
    const time = new Intl.DateTimeFormat(locale, {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone,
    }).format(at);
    parts.push(`from your run at ${time}`);
  }
  return parts.join(" · ");
}

/**
 * Why a teammate has no file when the newest succeeded run is someone else's, and what to do:
 * "Ada Lovelace's run made a file only they can download; run it yourself — usually about 15 s".
 */
export function someoneElsesFile(
  runs: readonly Run[],
  email: string | undefined,
  typicalMs: number | undefined,
): string | undefined {
  const latest = runs.find((r) => r.outcome === "succeeded");
  if (!latest?.startedBy || !email || latest.startedBy.email.toLowerCase() === email.toLowerCase()) return undefined;
  const usual = typicalMs !== undefined ? ` — usually about ${roughDuration(typicalMs)}` : "";
  return `${starterName(latest.startedBy)}’s run made a file only they can download; run it yourself${usual}.`;
}
