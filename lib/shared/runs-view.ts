import { apiPaths } from "./api-paths";
import type { Person, Run } from "./runs";

/** The Runs page's filters as they stand in the URL, as typed; the BFF (and the page, on the server) validates them. */
export interface RunsFilters {
  export?: string;
  by?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

export interface RunsPageParams {
  cursor?: string;
  limit?: number | string;
}

const FILTERS = ["export", "by", "outcome", "from", "to"] as const;

/** The filters, cursor and limit of a URL's search params; empty values count as absent. */
export function readRunsSearch(params: URLSearchParams): { filters: RunsFilters; page: RunsPageParams } {
  const get = (name: string) => params.get(name) || undefined;
  const filters: RunsFilters = {};
  for (const name of FILTERS) {
    const value = get(name);
    if (value !== undefined) filters[name] = value;
  }
  return { filters, page: { cursor: get("cursor"), limit: get("limit") } };
}

/**
 * The canonical query string (fixed order, no empty values, no "?"): the server's first page and the client's SWR
 * hook build their key with it, so the fallback is found under exactly the same string.
 */
export function runsSearch(filters: RunsFilters, page: RunsPageParams = {}): string {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) params.set(name, filters[name]);
  if (page.cursor) params.set("cursor", page.cursor);
  if (page.limit !== undefined && page.limit !== "") params.set("limit", String(page.limit));
  return params.toString();
}

export function hasFilters(filters: RunsFilters): boolean {
  return FILTERS.some((name) => Boolean(filters[name]));
}

/** The ledger stores "" for runs started outside Export Desk before their export was seen. */
export function runExportName(run: Pick<Run, "exportId" | "exportName">): string {
  return run.exportName || `Export ${run.exportId}`;
}

export function starterName(person: Person | null): string {
  return person ? person.name || person.email : "outside Export Desk";
}

export function isActiveRun(run: Pick<Run, "outcome">): boolean {
  return run.outcome === "queued" || run.outcome === "running" || run.outcome === "cancelling";
}

/** The median duration of the successful runs among `runs`, or undefined when there is none. */
export function typicalDuration(runs: readonly Pick<Run, "outcome" | "durationMs">[]): number | undefined {
  const ms = runs
    .flatMap((r) => (r.outcome === "succeeded" && r.durationMs !== null ? [r.durationMs] : []))
    .sort((a, b) => a - b);
  if (ms.length === 0) return undefined;
  const mid = Math.floor(ms.length / 2);
  return ms.length % 2 ? ms[mid] : ((ms[mid - 1] ?? 0) + (ms[mid] ?? 0)) / 2;
}

/** "12 s" under a minute, else whole minutes: an estimate should not look more precise than it is. */
export function roughDuration(ms: number): string {
  if (ms < 59_500) return `${Math.max(1, Math.round(ms / 1_000))} s`;
  return `${Math.round(ms / 60_000)} min`;
}

/** "about 3 min left", or "any moment now" once the usual duration has passed (never a negative time). */
export function timeLeft(typicalMs: number, elapsedMs: number): string {
  const left = typicalMs - elapsedMs;
  return left < 1_000 ? "any moment now" : `about ${roughDuration(left)} left`;
}

/** A local calendar day (yyyy-mm-dd) as the instant it starts, plus `days`; the browser's time zone decides. */
export function dayStart(day: string, days = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).toISOString();
}

/** The local calendar day of an instant (the one just before it when `before`): "to" is exclusive in the API. */
export function localDay(instant: string | undefined, before = false): string {
  if (!instant) return "";
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return "";
  const d = new Date(before ? ms - 1 : ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** How many recent runs an export page charts. */
export const HISTORY_RUNS = 30;

/** The SWR key of an export's recent runs, shared by the page's fallback, the chart and the live table's estimate. */
export function exportHistoryKey(workspaceId: string, modelId: string, exportId: string): string {
  return apiPaths.runs(workspaceId, modelId, runsSearch({ export: exportId }, { limit: HISTORY_RUNS }));
}
