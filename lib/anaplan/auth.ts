import "server-only";
import { getConfig } from "@/lib/config";
import { AnaplanError } from "./errors";
import { DEFAULT_TIMEOUT_MS, requestEmpty, requestJson, buildUrl, type HttpRequest } from "./http";
import { resolvePolicy, type RetryPolicy } from "./retry";
import { authFailureBody, authTokenResponse, validateResponse } from "./schemas";

/**
 * Anaplan's authentication service (`/token/*` on the auth host): basic sign-in, refresh, validate, logout.
 * These calls are safe to repeat (a second authenticate only mints a token we then use; refresh returns the same
 * token value), so they are retried like GETs.
 */

export interface TokenInfo {
  tokenValue: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  tokenId?: string;
  refreshTokenId?: string;
}

export interface TokenValidation {
  expiresAt: number;
  /** The login email. */
  userId?: string;
  userGuid?: string;
  customerGuid?: string;
}

export interface AuthCallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Defaults to `getConfig().anaplanAuthUrl`. */
  authUrl?: string;
  retry?: Partial<RetryPolicy>;
}

function baseRequest(
  method: "GET" | "POST",
  path: string[],
  what: string,
  headers: Record<string, string>,
  options: AuthCallOptions,
): HttpRequest {
  const req: HttpRequest = {
    method,
    url: buildUrl(options.authUrl ?? getConfig().anaplanAuthUrl, path),
    headers: { Accept: "application/json", ...headers },
    what,
    service: "auth",
    mode: "idempotent",
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    policy: resolvePolicy(options.retry),
  };
  if (options.signal) req.signal = options.signal;
  return req;
}

function tokenHeader(token: string): Record<string, string> {
  if (!token) throw new AnaplanError("unauthorized", "There is no Anaplan session; sign in again.");
  return { Authorization: `AnaplanAuthToken ${token}` };
}

/** The auth host answers FAILURE_* statuses; 401 is a bad credential or a dead token. */
function mapAuthFailure(credentialsCall: boolean) {
  return (status: number, body: unknown): AnaplanError | undefined => {
    const parsed = authFailureBody.safeParse(body);
    const code = parsed.success ? parsed.data.status : undefined;
    if (status === 401 || code === "FAILURE_BAD_CREDENTIAL") {
      return credentialsCall
        ? new AnaplanError("bad_credentials", "Anaplan did not accept that email and password.", { status })
        : new AnaplanError("unauthorized", "The Anaplan session has expired or was revoked; sign in again.", {
            status,
          });
    }
    if (credentialsCall && status === 400 && code === "FAILURE_BAD_HEADER") {
      // Anaplan answers a malformed Basic header (e.g. characters it cannot decode) this way.
      return new AnaplanError("bad_credentials", "Anaplan did not accept that email and password.", { status });
    }
    return undefined;
  };
}

/** A 2xx auth body can still say FAILURE_…; treat that as the failure it names. */
function checkSuccess(status: string | undefined, credentialsCall: boolean): void {
  if (status !== undefined && status.startsWith("FAILURE")) {
    throw credentialsCall
      ? new AnaplanError("bad_credentials", "Anaplan did not accept that email and password.")
      : new AnaplanError("unauthorized", "The Anaplan session has expired or was revoked; sign in again.");
  }
}

function toTokenInfo(data: {
  tokenInfo: {
    tokenValue: string;
    expiresAt: number;
    tokenId?: string | undefined;
    refreshTokenId?: string | undefined;
  };
}): TokenInfo {
  const info: TokenInfo = { tokenValue: data.tokenInfo.tokenValue, expiresAt: data.tokenInfo.expiresAt };
  if (data.tokenInfo.tokenId) info.tokenId = data.tokenInfo.tokenId;
  if (data.tokenInfo.refreshTokenId) info.refreshTokenId = data.tokenInfo.refreshTokenId;
  return info;
}

/** `POST /token/authenticate` with Basic credentials (201). Wrong credentials → `bad_credentials`. */
export async function authenticateBasic(
  credentials: { email: string; password: string },
  options: AuthCallOptions = {},
): Promise<TokenInfo> {
  if (!credentials.email || !credentials.password) {
    throw new AnaplanError("bad_credentials", "Enter both your Anaplan email and password.");
  }
  const basic = Buffer.from(`${credentials.email}:${credentials.password}`, "utf8").toString("base64");
  const req = baseRequest("POST", ["token", "authenticate"], "sign-in", { Authorization: `Basic ${basic}` }, options);
  req.credentialsCall = true;
  req.mapError = mapAuthFailure(true);
  const data = await requestJson(req, authTokenResponse);
  checkSuccess(data.status, true);
  return toTokenInfo(data);
}

/** `POST /token/refresh`: a later `expiresAt` (and, per Anaplan, possibly a new value — always use the returned one). */
export async function refreshAuthToken(token: string, options: AuthCallOptions = {}): Promise<TokenInfo> {
  const req = baseRequest("POST", ["token", "refresh"], "refreshing the Anaplan session", tokenHeader(token), options);
  req.mapError = mapAuthFailure(false);
  const data = await requestJson(req, authTokenResponse);
  checkSuccess(data.status, false);
  return toTokenInfo(data);
}

/** `GET /token/validate`. An expired or revoked token → `unauthorized`. */
export async function validateAuthToken(token: string, options: AuthCallOptions = {}): Promise<TokenValidation> {
  const req = baseRequest("GET", ["token", "validate"], "checking the Anaplan session", tokenHeader(token), options);
  req.mapError = mapAuthFailure(false);
  const data = await requestJson(req, validateResponse);
  checkSuccess(data.status, false);
  const result: TokenValidation = { expiresAt: data.tokenInfo.expiresAt };
  if (data.userInfo?.userId) result.userId = data.userInfo.userId;
  if (data.userInfo?.userGuid) result.userGuid = data.userInfo.userGuid;
  if (data.userInfo?.customerGuid) result.customerGuid = data.userInfo.customerGuid;
  return result;
}

/**
 * `POST /token/logout` (204). A token Anaplan already considers dead (401) counts as logged out, since that is
 * the goal; other failures are thrown so the caller can decide (the session is cleared locally either way).
 */
export async function logoutAuthToken(token: string, options: AuthCallOptions = {}): Promise<void> {
  const req = baseRequest("POST", ["token", "logout"], "signing out of Anaplan", tokenHeader(token), options);
  req.mapError = mapAuthFailure(false);
  try {
    await requestEmpty(req);
  } catch (err) {
    if (err instanceof AnaplanError && err.kind === "unauthorized") return;
    throw err;
  }
}
