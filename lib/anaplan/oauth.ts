import "server-only";
import { getConfig } from "@/lib/config";
import { AnaplanError } from "./errors";
import { DEFAULT_TIMEOUT_MS, buildUrl, requestJson, type HttpRequest } from "./http";
import { resolvePolicy, type RetryPolicy } from "./retry";
import { oauthErrorBody, oauthTokenResponse } from "./schemas";

/**
 * Anaplan's OAuth 2.0 service (authorization-code grant and refresh) on the OAuth host (`/auth/authorize`,
 * `/oauth/token`). Request bodies are JSON (confirmed live).
 *
 * Token requests are never repeated once they may have reached Anaplan: an authorization code is single-use and
 * a rotatable refresh token is invalidated by use, so a blind retry after a lost response would turn a success
 * into `invalid_grant` (or revoke the token family). Only connect failures and 429 are retried.
 */

export const DEFAULT_OAUTH_SCOPE = "openid profile email offline_access";
/** Anaplan's documented access-token lifetime, used when `expires_in` is missing. */
const DEFAULT_EXPIRES_IN_SECONDS = 2100;

export interface OAuthTokens {
  accessToken: string;
  refreshToken?: string;
  /** Milliseconds since the epoch, from `expires_in`. */
  expiresAt: number;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface OAuthCallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Defaults to `getConfig().anaplanOAuthUrl`. */
  oauthUrl?: string;
  /** Defaults to `getConfig().oauth`. */
  client?: OAuthClient;
  retry?: Partial<RetryPolicy>;
}

/**
 * The URL to send the browser to. `codeChallenge` (S256) adds PKCE; Anaplan's support for it is not documented,
 * and servers ignore parameters they do not know.
 */
export function buildAuthorizeUrl(params: {
  clientId: string;
  redirectUri: string;
  state: string;
  scope?: string;
  codeChallenge?: string;
  oauthUrl?: string;
}): string {
  const url = new URL(buildUrl(params.oauthUrl ?? getConfig().anaplanOAuthUrl, ["auth", "authorize"]));
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", params.clientId);
  url.searchParams.set("redirect_uri", params.redirectUri);
  url.searchParams.set("scope", params.scope ?? DEFAULT_OAUTH_SCOPE);
  url.searchParams.set("state", params.state);
  if (params.codeChallenge) {
    url.searchParams.set("code_challenge", params.codeChallenge);
    url.searchParams.set("code_challenge_method", "S256");
  }
  return url.href;
}

function client(options: OAuthCallOptions): OAuthClient {
  const configured = options.client ?? getConfig().oauth;
  if (!configured) {
    throw new AnaplanError(
      "bad_request",
      "OAuth sign-in is not configured; set ANAPLAN_OAUTH_CLIENT_ID and ANAPLAN_OAUTH_CLIENT_SECRET.",
    );
  }
  return configured;
}

function mapOAuthError(status: number, body: unknown): AnaplanError | undefined {
  const parsed = oauthErrorBody.safeParse(body);
  const code = parsed.success ? parsed.data.error : undefined;
  switch (code) {
    case "invalid_grant":
      return new AnaplanError("unauthorized", "The Anaplan sign-in has expired or was already used; sign in again.", {
        status,
      });
    case "access_denied":
      return new AnaplanError("forbidden", "Anaplan refused access for this sign-in.", { status });
    case "invalid_client":
    case "unauthorized_client":
      return new AnaplanError(
        "bad_request",
        "Anaplan rejected Export Desk's OAuth client; check ANAPLAN_OAUTH_CLIENT_ID and ANAPLAN_OAUTH_CLIENT_SECRET.",
        { status },
      );
    case "invalid_request":
    case "unsupported_grant_type":
    case "invalid_scope":
      return new AnaplanError("bad_request", "Anaplan rejected the OAuth token request as invalid.", { status });
    default:
      return status === 401
        ? new AnaplanError("unauthorized", "Anaplan did not accept the sign-in; sign in again.", { status })
        : undefined;
  }
}

async function tokenRequest(
  body: Record<string, string>,
  what: string,
  options: OAuthCallOptions,
): Promise<OAuthTokens> {
  const req: HttpRequest = {
    method: "POST",
    url: buildUrl(options.oauthUrl ?? getConfig().anaplanOAuthUrl, ["oauth", "token"]),
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify(body),
    what,
    service: "oauth",
    mode: "not-after-send",
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    policy: resolvePolicy(options.retry),
    mapError: mapOAuthError,
  };
  if (options.signal) req.signal = options.signal;
  const data = await requestJson(req, oauthTokenResponse);
  const tokens: OAuthTokens = {
    accessToken: data.access_token,
    expiresAt: Date.now() + (data.expires_in ?? DEFAULT_EXPIRES_IN_SECONDS) * 1000,
  };
  if (data.refresh_token) tokens.refreshToken = data.refresh_token;
  return tokens;
}

/** `POST /oauth/token` with `grant_type=authorization_code`. */
export async function exchangeAuthorizationCode(
  params: { code: string; redirectUri: string; codeVerifier?: string },
  options: OAuthCallOptions = {},
): Promise<OAuthTokens> {
  const { clientId, clientSecret } = client(options);
  const body: Record<string, string> = {
    grant_type: "authorization_code",
    client_id: clientId,
    client_secret: clientSecret,
    code: params.code,
    redirect_uri: params.redirectUri,
  };
  if (params.codeVerifier) body.code_verifier = params.codeVerifier;
  return tokenRequest(body, "completing the Anaplan sign-in", options);
}

/** `POST /oauth/token` with `grant_type=refresh_token`. Keep the returned refresh token: it may have rotated. */
export async function refreshOAuthToken(refreshToken: string, options: OAuthCallOptions = {}): Promise<OAuthTokens> {
  if (!refreshToken) {
    throw new AnaplanError("unauthorized", "There is no Anaplan session to refresh; sign in again.");
  }
  const { clientId, clientSecret } = client(options);
  return tokenRequest(
    { grant_type: "refresh_token", client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken },
    "refreshing the Anaplan session",
    options,
  );
}
