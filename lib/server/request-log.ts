import "server-only";
import { randomUUID } from "node:crypto";
import { writeLogLine } from "./log-lines";
import { runWithRequestContext } from "./request-context";

type Handler<R extends Request, C> = (request: R, context: C) => Promise<Response> | Response;

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Wraps a route handler: one JSON log line per request (method, route pattern, status, time to the response head,
 * upstream calls and their wait under the rate ceiling, request id) and an `X-Request-Id` header. Never logs a URL's query, a header
 * value, a body or a cookie, so no token, password or secret can reach the log.
 */
export function withRequestLog<R extends Request, C>(
  handler: Handler<R, C>,
): (request: R, context?: C) => Promise<Response> {
  return async (request, context) => {
    const route = routePattern(pathnameOf(request));
    const incoming = request.headers.get("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const started = performance.now();
    const state = { requestId, upstreamCalls: 0, upstreamWaitMs: 0 };
    let status = 500;
    try {
      const response = withHeader(await runWithRequestContext(state, () => handler(request, context as C)), requestId);
      status = response.status;
      return response;
    } finally {
      if (!process.env.VITEST)
        writeLogLine(
          JSON.stringify({
            level: status >= 500 ? "error" : "info",
            time: new Date().toISOString(),
            requestId,
            method: request.method,
            route,
            status,
            durationMs: Math.round((performance.now() - started) * 10) / 10,
            upstreamCalls: state.upstreamCalls,
            ...(state.upstreamWaitMs > 0 ? { upstreamWaitMs: state.upstreamWaitMs } : {}),
          }),
        );
    }
  };
}

/** Next's requests carry their parsed URL; parsing it again cost more than the rest of the log line. */
function pathnameOf(request: Request): string {
  const parsed = (request as { nextUrl?: URL }).nextUrl;
  return parsed ? parsed.pathname : new URL(request.url).pathname;
}

function withHeader(response: Response, requestId: string): Response {
  try {
    response.headers.set("X-Request-Id", requestId);
    return response;
  } catch {
    // Response.redirect() and fetch() responses have immutable headers.
    const copy = new Response(response.body, response);
    copy.headers.set("X-Request-Id", requestId);
    return copy;
  }
}

const ID_AFTER: Record<string, string> = {
  workspaces: "{workspaceId}",
  models: "{modelId}",
  exports: "{exportId}",
  tasks: "{taskId}",
};

/** `/api/workspaces/8a…/models/75…/tasks` → `/api/workspaces/{workspaceId}/models/{modelId}/tasks`: no id or input in logs. */
export function routePattern(pathname: string): string {
  const known = patterns.get(pathname);
  if (known !== undefined) return known;
  const segments = pathname.split("/");
  const pattern = segments
    .map((segment, i) => (i > 0 && ID_AFTER[segments[i - 1]!] ? ID_AFTER[segments[i - 1]!] : segment))
    .join("/");
  if (patterns.size >= 1_000) patterns.clear();
  patterns.set(pathname, pattern);
  return pattern;
}

/** Polled paths repeat: each one's pattern is worked out once. */
const patterns = new Map<string, string>();
