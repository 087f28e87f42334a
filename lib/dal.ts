import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { createAnaplanApi, type AnaplanApi } from "@/lib/anaplan/api";
import { isAnaplanError } from "@/lib/anaplan/errors";
import {
  readSession,
  revokeSession,
  sessionCookieName,
  sessionEndsAt,
  toSessionInfo,
  tenantOf,
  userKeyOf,
  type SessionState,
} from "@/lib/session";
import type { Reader } from "@/lib/data/reader";
import { keepAliveIntervalMs } from "@/lib/session/lifetime";
import { validateIds, type IdName } from "@/lib/shared/ids";
import { loginUrl, type LoginReason } from "@/lib/shared/return-to";
import type { SessionInfo } from "@/lib/shared/types";

/**
 * The data access layer for server components and pages. Read-only: a page cannot set cookies, so token refresh
 * for page navigations happens in proxy.ts before rendering; route handlers refresh for themselves.
 */
/** A Reader (api, per-user cache key, tenant) for lib/data, plus what the page shows of the session. */
export interface PageSession extends Reader {
  info: SessionInfo;
  /** How often an open page should keep the session alive (lib/session/lifetime.ts). */
  keepAliveMs: number;
}

const readPageSessionState = cache(async (): Promise<{ state: SessionState; hadCookie: boolean }> => {
  const store = await cookies();
  const value = store.get(sessionCookieName())?.value;
  return { state: await readSession(value), hadCookie: value !== undefined && value !== "" };
});

export const getPageSession = cache(async (): Promise<PageSession | null> => {
  const { state } = await readPageSessionState();
  if (state.status !== "active") return null;
  const userKey = userKeyOf(state.data);
  const tenantId = tenantOf(state.data);
  return {
    info: toSessionInfo(state.data),
    api: createAnaplanApi({ token: state.data.token, rate: { user: userKey, tenant: tenantId } }),
    userKey,
    tenantId,
    keepAliveMs: keepAliveIntervalMs(state.data),
  };
});

/**
 * For pages: the session, or a redirect to sign-in that brings the user back to `returnTo` afterwards, saying
 * why: `expired` when the cookie's session has ended, `sign-in` when the cookie cannot be read (tampered, foreign,
 * from an older secret). Only the sign-out button says "signed out".
 */
export async function requirePageSession(returnTo: string): Promise<PageSession> {
  const session = await getPageSession();
  const { state, hadCookie } = await readPageSessionState();
  if (!session || state.status !== "active") redirect(loginUrl(returnTo, hadCookie ? reasonFor(state) : undefined));
  const { sid } = state.data;
  const endsAt = sessionEndsAt(state.data);
  return {
    ...session,
    api: signInAgainOnUnauthorized(session.api, () => {
      void revokeSession(sid, endsAt);
      redirect(loginUrl(returnTo, "expired"));
    }),
  };
}

function reasonFor(state: SessionState): LoginReason | undefined {
  if (state.status === "ended") return "expired";
  if (state.status === "invalid") return "sign-in";
  return undefined;
}

/**
 * A page cannot refresh-and-save the token, so when Anaplan answers 401 (token revoked, or expired and not
 * refreshed by proxy.ts) the session is over: mark it so and send the user to sign in, then back here.
 */
function signInAgainOnUnauthorized(api: AnaplanApi, onUnauthorized: () => never): AnaplanApi {
  return new Proxy(api, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          if (isAnaplanError(error) && error.kind === "unauthorized") onUnauthorized();
          throw error;
        }
      };
    },
  });
}

/** A page's path ids, checked with the API's strict patterns before anything is asked of Anaplan: else a 404. */
export async function validPageIds<P extends Partial<Record<IdName, string>>>(params: Promise<P>): Promise<P> {
  const ids = await params;
  if (!validateIds(ids, Object.keys(ids) as IdName[])) notFound();
  return ids;
}
