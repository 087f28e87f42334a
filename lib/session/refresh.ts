import "server-only";
import { createHash } from "node:crypto";
import { isAnaplanError } from "@/lib/anaplan/errors";
import { refreshAuthToken } from "@/lib/anaplan/auth";
import { refreshOAuthToken } from "@/lib/anaplan/oauth";
import type { SessionData } from "./data";
import { DEFAULT_TOKEN_LIFETIME_MS } from "./lifetime";
import { processState } from "@/lib/server/process-state";
import { refreshOnceShared } from "./shared-store";

/** The refresh was refused: the token (or refresh token) is no longer valid, so the session is over. */
export class SessionEndedError extends Error {
  override name = "SessionEndedError";
}

/** Anaplan's sign-in service could not be asked (network, timeout, 5xx, 429): the session is kept. */
export class AuthUnavailableError extends Error {
  override name = "AuthUnavailableError";
  constructor(
    readonly kind: "timeout" | "network" | "upstream",
    readonly retryAfterMs?: number,
  ) {
    super("Anaplan's sign-in service could not be reached.");
  }
}

interface Refreshed {
  token: string;
  tokenExpiresAt: number;
  tokenIssuedAt: number;
  refreshToken?: string;
}

/**
 * Single-flight per token in this process (and, with DATABASE_URL, across instances: shared-store.ts): concurrent
 * requests carrying the same (old) cookie share one upstream refresh. The outcome is remembered for a while, so a
 * late request that still carries the old cookie adopts the new token instead of refreshing again — essential with
 * rotating OAuth refresh tokens, which are single-use.
 * Keys are hashes; tokens are never used as map keys or logged.
 */
const inflight = processState("refresh-inflight", () => new Map<string, Promise<Refreshed>>());
const recent = processState("refresh-recent", () => new Map<string, { value: Refreshed; until: number }>());
const RECENT_MS = 5 * 60 * 1000;
const MAX_RECENT = 10_000;
const REFRESH_TIMEOUT_MS = 10_000;

/** The token as it is now: Anaplan's basic refresh returns the same token value with a later expiry, so the expiry counts. */
function keyOf(data: SessionData): string {
  const token = data.authMethod === "oauth" && data.refreshToken ? `o:${data.refreshToken}` : `b:${data.token}`;
  const secret = `${token}|${data.tokenExpiresAt}`;
  return createHash("sha256").update(secret).digest("base64url");
}

/**
 * Returns the session with a fresh token. `force` (after an upstream 401) skips the remembered outcome, but
 * still joins a refresh already in flight.
 */
export async function refreshSessionToken(data: SessionData, options: { force?: boolean } = {}): Promise<SessionData> {
  const key = keyOf(data);
  const now = Date.now();
  if (!options.force) {
    const hit = recent.get(key);
    if (hit && hit.until > now && hit.value.tokenExpiresAt > data.tokenExpiresAt) return apply(data, hit.value);
  }
  let pending = inflight.get(key);
  if (!pending) {
    pending = refreshOnceShared(key, () => doRefresh(data)).then((value) => {
      remember(key, value);
      return value;
    });
    pending.finally(() => inflight.delete(key)).catch(() => undefined);
    inflight.set(key, pending);
  }
  return apply(data, await pending);
}

function apply(data: SessionData, value: Refreshed): SessionData {
  const next: SessionData = {
    ...data,
    token: value.token,
    tokenExpiresAt: value.tokenExpiresAt,
    tokenIssuedAt: value.tokenIssuedAt,
  };
  if (value.refreshToken) next.refreshToken = value.refreshToken;
  return next;
}

function remember(key: string, value: Refreshed): void {
  const now = Date.now();
  if (recent.size >= MAX_RECENT) {
    for (const [k, entry] of recent) if (entry.until <= now) recent.delete(k);
    if (recent.size >= MAX_RECENT) {
      const oldest = recent.keys().next().value;
      if (oldest !== undefined) recent.delete(oldest);
    }
  }
  recent.set(key, { value, until: now + RECENT_MS });
}

async function doRefresh(data: SessionData): Promise<Refreshed> {
  const issuedAt = Date.now();
  const signal = AbortSignal.timeout(REFRESH_TIMEOUT_MS);
  try {
    if (data.authMethod === "oauth") {
      if (!data.refreshToken) throw new SessionEndedError("The OAuth session has no refresh token.");
      const result = await refreshOAuthToken(data.refreshToken, { signal });
      const refreshed: Refreshed = {
        token: result.accessToken,
        tokenExpiresAt: validExpiry(result.expiresAt, issuedAt),
        tokenIssuedAt: issuedAt,
      };
      if (result.refreshToken) refreshed.refreshToken = result.refreshToken;
      return refreshed;
    }
    const info = await refreshAuthToken(data.token, { signal });
    return { token: info.tokenValue, tokenExpiresAt: validExpiry(info.expiresAt, issuedAt), tokenIssuedAt: issuedAt };
  } catch (error) {
    throw classifyRefreshError(error);
  }
}

export function validExpiry(expiresAt: number | undefined, issuedAt: number): number {
  return typeof expiresAt === "number" && Number.isFinite(expiresAt) && expiresAt > issuedAt
    ? Math.floor(expiresAt)
    : issuedAt + DEFAULT_TOKEN_LIFETIME_MS;
}

function classifyRefreshError(error: unknown): Error {
  if (error instanceof SessionEndedError) return error;
  if (isAnaplanError(error)) {
    switch (error.kind) {
      case "unauthorized":
      case "bad_credentials":
      case "bad_request":
      case "forbidden":
        return new SessionEndedError("Anaplan refused to refresh the token.");
      case "timeout":
        return new AuthUnavailableError("timeout");
      case "rate_limited":
        return new AuthUnavailableError("upstream", error.retryAfterMs);
      case "network":
      case "aborted":
        return new AuthUnavailableError("network");
      default:
        return new AuthUnavailableError("upstream");
    }
  }
  return new AuthUnavailableError("upstream");
}

/** Test hook: forget remembered refreshes between test cases. */
export function resetRefreshStateForTests(): void {
  inflight.clear();
  recent.clear();
}
