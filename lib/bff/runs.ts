import "server-only";
import { canOpenModel } from "@/lib/data/model-access";
import { catchUpStaleRuns, ledgerScope } from "@/lib/data/team-ledger";
import { ledger, parseRunsQuery, RunsQueryError, runsCsv, type RunsQuery } from "@/lib/ledger";
import { decodeCursor } from "@/lib/ledger/cursor";
import { MAX_RUNS_LIMIT } from "@/lib/ledger/runs-query";
import type { BffContext } from "./handler";
import { apiError, jsonOk, MESSAGES } from "./http-errors";

type RunsContext = BffContext<"workspaceId" | "modelId", undefined>;

/** The CSV holds at most this many runs; narrow the filters for more. */
export const MAX_CSV_RUNS = 100_000;

/**
 * Reads of the team ledger. Bad queries answer 400 before anything else (no Anaplan call); a model the user cannot
 * open in Anaplan answers 404 exactly like an unknown one; runs still shown active are brought up to date first.
 */
async function prepare(ctx: RunsContext): Promise<Response | { scope: ReturnType<typeof ledgerScope>; query: RunsQuery }> {
  let query: RunsQuery;
  try {
    query = parseRunsQuery(ctx.request.nextUrl.searchParams);
  } catch (error) {
    if (error instanceof RunsQueryError) return apiError(400, "INVALID_QUERY", error.message);
    throw error;
  }
  const { workspaceId, modelId } = ctx.ids;
  if (!(await canOpenModel(ctx.api, ctx.userKey, workspaceId, modelId))) return apiError(404, "NOT_FOUND", MESSAGES.notFound);
  const scope = ledgerScope(ctx.session, workspaceId, modelId);
  await catchUpStaleRuns(ctx.api, scope);
  return { scope, query };
}

/** GET …/runs: `{runs, next, history}` where history says whether the ledger is recording ("ok", "off", "unavailable"). */
export async function listRuns(ctx: RunsContext): Promise<Response> {
  const prepared = await prepare(ctx);
  if (prepared instanceof Response) return prepared;
  const page = await ledger().queryRuns(prepared.scope, prepared.query);
  return jsonOk({ ...page, history: ledger().status() });
}

/** GET …/runs.csv: every run the same filters select (from `cursor` on), as a streamed CSV attachment. */
export async function downloadRunsCsv(ctx: RunsContext): Promise<Response> {
  const prepared = await prepare(ctx);
  if (prepared instanceof Response) return prepared;
  const { scope, query } = prepared;
  const encoder = new TextEncoder();
  let cursor = query.cursor;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const page = await ledger().queryRuns(scope, { ...query, cursor, limit: MAX_RUNS_LIMIT });
      controller.enqueue(encoder.encode(runsCsv(page.runs, { header: sent === 0 })));
      sent += page.runs.length;
      if (!page.next || sent >= MAX_CSV_RUNS) return controller.close();
      cursor = decodeCursor(page.next);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="export-desk-runs-${day}.csv"`,
    },
  });
}
