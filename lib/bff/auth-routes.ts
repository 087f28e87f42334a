import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { createAnaplanApi } from "@/lib/anaplan/api";
import { authenticateBasic, logoutAuthToken } from "@/lib/anaplan/auth";
import { isAnaplanError, type AnaplanError } from "@/lib/anaplan/errors";
import { buildAuthorizeUrl, exchangeAuthorizationCode, refreshOAuthToken } from "@/lib/anaplan/oauth";
import { getConfig } from "@/lib/config";
import {
  clearedCookie,
  newSessionId,
  oauthStateCookieName,
  readSession,
  revokeSession,
  safeReturnTo,
  sealSession,
  sessionCookie,
  sessionCookieName,
  sessionEndsAt,
  SessionTooLargeError,
  toSessionInfo,
  type SessionData,
} from "@/lib/session";
import { validExpiry } from "@/lib/session/refresh";
import { newOAuthState, sealOAuthState, statesMatch, unsealOAuthState } from "@/lib/session/oauth-state";
import type { User } from "@/lib/shared/types";
import { readJsonBody } from "./body";
import { checkCsrf } from "./csrf";
import { appendCookie } from "./handler";
import { apiError, errorFromUnknown, jsonOk, withApiHeaders } from "./http-errors";
import { logEvent } from "./log";
import { clearSignInFailures, recordSignInFailure, signInBlockedFor } from "./sign-in-limit";

const credentialsSchema = z
  .object({
    email: z.string().trim().min(3).max(320),
    password: z.string().min(1).max(1024),
  })
  .strict();

/** POST /api/session: basic sign-in. The password goes to Anaplan once and is never stored or logged. */
export async function signInBasic(request: NextRequest): Promise<Response> {
  const verdict = checkCsrf(request.headers, getConfig().appOrigin, { requireJson: true });
  if (!verdict.ok) {
    logEvent("csrf_rejected", { reason: verdict.reason, route: "sign-in" });
    return apiError(verdict.status, verdict.code, verdict.message);
  }
  const body = await readJsonBody(request, credentialsSchema);
  if (!body.ok) {
    return apiError(body.status, body.code, body.status === 400 ? "Enter your Anaplan email and password." : body.message);
  }
  const { email, password } = body.value;

  const blockedMs = signInBlockedFor(email);
  if (blockedMs > 0) {
    logEvent("sign_in_throttled");
    return apiError(429, "TOO_MANY_ATTEMPTS", "Too many failed sign-ins for this email. Wait a few minutes before trying again.", {
      "Retry-After": String(Math.ceil(blockedMs / 1000)),
    });
  }

  let token: { tokenValue: string; expiresAt: number };
  const issuedAt = Date.now();
  try {
    token = await authenticateBasic({ email, password }, { signal: request.signal });
  } catch (error) {
    if (isAnaplanError(error) && (error.kind === "bad_credentials" || error.kind === "unauthorized" || error.kind === "forbidden")) {
      recordSignInFailure(email);
      logEvent("sign_in_failed", { method: "basic", reason: "credentials" });
    }
    return errorFromUnknown(error, "signIn");
  }
  clearSignInFailures(email);

  let user: User;
  try {
    user = await createAnaplanApi({ token: token.tokenValue, signal: request.signal }).me();
  } catch (error) {
    void logoutAuthToken(token.tokenValue, { timeoutMs: 3000 }).catch(() => undefined);
    return errorFromUnknown(error, "signIn");
  }

  const data = newSession("basic", token.tokenValue, token.expiresAt, issuedAt, user);
  logEvent("sign_in", { method: "basic" });
  return sessionResponse(data, jsonOk(toSessionInfo(data)));
}

/** A fresh session for a user just signed in with `token`. */
function newSession(authMethod: SessionData["authMethod"], token: string, expiresAt: number, issuedAt: number, user: User): SessionData {
  const now = Date.now();
  return {
    v: 1,
    sid: newSessionId(),
    authMethod,
    token,
    tokenExpiresAt: validExpiry(expiresAt, issuedAt),
    tokenIssuedAt: issuedAt,
    user: userFields(user),
    createdAt: now,
    lastSeenAt: now,
  };
}

function userFields(user: User): SessionData["user"] {
  const name = [user.firstName, user.lastName].filter(Boolean).join(" ").trim();
  return { id: String(user.id).slice(0, 200), email: user.email.slice(0, 320), name: (name || user.email).slice(0, 200) };
}

async function sessionResponse<T extends Response>(data: SessionData, response: T): Promise<Response> {
  try {
    appendCookie(response, sessionCookie(await sealSession(data), data));
  } catch (error) {
    if (error instanceof SessionTooLargeError) {
      return apiError(502, "SESSION_TOO_LARGE", "Anaplan returned a sign-in too large to keep in a cookie. Tell your administrator.");
    }
    throw error;
  }
  return withApiHeaders(response);
}

