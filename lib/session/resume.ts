import "server-only";
import {
  clearedCookie,
  sealSession,
  sessionCookie,
  sessionCookieName,
  SessionTooLargeError,
  type CookieSpec,
} from "./cookie";
import type { SessionData } from "./data";
import { readSession } from "./read";
import { freshenSession } from "./lifecycle";
import { sessionEndsAt, TOUCH_INTERVAL_MS } from "./lifetime";
import { revokeSession } from "./revocation";

export type EndReason = "invalid" | "idle" | "absolute" | "revoked" | "refresh_refused";

export type ResumedSession =
  /** No session cookie at all. */
  | { status: "none" }
  /** Unreadable, over, or refused by Anaplan: the cookie is cleared. */
  | { status: "ended"; reason: EndReason; cookies: CookieSpec[] }
  /** The token has expired and Anaplan's sign-in service cannot be reached: the session is kept. */
  | { status: "unavailable"; retryAfterMs?: number }
  /** `refreshed`: the token was renewed for this request. `cookies`: what to set when the cookie changed. */
  | { status: "active"; data: SessionData; refreshed: boolean; cookies: CookieSpec[] };

/**
 * The one way into a session, for route handlers and page navigations alike: unseal, check lifetimes and
 * revocation, refresh the token when due, record activity, and say which cookies the answer must carry.
 */
export async function resumeSession(
  cookieValue: string | undefined,
  now: number = Date.now(),
): Promise<ResumedSession> {
  const state = await readSession(cookieValue, now);
  if (state.status === "none") return state;
  if (state.status === "invalid") return { status: "ended", reason: "invalid", cookies: await endSession() };
  if (state.status === "ended") return { status: "ended", reason: state.reason, cookies: await endSession() };

  const fresh = await freshenSession(state.data, now);
  if (fresh.status === "ended")
    return { status: "ended", reason: "refresh_refused", cookies: await endSession(state.data) };
  if (fresh.status === "unavailable") return fresh;
  const refreshed = fresh.data.tokenExpiresAt !== state.data.tokenExpiresAt;
  if (!fresh.changed) return { status: "active", data: fresh.data, refreshed, cookies: [] };
  if (refreshed) return { status: "active", data: fresh.data, refreshed, cookies: await cookiesForUpdate(fresh.data) };
  const touch = await touchedOnce(cookieValue!, fresh.data, now);
  return { status: "active", data: touch.data, refreshed, cookies: touch.cookies };
}

/**
 * A touch (activity recorded once a minute) is sealed once per incoming cookie: the requests that still carry the
 * old cookie until the browser has stored the new one (polls of several tabs, a client that ignores Set-Cookie)
 * get the same new cookie instead of paying for a seal each, which cost more than the rest of a polled GET.
 */
const touched = new Map<string, { at: number; touch: Promise<{ data: SessionData; cookies: CookieSpec[] }> }>();
const TOUCHED_MAX = 10_000;

function touchedOnce(cookieValue: string, data: SessionData, now: number) {
  const hit = touched.get(cookieValue);
  if (hit && now - hit.at < TOUCH_INTERVAL_MS) return hit.touch;
  const touch = cookiesForUpdate(data).then((cookies) => ({ data, cookies }));
  touched.delete(cookieValue);
  touched.set(cookieValue, { at: now, touch });
  touch.catch(() => {
    if (touched.get(cookieValue)?.touch === touch) touched.delete(cookieValue);
  });
  if (touched.size > TOUCHED_MAX) touched.delete(touched.keys().next().value as string);
  return touch;
}

/** Ends a session: a readable one goes on the revocation list (every instance's, before this returns); the answer clears the cookie. */
export async function endSession(data?: SessionData): Promise<CookieSpec[]> {
  if (data) await revokeSession(data.sid, sessionEndsAt(data));
  return [clearedCookie(sessionCookieName())];
}

/** The cookie for a new session; throws SessionTooLargeError when it cannot fit. */
export async function cookieForNewSession(data: SessionData): Promise<CookieSpec> {
  return sessionCookie(await sealSession(data), data);
}

/** The cookie for an updated session; one that no longer fits keeps the previous cookie. */
export async function cookiesForUpdate(data: SessionData): Promise<CookieSpec[]> {
  try {
    return [await cookieForNewSession(data)];
  } catch (error) {
    if (error instanceof SessionTooLargeError) return [];
    throw error;
  }
}
