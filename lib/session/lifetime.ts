/** Session lifetimes, enforced in code (the seal's own ttl is only an upper bound). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** lastSeenAt is rewritten at most this often, so not every request re-seals the cookie. */
export const TOUCH_INTERVAL_MS = 60 * 1000;
/** Tolerated clock skew for timestamps in the future. */
export const CLOCK_SKEW_MS = 60 * 1000;
/** Anaplan's own token lifetime, used only when a token comes without an expiry. */
export const DEFAULT_TOKEN_LIFETIME_MS = 35 * 60 * 1000;

export interface LifetimeFields {
  createdAt: number;
  lastSeenAt: number;
}

export type LifetimeVerdict = "ok" | "absolute" | "idle" | "future";

export function checkLifetime(data: LifetimeFields, now: number): LifetimeVerdict {
  if (data.createdAt > now + CLOCK_SKEW_MS || data.lastSeenAt > now + CLOCK_SKEW_MS) return "future";
  if (now - data.createdAt >= SESSION_ABSOLUTE_MS) return "absolute";
  if (now - data.lastSeenAt >= SESSION_IDLE_MS) return "idle";
  return "ok";
}

/** When the session ends at the latest (absolute limit), ms since the epoch. */
export function sessionEndsAt(data: LifetimeFields): number {
  return data.createdAt + SESSION_ABSOLUTE_MS;
}

export function needsTokenRefresh(token: { tokenExpiresAt: number; tokenIssuedAt: number }, now: number): boolean {
  // Half the lifetime: any session with a request at least every half-lifetime (open pages send one every
  // 10 minutes; Anaplan's tokens live 35) renews before its token lapses, since an expired token cannot be refreshed.
  const lifetime = Math.max(0, token.tokenExpiresAt - token.tokenIssuedAt);
  return token.tokenExpiresAt - now < lifetime / 2;
}

/**
 * How often an open page asks for the session, so a token is always refreshed before it lapses: a third of its
 * lifetime (refresh is due at half), at most every 10 minutes, at least every 2 seconds.
 */
export function keepAliveIntervalMs(token: { tokenExpiresAt: number; tokenIssuedAt: number }): number {
  const lifetime = Math.max(0, token.tokenExpiresAt - token.tokenIssuedAt);
  return Math.max(2_000, Math.min(10 * 60_000, Math.floor(lifetime / 3)));
}
