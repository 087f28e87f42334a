import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { createAnaplanApi, type AnaplanApi, type AnaplanApiOptions } from "@/lib/anaplan/api";
import { isAnaplanError } from "@/lib/anaplan/errors";
import {
  AuthUnavailableError,
  cookiesForUpdate,
  endSession,
  refreshSessionToken,
  resumeSession,
  sessionCookieName,
  SessionEndedError,
  tenantOf,
  userKeyOf,
  writeCookies,
  type CookieSpec,
  type SessionData,
} from "@/lib/session";
import type { Reader } from "@/lib/data/reader";
import { withRequestLog } from "@/lib/server/request-log";
import { readJsonBody } from "./body";
import { guardMutation } from "./csrf";
import {
  apiError,
  errorFromUnknown,
  MESSAGES,
  retryAfterSeconds,
  unauthenticated,
  withApiHeaders,
  type ErrorContext,
} from "./http-errors";
import { validateIds, type IdName, type Ids } from "@/lib/shared/ids";
import { logEvent } from "@/lib/server/log";

/** Tests only: shorter upstream timeouts / retry budgets, so fault tests do not wait 15 s per attempt. */
let apiOverrides: Partial<Pick<AnaplanApiOptions, "timeoutMs" | "retry" | "downloadTimeoutMs">> = {};
export function setApiOptionsForTests(overrides: typeof apiOverrides): void {
  apiOverrides = overrides;
}

export interface BffContext<K extends IdName, B> extends Reader {
  request: NextRequest;
  session: SessionData;
  /** Bound to the request: aborted when the browser goes away. */
  api: AnaplanApi;
  /** For work that outlives the request (shared cache fills that other requests wait on). */
  backgroundApi: () => AnaplanApi;
  ids: Ids<K>;
  body: B;
}

export interface RouteSpec<K extends IdName, B> {
  /** The path ids the route must have; each checked against its strict pattern. */
  ids?: readonly K[];
  /** Strict schema for a JSON body (POST). */
  body?: z.ZodType<B>;
  allowEmptyBody?: boolean;
  /** The message of a 400 for a body that does not match (the default names the fields' problem). */
  invalidBodyMessage?: string;
  errorContext?: ErrorContext;
}

type RouteHandler = (
  request: NextRequest,
  context?: { params: Promise<Record<string, string | string[]>> },
) => Promise<Response>;

/**
 * A session-bound API route. In this order, so bad input never costs an upstream call: mutation guard (every POST
 * and DELETE) → ids → body → session (unseal, lifetimes, revocation, refresh when due) → the route's work, with one
 * refresh-and-retry on an upstream 401 → cookies → API headers, once.
 */
export function route<K extends IdName = never, B = undefined>(
  spec: RouteSpec<K, B>,
  run: (ctx: BffContext<K, B>) => Promise<Response>,
): RouteHandler {
  return gate(spec, async (request, ids, body) =>
    withSession(request, spec, (session, api) =>
      run({
        ...session,
        // Built on first use: answers from a cache never need one.
        get api() {
          return api();
        },
        ids,
        body,
      }),
    ),
  );
}

/** A route without a session (sign-in, OAuth): the same guard, ids, body reading, error answers and headers. */
export function publicRoute<B = undefined>(
  spec: Omit<RouteSpec<never, B>, "ids">,
  run: (ctx: { request: NextRequest; body: B }) => Promise<Response>,
): RouteHandler {
  return gate(spec, (request, _ids, body) => run({ request, body }));
}

function gate<K extends IdName, B>(
  spec: RouteSpec<K, B>,
  run: (request: NextRequest, ids: Ids<K>, body: B) => Promise<Response>,
): RouteHandler {
  return withRequestLog(
    async (request: NextRequest, context?: { params: Promise<Record<string, string | string[]>> }) => {
      let response: Response;
      try {
        response = await checkInput(request, spec, (await context?.params) ?? {}, run);
      } catch (error) {
        response = errorFromUnknown(error, spec.errorContext);
      }
      return withApiHeaders(response);
    },
  );
}

