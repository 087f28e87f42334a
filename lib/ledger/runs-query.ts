import { decodeCursor, type RunsCursor } from "./cursor";
import { RunsQueryError } from "./runs-query-error";
import { RUN_OUTCOMES, type RunOutcome } from "./types";

export { RunsQueryError } from "./runs-query-error";

export const DEFAULT_RUNS_LIMIT = 50;
export const MAX_RUNS_LIMIT = 500;

export interface RunsQuery {
  exportId?: string;
  /** The starter's email (compared without case). */
  by?: string;
  outcome?: RunOutcome;
  /** Runs started at or after. */
  from?: Date;
  /** Runs started before. */
  to?: Date;
  cursor?: RunsCursor;
  limit: number;
}

const KNOWN = ["export", "by", "outcome", "from", "to", "cursor", "limit"] as const;
const EXPORT_ID = /^\d{12}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Validates GET …/runs (and runs.csv) query parameters; throws RunsQueryError with a sentence a person can act on. */
export function parseRunsQuery(params: URLSearchParams): RunsQuery {
  for (const name of new Set(params.keys())) {
    if (!(KNOWN as readonly string[]).includes(name)) {
      throw new RunsQueryError(name, `Unknown parameter "${clip(name)}"; use ${KNOWN.join(", ")}.`);
    }
    if (params.getAll(name).length > 1) throw new RunsQueryError(name, `Give "${name}" at most once.`);
  }
  const query: RunsQuery = { limit: DEFAULT_RUNS_LIMIT };
  const value = (name: (typeof KNOWN)[number]) => {
    const raw = params.get(name);
    if (raw === null || raw === "") return undefined;
    if (raw.length > 256) throw new RunsQueryError(name, `"${name}" is too long (at most 256 characters).`);
    return raw;
  };

  const exportId = value("export");
  if (exportId !== undefined) {
    if (!EXPORT_ID.test(exportId)) throw new RunsQueryError("export", '"export" must be an export id of 12 digits.');
    query.exportId = exportId;
  }
  const by = value("by");
  if (by !== undefined) {
    if (!EMAIL.test(by)) throw new RunsQueryError("by", '"by" must be an email address, such as ada@example.com.');
    query.by = by;
  }
  const outcome = value("outcome");
  if (outcome !== undefined) {
    if (!(RUN_OUTCOMES as readonly string[]).includes(outcome)) {
      throw new RunsQueryError("outcome", `"outcome" must be one of ${RUN_OUTCOMES.join(", ")}.`);
    }
    query.outcome = outcome as RunOutcome;
  }
  query.from = instant(value("from"), "from");
  query.to = instant(value("to"), "to");
  if (query.from && query.to && query.from >= query.to)
    throw new RunsQueryError("to", '"to" must be later than "from".');
  const cursor = value("cursor");
  if (cursor !== undefined) query.cursor = decodeCursor(cursor);
  const limit = value("limit");
  if (limit !== undefined) {
    const n = /^\d{1,4}$/.test(limit) ? Number(limit) : NaN;
    if (!(n >= 1 && n <= MAX_RUNS_LIMIT)) {
      throw new RunsQueryError("limit", `"limit" must be a whole number from 1 to ${MAX_RUNS_LIMIT}.`);
    }
    query.limit = n;
  }
  for (const key of Object.keys(query) as (keyof RunsQuery)[]) if (query[key] === undefined) delete query[key];
  return query;
}

function instant(raw: string | undefined, name: "from" | "to"): Date | undefined {
  if (raw === undefined) return undefined;
  const date =
    INSTANT.test(raw) && realDay(raw.slice(0, 10)) ? new Date(raw.length === 10 ? `${raw}T00:00:00Z` : raw) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new RunsQueryError(
      name,
      `"${name}" must be an ISO 8601 instant, such as 2026-11-30T09:00:00Z (or a date, 2026-11-30).`,
    );
  }
  return date;
}

/** JavaScript rolls 2026-02-30 over to March 2; a day that does not exist is a mistake to report. */
function realDay(day: string): boolean {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
