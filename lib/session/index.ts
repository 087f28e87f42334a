import "server-only";
import { randomBytes } from "node:crypto";
import { unsealSession } from "./cookie";
import type { SessionData } from "./data";
import { checkLifetime } from "./lifetime";
import { isSessionRevoked } from "./revocation";

export type { SessionData } from "./data";
export { toSessionInfo, userKeyOf } from "./data";
export {
  sessionCookieName,
  oauthStateCookieName,
  sealSession,
  sessionCookie,
  clearedCookie,
  SessionTooLargeError,
} from "./cookie";
export { needsTokenRefresh, TOUCH_INTERVAL_MS, sessionEndsAt } from "./lifetime";
export { revokeSession } from "./revocation";
export { refreshSessionToken, SessionEndedError, AuthUnavailableError } from "./refresh";
export { freshenSession, type Freshened } from "./lifecycle";
export { safeReturnTo } from "./return-to";

export type SessionState =
  /** No session cookie at all. */
  | { status: "none" }
  /** A cookie that cannot be read: forged, tampered, truncated, foreign, expired seal. */
  | { status: "invalid" }
  /** A readable cookie whose session is over (idle, absolute, signed out). */
  | { status: "ended"; reason: "idle" | "absolute" | "revoked" }
  | { status: "active"; data: SessionData };

export async function readSession(cookieValue: string | undefined, now: number = Date.now()): Promise<SessionState> {
  if (cookieValue === undefined) return { status: "none" };
  const data = await unsealSession(cookieValue);
  if (!data) return { status: "invalid" };
  const verdict = checkLifetime(data, now);
  if (verdict === "future") return { status: "invalid" };
  if (verdict !== "ok") return { status: "ended", reason: verdict };
  if (isSessionRevoked(data.sid, now)) return { status: "ended", reason: "revoked" };
  return { status: "active", data };
}

export function newSessionId(): string {
  return randomBytes(18).toString("base64url");
}
