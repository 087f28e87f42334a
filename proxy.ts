import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { contentSecurityPolicy, createNonce } from "@/lib/server/csp";
import {
  clearedCookie,
  freshenSession,
  readSession,
  revokeSession,
  sealSession,
  sessionCookie,
  sessionCookieName,
  sessionEndsAt,
} from "@/lib/session";

/**
 * Page navigations only (never API routes or static assets):
 * - a Content-Security-Policy with a fresh nonce, which Next.js puts on its own inline scripts;
 * - server components cannot set cookies, so a token near expiry is refreshed here and the re-sealed cookie is
 *   set on the response (and passed to this request's render).
 * Not an authorization gate: pages check the session in lib/dal.ts, route handlers in lib/bff/handler.ts.
 */
export async function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(createNonce(), {
    oauthOrigin: new URL(getConfig().anaplanOAuthUrl).origin,
    development: process.env.NODE_ENV === "development",
  });
  request.headers.set("Content-Security-Policy", csp);
  const next = () => {
    const response = NextResponse.next({ request: { headers: request.headers } });
    response.headers.set("Content-Security-Policy", csp);
    return response;
  };

  const name = sessionCookieName();
  const value = request.cookies.get(name)?.value;
  if (!value) return next();
  try {
    const state = await readSession(value);
    if (state.status !== "active") return next();
    const fresh = await freshenSession(state.data);
    if (fresh.status === "ended") {
      // Anaplan refused the refresh: mark the session over so the page redirects with reason=expired.
      revokeSession(state.data.sid, sessionEndsAt(state.data));
      const response = next();
      response.cookies.set(clearedCookie(name));
      return response;
    }
    if (fresh.status !== "ok" || !fresh.changed) return next();
    const sealed = await sealSession(fresh.data);
    request.cookies.set(name, sealed);
    const response = next();
    response.cookies.set(sessionCookie(sealed, fresh.data));
    return response;
  } catch {
    // Never block a page on a refresh problem; the page's own session check decides.
    return next();
  }
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.[A-Za-z0-9]+$).*)"],
};
