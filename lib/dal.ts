import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { createAnaplanApi, type AnaplanApi } from "@/lib/anaplan/api";
import { readSession, safeReturnTo, sessionCookieName, toSessionInfo, userKeyOf, type SessionState } from "@/lib/session";
import type { SessionInfo } from "@/lib/shared/types";

/**
 * The data access layer for server components and pages. Read-only: a page cannot set cookies, so token refresh
 * for page navigations happens in proxy.ts before rendering; route handlers refresh for themselves.
 */
export interface PageSession {
  info: SessionInfo;
  api: AnaplanApi;
  /** Per-user cache key (the Anaplan user id), e.g. for getModelActivity. */
  userKey: string;
}

const readPageSessionState = cache(async (): Promise<{ state: SessionState; hadCookie: boolean }> => {
  const store = await cookies();
  const value = store.get(sessionCookieName())?.value;
  return { state: await readSession(value), hadCookie: value !== undefined && value !== "" };
});

export const getPageSession = cache(async (): Promise<PageSession | null> => {
  const { state } = await readPageSessionState();
  if (state.status !== "active") return null;
  return {
    info: toSessionInfo(state.data),
    api: createAnaplanApi({ token: state.data.token }),
    userKey: userKeyOf(state.data),
  };
});

/**
 * For pages: the session, or a redirect to sign-in that brings the user back to `returnTo` afterwards
 * (`&reason=expired` when a session cookie was present but the session had ended).
 */
export async function requirePageSession(returnTo: string): Promise<PageSession> {
  const session = await getPageSession();
  if (session) return session;
  const { hadCookie } = await readPageSessionState();
  redirect(loginUrl(returnTo, hadCookie));
}

export function loginUrl(returnTo: string, expired: boolean): string {
  const params = new URLSearchParams({ returnTo: safeReturnTo(returnTo) });
  if (expired) params.set("reason", "expired");
  return `/login?${params.toString()}`;
}
