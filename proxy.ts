import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { contentSecurityPolicy, createNonce } from "@/lib/server/csp";
import { hasMalformedPageId } from "@/lib/shared/ids";
import { resumeSession, sessionCookieName, writeCookies } from "@/lib/session";

/**
 * Page navigations only (never API routes or static assets): a Content-Security-Policy with a fresh nonce, which
 * Next.js puts on its own inline scripts; and, since server components cannot set cookies, the session resumed
 * here (token refreshed when due), its new cookie passed to this request's render and set on the response.
 * A page address with a malformed id is answered 404 here, before anything renders.
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

  // An address no route serves renders app/not-found.tsx with status 404 (and the header, from the session above).
  const response = hasMalformedPageId(request.nextUrl.pathname)
    ? NextResponse.rewrite(new URL(MALFORMED_LINK_PATH, request.url), { request: { headers: request.headers } })
    : NextResponse.next({ request: { headers: request.headers } });
  response.headers.set("Content-Security-Policy", csp);
  writeCookies(response.headers, cookies);
  return response;
}

/** No page lives here: a page address with a malformed id is answered as this one. */
const MALFORMED_LINK_PATH = "/not-found/malformed-link";

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon\\.ico|.*\\.[A-Za-z0-9]+$).*)"],
};