async function checkInput<K extends IdName, B>(
  request: NextRequest,
  spec: RouteSpec<K, B>,
  params: Record<string, unknown>,
  run: (request: NextRequest, ids: Ids<K>, body: B) => Promise<Response>,
): Promise<Response> {
  if (request.method === "POST" || request.method === "DELETE") {
    const refused = guardMutation(request);
    if (refused) return refused;
  }
  const ids = validateIds(params, spec.ids ?? []);
  if (!ids) {
    logEvent("invalid_id", { method: request.method });
    return apiError(400, "INVALID_ID", "The address contains an invalid workspace, model, export or task id.");
  }
  let body = undefined as B;
  if (spec.body) {
    const parsed = await readJsonBody(request, spec.body, { allowEmpty: spec.allowEmptyBody ?? false });
    if (!parsed.ok) {
      const message = parsed.status === 400 && spec.invalidBodyMessage ? spec.invalidBodyMessage : parsed.message;
      if (parsed.status !== 408) return apiError(parsed.status, parsed.code, message);
      logEvent("body_timeout", { method: request.method });
      // The rest of the body may never come: the connection is not reused (server/front.mjs closes it too).
      return apiError(408, parsed.code, message, { Connection: "close" });
    }
    body = parsed.value;
  }
  return run(request, ids, body);
}

type SessionParts = Pick<
  BffContext<never, undefined>,
  "request" | "session" | "userKey" | "tenantId" | "backgroundApi"
>;

async function withSession(
  request: NextRequest,
  spec: { errorContext?: ErrorContext },
  run: (session: SessionParts, api: () => AnaplanApi) => Promise<Response>,
): Promise<Response> {
  const resumed = await resumeSession(request.cookies.get(sessionCookieName())?.value);
  if (resumed.status === "none") return unauthenticated();
  if (resumed.status === "ended") {
    logEvent(
      resumed.reason === "invalid" ? "session_unreadable" : "session_ended",
      resumed.reason === "invalid" ? {} : { reason: resumed.reason },
    );
    return withCookies(unauthenticated(), resumed.cookies);
  }
  if (resumed.status === "unavailable") return authUnavailable(resumed.retryAfterMs);

  let session = resumed.data;
  let cookies = resumed.cookies;
  const attempt = () => {
    const current = session;
    const rate = { user: userKeyOf(current), tenant: tenantOf(current) };
    let api: AnaplanApi | undefined;
    return run(
      {
        request,
        session: current,
        userKey: rate.user,
        tenantId: rate.tenant,
        backgroundApi: () => createAnaplanApi({ ...apiOverrides, token: current.token, rate }),
      },
      () => (api ??= createAnaplanApi({ ...apiOverrides, token: current.token, signal: request.signal, rate })),
    );
  };

  let response: Response;
  try {
    try {
      response = await attempt();
    } catch (error) {
      if (!isAnaplanError(error) || error.kind !== "unauthorized") throw error;
      // One refresh-and-retry. A 401 means Anaplan did not act on the request, so retrying a start is safe.
      // A token refreshed moments ago that still gets a 401 was revoked: the session is over.
      if (resumed.refreshed) throw error;
      session = await refreshSessionToken(session, { force: true });
      cookies = await cookiesForUpdate(session);
      response = await attempt();
    }
  } catch (error) {
    if (error instanceof SessionEndedError || (isAnaplanError(error) && error.kind === "unauthorized")) {
      logEvent("session_ended", { reason: "upstream_401" });
      return withCookies(unauthenticated(), await endSession(session));
    }
    if (error instanceof AuthUnavailableError) return authUnavailable(error.retryAfterMs);
    response = errorFromUnknown(error, spec.errorContext);
  }
  return withCookies(response, cookies);
}

function authUnavailable(retryAfterMs: number | undefined): Response {
  logEvent("auth_unavailable");
  return apiError(503, "AUTH_UNAVAILABLE", MESSAGES.authUnavailable, {
    "Retry-After": String(retryAfterSeconds(retryAfterMs)),
  });
}

export function withCookies<T extends Response>(response: T, cookies: readonly CookieSpec[]): T {
  writeCookies(response.headers, cookies);
  return response;
}
