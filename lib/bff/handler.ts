import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { createAnaplanApi, type AnaplanApi, type AnaplanApiOptions } from "@/lib/anaplan/api";
import { isAnaplanError } from "@/lib/anaplan/errors";
import { getConfig } from "@/lib/config";
import {
  AuthUnavailableError,
  clearedCookie,
  freshenSession,
  readSession,
  refreshSessionToken,
  revokeSession,
  sealSession,
  sessionCookie,
  sessionCookieName,
  sessionEndsAt,
  SessionEndedError,
  SessionTooLargeError,
  userKeyOf,
  type SessionData,
} from "@/lib/session";
import { readJsonBody } from "./body";
import { checkCsrf } from "./csrf";
import { apiError, errorFromUnknown, MESSAGES, retryAfterSeconds, unauthenticated, withApiHeaders, type ErrorContext } from "./http-errors";
import { validateIds, type IdName, type Ids } from "./ids";
import { logEvent } from "./log";

/** Tests only: shorter upstream timeouts / retry budgets, so fault tests do not wait 15 s per attempt. */
let apiOverrides: Partial<Pick<AnaplanApiOptions, "timeoutMs" | "retry" | "downloadTimeoutMs">> = {};
export function setApiOptionsForTests(overrides: typeof apiOverrides): void {
  apiOverrides = overrides;
}

export interface BffContext<K extends IdName, B> {
  request: NextRequest;
  session: SessionData;
  api: AnaplanApi;
  userKey: string;
  ids: Ids<K>;
  body: B;
}

export interface BffSpec<K extends IdName, B> {
  /** Route params (already awaited) and the ids they must contain. */
  params?: Record<string, unknown>;
  ids?: readonly K[];
  /** POST/DELETE: CSRF header, exact Origin, JSON content type. */
  csrf?: boolean;
  /** Strict schema for a JSON body (POST). */
  body?: z.ZodType<B>;
  allowEmptyBody?: boolean;
  errorContext?: ErrorContext;
}

/**
 * Every session-bound BFF route goes through here, in this order, so bad input never costs an upstream call:
 * CSRF → ids → body → session (unseal, lifetimes, revocation) → token refresh when near expiry → the route's
 * work, with one refresh-and-retry on an upstream 401 → cookie update → no-store headers.
 */
export async function bff<K extends IdName = never, B = undefined>(
  request: NextRequest,
  spec: BffSpec<K, B>,
  run: (ctx: BffContext<K, B>) => Promise<Response>,
): Promise<Response> {
  if (spec.csrf) {
    const verdict = checkCsrf(request.headers, getConfig().appOrigin, { requireJson: request.method === "POST" });
    if (!verdict.ok) {
      logEvent("csrf_rejected", { reason: verdict.reason, method: request.method });
      return apiError(verdict.status, verdict.code, verdict.message);
    }
  }

  const ids = validateIds(spec.params ?? {}, spec.ids ?? []);
  if (!ids) {
    logEvent("invalid_id", { method: request.method });
    return apiError(400, "INVALID_ID", "The address contains an invalid workspace, model, export or task id.");
  }

  let body = undefined as B;
  if (spec.body) {
    const parsed = await readJsonBody(request, spec.body, { allowEmpty: spec.allowEmptyBody ?? false });
    if (!parsed.ok) return apiError(parsed.status, parsed.code, parsed.message);
    body = parsed.value;
  }

  const cookieName = sessionCookieName();
  const state = await readSession(request.cookies.get(cookieName)?.value);
  if (state.status === "none") return unauthenticated();
  if (state.status !== "active") {
    logEvent(state.status === "invalid" ? "session_unreadable" : "session_ended", state.status === "ended" ? { reason: state.reason } : {});
    return endSession(undefined);
  }

  const fresh = await freshenSession(state.data);
  if (fresh.status === "ended") {
    logEvent("session_ended", { reason: "refresh_refused" });
    return endSession(state.data);
  }
  if (fresh.status === "unavailable") {
    logEvent("auth_unavailable");
    return apiError(503, "AUTH_UNAVAILABLE", MESSAGES.authUnavailable, { "Retry-After": String(retryAfterSeconds(fresh.retryAfterMs)) });
  }
  let session = fresh.data;
  let changed = fresh.changed;
  const refreshedNow = session.tokenExpiresAt !== state.data.tokenExpiresAt;

  const attempt = () =>
    run({
      request,
      session,
      api: createAnaplanApi({ ...apiOverrides, token: session.token, signal: request.signal }),
      userKey: userKeyOf(session),
      ids,
      body,
    });

  let response: Response;
  try {
    try {
      response = await attempt();
    } catch (error) {
      if (!isAnaplanError(error) || error.kind !== "unauthorized") throw error;
      // One refresh-and-retry. A 401 means Anaplan did not act on the request, so retrying a start is safe.
      // A token refreshed moments ago that still gets a 401 was revoked: the session is over.
      if (refreshedNow) throw error;
      session = await refreshSessionToken(session, { force: true });
      changed = true;
      response = await attempt();
    }
  } catch (error) {
    if (error instanceof SessionEndedError || (isAnaplanError(error) && error.kind === "unauthorized")) {
      logEvent("session_ended", { reason: "upstream_401" });
      return endSession(session);
    }
    if (error instanceof AuthUnavailableError) {
      logEvent("auth_unavailable");
      return apiError(503, "AUTH_UNAVAILABLE", MESSAGES.authUnavailable, {
        "Retry-After": String(retryAfterSeconds(error.retryAfterMs)),
      });
    }
    response = errorFromUnknown(error, spec.errorContext);
  }

  if (changed) {
    try {
      const sealed = await sealSession(session);
      appendCookie(response, sessionCookie(sealed, session));
    } catch (error) {
      if (!(error instanceof SessionTooLargeError)) throw error;
    }
  }
  return withApiHeaders(response);
}

/** 401 UNAUTHENTICATED with the cookie cleared; a readable session is also put on the revocation list. */
export function endSession(session: SessionData | undefined): Response {
  if (session) revokeSession(session.sid, sessionEndsAt(session));
  const response = unauthenticated();
  appendCookie(response, clearedCookie(sessionCookieName()));
  return response;
}

type CookieSpecLike = ReturnType<typeof clearedCookie>;

/** Works on any Response (streams included), not only NextResponse. */
export function appendCookie(response: Response, spec: CookieSpecLike): void {
  const parts = [`${spec.name}=${spec.value}`, `Path=${spec.path}`, `Max-Age=${spec.maxAge}`];
  if (spec.maxAge === 0) parts.push("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
  parts.push("HttpOnly");
  if (spec.secure) parts.push("Secure");
  parts.push("SameSite=Lax");
  response.headers.append("Set-Cookie", parts.join("; "));
}