/** DELETE /api/session: revoke upstream, forget the session id, clear the cookie. Always answers 204. */
export async function signOut(request: NextRequest): Promise<Response> {
  const verdict = checkCsrf(request.headers, getConfig().appOrigin, { requireJson: false });
  if (!verdict.ok) {
    logEvent("csrf_rejected", { reason: verdict.reason, route: "sign-out" });
    return apiError(verdict.status, verdict.code, verdict.message);
  }
  const state = await readSession(request.cookies.get(sessionCookieName())?.value);
  if (state.status === "active") {
    logEvent("sign_out", { method: state.data.authMethod });
    revokeSession(state.data.sid, sessionEndsAt(state.data));
    await Promise.all([
      logoutAuthToken(state.data.token, { timeoutMs: 3000, retry: { maxAttempts: 1 } }).catch(() => undefined),
      state.data.refreshToken ? burnRefreshToken(state.data.refreshToken) : undefined,
    ]);
  }
  const response = new NextResponse(null, { status: 204 });
  appendCookie(response, clearedCookie(sessionCookieName()));
  response.headers.set("Clear-Site-Data", '"cache"');
  return withApiHeaders(response);
}

/**
 * Anaplan documents no OAuth revocation endpoint. A rotating refresh token is single-use, so spending it once
 * (and signing out the access token that comes back) leaves a copied cookie with a dead refresh token.
 * Best effort: failures are ignored.
 */
async function burnRefreshToken(refreshToken: string): Promise<void> {
  try {
    const tokens = await refreshOAuthToken(refreshToken, { timeoutMs: 3000, retry: { maxAttempts: 1 } });
    await logoutAuthToken(tokens.accessToken, { timeoutMs: 3000, retry: { maxAttempts: 1 } });
  } catch {
    // the session is over locally either way
  }
}

// ---------- OAuth 2.0 authorization code ----------

export function oauthRedirectUri(): string {
  return `${getConfig().appOrigin}/api/auth/oauth/callback`;
}

function redirectTo(path: string): NextResponse {
  const response = NextResponse.redirect(new URL(path, getConfig().appOrigin), 303);
  return withApiHeaders(response);
}

function loginError(code: string): NextResponse {
  logEvent("sign_in_failed", { method: "oauth", reason: code });
  const response = redirectTo(`/login?error=${encodeURIComponent(code)}`);
  appendCookie(response, clearedCookie(oauthStateCookieName()));
  return response;
}

/** GET /api/auth/oauth/start?returnTo=…: bind a fresh state (and PKCE verifier) to this browser, go to Anaplan. */
export async function oauthStart(request: NextRequest): Promise<Response> {
  const config = getConfig();
  if (!config.oauth) return loginError("oauth_not_configured");
  const returnTo = safeReturnTo(request.nextUrl.searchParams.get("returnTo"), config.appOrigin);
  const state = newOAuthState();
  const codeVerifier = randomBytes(32).toString("base64url");
  const codeChallenge = createHash("sha256").update(codeVerifier).digest("base64url");
  const cookie = await sealOAuthState({ state, codeVerifier, returnTo, createdAt: Date.now() });
  const response = NextResponse.redirect(
    buildAuthorizeUrl({ clientId: config.oauth.clientId, redirectUri: oauthRedirectUri(), state, codeChallenge }),
    303,
  );
  appendCookie(response, cookie);
  return withApiHeaders(response);
}

/**
 * GET /api/auth/oauth/callback: checks the state against the browser-bound cookie before anything else; every
 * failure lands on /login?error=<code> with no session and the state cookie cleared.
 */
export async function oauthCallback(request: NextRequest): Promise<Response> {
  const config = getConfig();
  if (!config.oauth) return loginError("oauth_not_configured");
  const params = request.nextUrl.searchParams;
  const pending = await unsealOAuthState(request.cookies.get(oauthStateCookieName())?.value);

  const error = params.get("error");
  if (error !== null) return loginError(error === "access_denied" ? "access_denied" : "oauth_failed");

  const state = params.get("state");
  if (!pending || !state || !statesMatch(pending.state, state)) return loginError("state_mismatch");

  const code = params.get("code");
  if (!code || code.length > 4096) return loginError("oauth_failed");

  const issuedAt = Date.now();
  let tokens: { accessToken: string; refreshToken?: string; expiresAt: number };
  try {
    tokens = await exchangeAuthorizationCode(
      { code, redirectUri: oauthRedirectUri(), codeVerifier: pending.codeVerifier },
      { signal: request.signal },
    );
  } catch (err) {
    return loginError(oauthFailureCode(err));
  }

  let user: User;
  try {
    user = await createAnaplanApi({ token: tokens.accessToken, signal: request.signal }).me();
  } catch (err) {
    return loginError(oauthFailureCode(err));
  }

  const data = newSession("oauth", tokens.accessToken, tokens.expiresAt, issuedAt, user);
  if (tokens.refreshToken) data.refreshToken = tokens.refreshToken;

  logEvent("sign_in", { method: "oauth" });
  const response = redirectTo(safeReturnTo(pending.returnTo, config.appOrigin));
  appendCookie(response, clearedCookie(oauthStateCookieName()));
  try {
    appendCookie(response, sessionCookie(await sealSession(data), data));
  } catch (err) {
    if (err instanceof SessionTooLargeError) return loginError("session_too_large");
    throw err;
  }
  return response;
}

function oauthFailureCode(error: unknown): string {
  if (!isAnaplanError(error)) return "oauth_failed";
  const kind = (error as AnaplanError).kind;
  if (kind === "network" || kind === "timeout" || kind === "upstream_error") return "anaplan_unavailable";
  return "oauth_failed";
}
