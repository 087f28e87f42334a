import "server-only";
import type { NextRequest } from "next/server";
import { endSession, sessionCookieName } from "@/lib/session";
import { unsealSession } from "@/lib/session/cookie";
import { logEvent } from "@/lib/server/log";
import { logoutUpstream } from "./upstream-logout";

/**
 * A sign-in replaces the session this browser had: that one is revoked here and upstream, so its cookie (copied
 * anywhere) and its Anaplan token stop working. Any readable cookie counts, even one already idle or expired, since
 * its token may still be live. Called only once the new sign-in succeeded: a failed one leaves the old session be.
 */
export async function endReplacedSession(request: NextRequest, newTokens: readonly string[]): Promise<void> {
  const old = await unsealSession(request.cookies.get(sessionCookieName())?.value);
  if (!old) return;
  await endSession(old);
  logEvent("session_replaced", { method: old.authMethod });
  // A token handed out again must not be signed out under the new session.
  const token = newTokens.includes(old.token) ? undefined : old.token;
  const refreshToken = old.refreshToken && !newTokens.includes(old.refreshToken) ? old.refreshToken : undefined;
  await logoutUpstream({ token, refreshToken });
}
