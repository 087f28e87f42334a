import "server-only";
import type { SessionData } from "./data";
import { needsTokenRefresh, TOUCH_INTERVAL_MS } from "./lifetime";
import { AuthUnavailableError, refreshSessionToken, SessionEndedError } from "./refresh";

export type Freshened =
  | { status: "ok"; data: SessionData; changed: boolean }
  /** Anaplan refused the refresh: the session is over. */
  | { status: "ended" }
  /** The token has expired and Anaplan's sign-in service could not be reached: keep the session, answer 503. */
  | { status: "unavailable"; retryAfterMs?: number };

/**
 * Refreshes the token ahead of its expiry and records activity (lastSeenAt), as route handlers and proxy.ts do
 * before answering. If the refresh cannot reach Anaplan while the token is still valid, the request goes on
 * with the current token: a network blip never signs anyone out.
 */
export async function freshenSession(data: SessionData, now: number = Date.now()): Promise<Freshened> {
  let next = data;
  let changed = false;
  if (needsTokenRefresh(next, now)) {
    try {
      next = await refreshSessionToken(next);
      changed = true;
    } catch (error) {
      if (error instanceof SessionEndedError) return { status: "ended" };
      if (!(error instanceof AuthUnavailableError)) throw error;
      if (now >= next.tokenExpiresAt) {
        return error.retryAfterMs === undefined
          ? { status: "unavailable" }
          : { status: "unavailable", retryAfterMs: error.retryAfterMs };
      }
    }
  }
  if (now - next.lastSeenAt >= TOUCH_INTERVAL_MS) {
    next = { ...next, lastSeenAt: now };
    changed = true;
  }
  return { status: "ok", data: next, changed };
}
