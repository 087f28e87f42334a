import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { contentSecurityPolicy, createNonce } from "@/lib/server/csp";
import { resumeSession, sessionCookieName, writeCookies } from "@/lib/session";

/**
 * Page navigations only (never API routes or static assets): a Content-Security-Policy with a fresh nonce, which
 * Next.js puts on its own inline scripts; and, since server components cannot set cookies, the session resumed
 * here (token refreshed when due), its new cookie passed to this request's render and set on the response.
 * Not an authorization gate: pages check the session in lib/dal.ts, route handlers in lib/bff/handler.ts.
 */
export async function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy(createNonce(), {
    oauthOrigin: new URL(getConfig().anaplanOAuthUrl).origin,
    development: process.env.NODE_ENV === "development",
  });
  request.headers.set("Content-Security-Policy", csp);
  // Never block a page on a refresh problem; the page's own session check decides.
  const resumed = await resumeSession(request.cookies.get(sessionCookieName())?.value).catch(() => null);
  const cookies = resumed && "cookies" in resumed ? resumed.cookies : [];
  for (const cookie of cookies) if (cookie.value) request.cookies.set(cookie.name, cookie.value);

  const response = NextResponse.next({ request: { headers: request.headers } });
  response.headers.set("Content-Security-Policy", csp);
  writeCookies(response.headers, cookies);
  return response;
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.[A-Za-z0-9]+$).*)"],
};
