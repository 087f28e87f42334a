import "server-only";
import { getRuns } from "@/lib/data/runs";
import { ledger, parseRunsQuery, RunsQueryError, runsCsv, type RunsQuery } from "@/lib/ledger";
import { decodeCursor } from "@/lib/ledger/cursor";
import { MAX_RUNS_LIMIT } from "@/lib/ledger/runs-query";
import type { BffContext } from "./handler";
import { apiError, jsonOk, MESSAGES } from "./http-errors";

type RunsContext = BffContext<"workspaceId" | "modelId", undefined>;

/** The CSV holds at most this many runs; narrow the filters for more. */
export const MAX_CSV_RUNS = 100_000;

/** Bad queries answer 400 before anything else, so they cost no Anaplan call. */
function parse(ctx: RunsContext): RunsQuery | Response {
  try {
    return parseRunsQuery(ctx.request.nextUrl.searchParams);
  } catch (error) {
    if (error instanceof RunsQueryError) return apiError(400, "INVALID_QUERY", error.message);
    throw error;
  }
}

const noAccess = () => apiError(404, "NOT_FOUND", MESSAGES.notFound);

/** GET …/runs */
export async function listRuns(ctx: RunsContext): Promise<Response> {
  const query = parse(ctx);
  if (query instanceof Response) return query;
  const page = await getRuns(ctx, ctx.ids.workspaceId, ctx.ids.modelId, query);
  return page ? jsonOk(page) : noAccess();
}

/** GET …/runs.csv: every run the same filters select (from `cursor` on), as a streamed CSV attachment. */
export async function downloadRunsCsv(ctx: RunsContext): Promise<Response> {
  const query = parse(ctx);
  if (query instanceof Response) return query;
  const { workspaceId, modelId } = ctx.ids;
  const first = await getRuns(ctx, workspaceId, modelId, { ...query, limit: MAX_RUNS_LIMIT });
  if (!first) return noAccess();
  const encoder = new TextEncoder();
  const scope = { tenantId: ctx.tenantId, workspaceId, modelId };
  let page = first;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      controller.enqueue(encoder.encode(runsCsv(page.runs, { header: sent === 0 })));
      sent += page.runs.length;
      if (!page.next || sent >= MAX_CSV_RUNS) return controller.close();
      page = {
        ...(await ledger().queryRuns(scope, { ...query, cursor: decodeCursor(page.next), limit: MAX_RUNS_LIMIT })),
        history: page.history,
      };
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
