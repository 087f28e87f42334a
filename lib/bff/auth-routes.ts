import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { createAnaplanApi } from "@/lib/anaplan/api";
import { authenticateBasic, logoutAuthToken } from "@/lib/anaplan/auth";
import { isAnaplanError, type AnaplanError } from "@/lib/anaplan/errors";
import { buildAuthorizeUrl, exchangeAuthorizationCode } from "@/lib/anaplan/oauth";
import { getConfig } from "@/lib/config";
import {
  clearedCookie,
  cookieForNewSession,
  endSession,
  newSessionId,
  oauthStateCookieName,
  readSession,
  sessionCookieName,
  SessionTooLargeError,
  toSessionInfo,
  type CookieSpec,
  type SessionData,
} from "@/lib/session";
import { validExpiry } from "@/lib/session/refresh";
import { newOAuthState, sealOAuthState, statesMatch, unsealOAuthState } from "@/lib/session/oauth-state";
import { safeReturnTo } from "@/lib/shared/return-to";
import type { User } from "@/lib/shared/types";
import { publicRoute, withCookies } from "./handler";
import { apiError, jsonOk } from "./http-errors";
import { logEvent } from "@/lib/server/log";
import { clientKey } from "./client-address";
import { endReplacedSession } from "./replaced-session";
import { isSignInEmail } from "./sign-in-email";
import { outcomeOf, reserveSignIn, settleSignIn } from "./sign-in-limit";
import { waitSentence } from "./sign-in-policy";
import { logoutUpstream } from "./upstream-logout";

const credentialsSchema = z
  .object({
    email: z.string().trim().refine(isSignInEmail),
    password: z.string().min(1).max(1024),
  })
  .strict();

/** POST /api/session: basic sign-in. The password goes to Anaplan once and is never stored or logged. */
export const signInBasic = publicRoute(
  { body: credentialsSchema, invalidBodyMessage: "Enter your Anaplan email and password.", errorContext: "signIn" },
  async ({ request, body: { email, password } }) => {
    const reserved = await reserveSignIn(clientKey(request.headers), email);
    if (!reserved.ok) {
      logEvent("sign_in_throttled", { scope: reserved.scope });
      const seconds = Math.max(1, Math.ceil(reserved.waitMs / 1000));
      return apiError(429, "TOO_MANY_ATTEMPTS", waitSentence(reserved.scope, reserved.waitMs), {
        "Retry-After": String(seconds),
      });
    }

    let token: { tokenValue: string; expiresAt: number };
    const issuedAt = Date.now();
    try {
      token = await authenticateBasic({ email, password }, { signal: request.signal });
    } catch (error) {
      await settleSignIn(reserved.ticket, outcomeOf(error));
      if (
        isAnaplanError(error) &&
        (error.kind === "bad_credentials" || error.kind === "unauthorized" || error.kind === "forbidden")
      ) {
        logEvent("sign_in_failed", { method: "basic", reason: "credentials" });
      }
      throw error;
    }
    await settleSignIn(reserved.ticket, "success");

    let user: User;
    try {
      user = await createAnaplanApi({ token: token.tokenValue, signal: request.signal }).me();
    } catch (error) {
      void logoutAuthToken(token.tokenValue, { timeoutMs: 3000 }).catch(() => undefined);
      throw error;
    }

    const data = newSession("basic", token.tokenValue, token.expiresAt, issuedAt, user);
    let cookie: CookieSpec;
    try {
      cookie = await cookieForNewSession(data);
    } catch (error) {
      if (!(error instanceof SessionTooLargeError)) throw error;
      return apiError(
        502,
        "SESSION_TOO_LARGE",
        "Anaplan returned a sign-in too large to keep in a cookie. Tell your administrator.",
      );
    }
    await endReplacedSession(request, [token.tokenValue]);
    logEvent("sign_in", { method: "basic" });
    return withCookies(jsonOk(toSessionInfo(data)), [cookie]);
  },
);

/** A fresh session for a user just signed in with `token`. */
function newSession(
  authMethod: SessionData["authMethod"],
  token: string,
  expiresAt: number,
  issuedAt: number,
  user: User,
): SessionData {
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
  const fields = {
    id: String(user.id).slice(0, 200),
    email: user.email.slice(0, 320),
    name: (name || user.email).slice(0, 200),
  };
  return user.customerId ? { ...fields, tenantId: user.customerId.slice(0, 200) } : fields;
}

/** DELETE /api/session: revoke upstream, forget the session id, clear the cookie. Always answers 204. */
export const signOut = publicRoute({}, async ({ request }) => {
  const state = await readSession(request.cookies.get(sessionCookieName())?.value);
  const cookies = await endSession(state.status === "active" ? state.data : undefined);
  if (state.status === "active") {
    logEvent("sign_out", { method: state.data.authMethod });
    await logoutUpstream(state.data);
  }
  const response = withCookies(new NextResponse(null, { status: 204 }), cookies);
  response.headers.set("Clear-Site-Data", '"cache"');
  return response;
});

// ---------- OAuth 2.0 authorization code ----------

export function oauthRedirectUri(): string {
  return `${getConfig().appOrigin}/api/auth/oauth/callback`;
}

function redirectTo(path: string): NextResponse {
  return NextResponse.redirect(new URL(path, getConfig().appOrigin), 303);
}

function loginError(code: string): NextResponse {
  logEvent("sign_in_failed", { method: "oauth", reason: code });
  return withCookies(redirectTo(`/login?error=${encodeURIComponent(code)}`), [clearedCookie(oauthStateCookieName())]);
}

/** GET /api/auth/oauth/start?returnTo=…: bind a fresh state (and PKCE verifier) to this browser, go to Anaplan. */
export const oauthStart = publicRoute({}, async ({ request }) => {
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
  return withCookies(response, [cookie]);
});

/**
 * GET /api/auth/oauth/callback: checks the state against the browser-bound cookie before anything else; every
 * failure lands on /login?error=<code> with no session and the state cookie cleared.
 */
export const oauthCallback = publicRoute({}, async ({ request }) => {
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
  let cookie: CookieSpec;
  try {
    cookie = await cookieForNewSession(data);
  } catch (err) {
    if (err instanceof SessionTooLargeError) return loginError("session_too_large");
    throw err;
  }
  await endReplacedSession(request, [tokens.accessToken, ...(tokens.refreshToken ? [tokens.refreshToken] : [])]);
  logEvent("sign_in", { method: "oauth" });
  return withCookies(redirectTo(safeReturnTo(pending.returnTo, config.appOrigin)), [
    clearedCookie(oauthStateCookieName()),
    cookie,
  ]);
});

function oauthFailureCode(error: unknown): string {
  if (!isAnaplanError(error)) return "oauth_failed";
  const kind = (error as AnaplanError).kind;
  if (kind === "network" || kind === "timeout" || kind === "upstream_error") return "anaplan_unavailable";
  return "oauth_failed";
}
