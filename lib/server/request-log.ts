import "server-only";
import { randomUUID } from "node:crypto";
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
    const route = routePattern(new URL(request.url).pathname);
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
        console.log(
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
  const segments = pathname.split("/");
  return segments
    .map((segment, i) => (i > 0 && ID_AFTER[segments[i - 1]!] ? ID_AFTER[segments[i - 1]!] : segment))
    .join("/");
}
