import "server-only";
import { unsealSession } from "./cookie";
import { checkLifetime } from "./lifetime";
import { isSessionRevoked } from "./revocation";
import type { SessionData } from "./data";

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
  if (await isSessionRevoked(data.sid, now)) return { status: "ended", reason: "revoked" };
  return { status: "active", data };
}
