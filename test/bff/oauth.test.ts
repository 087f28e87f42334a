import { describe, expect, it } from "vitest";
import * as callbackRoute from "@/app/api/auth/oauth/callback/route";
import * as startRoute from "@/app/api/auth/oauth/start/route";
import * as sessionRoute from "@/app/api/session/route";
import * as workspacesRoute from "@/app/api/workspaces/route";
import { sessionKeys } from "@/lib/session/keys";
import { sealData } from "iron-session";
import {
  ORIGIN,
  SECRET_A,
  SEED,
  expectNoSentinel,
  req,
  setCookieLine,
  setCookieValue,
  setEnv,
  unsealCookie,
} from "./helpers";
import { setUpStack } from "./stack";

const STATE_COOKIE = "export-desk-oauth";
const stack = setUpStack();

async function begin(returnTo = "/w/x?tab=1", headers: Record<string, string> = {}) {
  const res = await startRoute.GET(req(`/api/auth/oauth/start?returnTo=${encodeURIComponent(returnTo)}`, { headers }));
  expect(res.status).toBe(303);
  const location = new URL(res.headers.get("location") as string);
  const stateCookie = setCookieValue(res, STATE_COOKIE) as string;
  return { res, location, stateCookie, state: location.searchParams.get("state") as string };
}

/** Submits the simulator's sign-in form like a browser would; returns the callback URL it redirects to. */
async function authorize(location: URL, decision: "allow" | "deny" = "allow"): Promise<URL> {
  const form = new URLSearchParams(location.searchParams);
  form.set("email", SEED.users.chloe.email);
  form.set("password", SEED.password);
  form.set("decision", decision);
  const res = await fetch(`${location.origin}${location.pathname}`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location") as string);
}

function callback(url: URL | string, stateCookie?: string) {
  const u = typeof url === "string" ? new URL(url, ORIGIN) : url;
  const headers: Record<string, string> = stateCookie ? { cookie: `${STATE_COOKIE}=${stateCookie}` } : {};
  return callbackRoute.GET(req(`${u.pathname}${u.search}`, { headers }));
}

const tokenCalls = async () => (await stack.control.requests()).filter((r) => r.path.startsWith("/oauth/token"));

describe("OAuth start", () => {
  it("redirects to Anaplan with a fresh ≥128-bit state bound to a short-lived Lax cookie, and a redirect_uri from APP_ORIGIN", async () => {
    const { location, stateCookie, state, res } = await begin("/", {
      host: "evil.example",
      "x-forwarded-host": "evil.example",
    });
    expect(location.pathname).toBe("/auth/authorize");
    expect(location.searchParams.get("client_id")).toBe(SEED.oauthClient.clientId);
    expect(location.searchParams.get("redirect_uri")).toBe(`${ORIGIN}/api/auth/oauth/callback`);
    expect(location.searchParams.get("response_type")).toBe("code");
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(Buffer.from(state, "base64url").length).toBeGreaterThanOrEqual(16);
    const line = setCookieLine(res, STATE_COOKIE) as string;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(Number(/Max-Age=(\d+)/.exec(line)?.[1])).toBeLessThanOrEqual(600);
    expect(stateCookie).not.toContain(state);
    const second = await begin();
    expect(second.state).not.toBe(state);
  });

  it("without an OAuth client configured → /login?error=oauth_not_configured", async () => {
    setEnv({ ANAPLAN_OAUTH_CLIENT_ID: undefined, ANAPLAN_OAUTH_CLIENT_SECRET: undefined });
    const res = await startRoute.GET(req("/api/auth/oauth/start"));
    expect(res.headers.get("location")).toBe(`${ORIGIN}/login?error=oauth_not_configured`);
  });
});

describe("OAuth callback", () => {
  it("completes the sign-in: session sealed with the refresh token, back to returnTo, nothing leaked", async () => {
    const { location, stateCookie } = await begin("/w/abc?tab=tasks");
    const back = await authorize(location);
    const res = await callback(back, stateCookie);
    await expectNoSentinel(res);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/w/abc?tab=tasks`);
    expect(setCookieLine(res, STATE_COOKIE)).toMatch(/Max-Age=0/);
    const cookie = setCookieValue(res) as string;
    const data = await unsealCookie(cookie);
    expect(data.authMethod).toBe("oauth");
    expect(data.user.email).toBe(SEED.users.chloe.email);
    expect(data.refreshToken?.startsWith("TKN_SENTINEL_")).toBe(true);
    const info = await sessionRoute.GET(req("/api/session", { cookie }));
    expect(((await info.json()) as { authMethod: string }).authMethod).toBe("oauth");
  });

  it("ends the session it replaces: the browser's earlier cookie is revoked and its token signed out upstream", async () => {
    const oldRes = await sessionRoute.POST(
      req("/api/session", {
        method: "POST",
        csrf: true,
        body: JSON.stringify({ email: SEED.users.ada.email, password: SEED.password }),
      }),
    );
    const old = setCookieValue(oldRes) as string;
    const { location, stateCookie } = await begin("/");
    const back = await authorize(location);
    await stack.control.clearRequests();
    const cookie = `${STATE_COOKIE}=${stateCookie}; export-desk=${old}`;
    const res = await callbackRoute.GET(req(`${back.pathname}${back.search}`, { headers: { cookie } }));
    expect(res.status).toBe(303);
    const fresh = setCookieValue(res) as string;
    expect((await stack.control.requests()).filter((r) => r.path === "/token/logout")).toHaveLength(1);
    expect((await sessionRoute.GET(req("/api/session", { cookie: old }))).status).toBe(401);
    expect((await workspacesRoute.GET(req("/api/workspaces", { cookie: fresh }))).status).toBe(200);
  });

  it.each([
    ["missing state", (u: URL) => (u.searchParams.delete("state"), u), true],
    ["wrong state", (u: URL) => (u.searchParams.set("state", "A".repeat(43)), u), true],
    ["no state cookie", (u: URL) => u, false],
  ])("%s → /login?error=state_mismatch, no session, no token call", async (_label, mutate, withCookie) => {
    const { location, stateCookie } = await begin();
    const back = mutate(await authorize(location));
    await stack.control.clearRequests();
    const res = await callback(back, withCookie ? stateCookie : undefined);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/login?error=state_mismatch`);
    expect(setCookieValue(res)).toBeUndefined();
    expect(await tokenCalls()).toHaveLength(0);
  });

  it("a state cookie from another browser (another flow) does not match", async () => {
    const mine = await begin();
    const theirs = await begin();
    const back = await authorize(mine.location);
    await stack.control.clearRequests();
    const res = await callback(back, theirs.stateCookie);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/login?error=state_mismatch`);
    expect(await tokenCalls()).toHaveLength(0);
  });

  it("an expired state cookie is refused", async () => {
    const { location, state } = await begin();
    const old = await sealData(
      { state, codeVerifier: "v".repeat(43), returnTo: "/", createdAt: Date.now() - 11 * 60_000 },
      { password: sessionKeys([SECRET_A]).seal, ttl: 3600 },
    );
    const res = await callback(await authorize(location), old);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/login?error=state_mismatch`);
  });

  it("error=access_denied → /login?error=access_denied without reflecting the description", async () => {
    const { location, stateCookie } = await begin();
    const back = await authorize(location, "deny");
    back.searchParams.set("error_description", "<script>alert(1)</script>");
    const res = await callback(back, stateCookie);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/login?error=access_denied`);
    expect(await res.text()).not.toContain("<script>");
    expect(setCookieValue(res)).toBeUndefined();
  });

  it("a failed or replayed code exchange → /login?error=oauth_failed, no session, no 500", async () => {
    const { location, stateCookie } = await begin();
    const back = await authorize(location);
    expect((await callback(back, stateCookie)).status).toBe(303);
    const replay = await callback(back, stateCookie);
    expect(replay.headers.get("location")).toBe(`${ORIGIN}/login?error=oauth_failed`);
    expect(setCookieValue(replay)).toBeUndefined();

    const fresh = await begin();
    const forged = await authorize(fresh.location);
    forged.searchParams.set("code", "not-a-real-code");
    const bad = await callback(forged, fresh.stateCookie);
    expect(bad.headers.get("location")).toBe(`${ORIGIN}/login?error=oauth_failed`);
  });

  it("returnTo is re-validated: an off-site target lands on /", async () => {
    const { location, stateCookie } = await begin("//evil.com/x");
    const res = await callback(await authorize(location), stateCookie);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/`);
  });
});

describe("OAuth token lifecycle", () => {
  it("concurrent requests with a near-expiry cookie share one refresh grant (rotation) and all succeed", async () => {
    await stack.control.configure({ tokenLifetimeSeconds: 20 });
    const { location, stateCookie } = await begin();
    const res = await callback(await authorize(location), stateCookie);
    const data = await unsealCookie(setCookieValue(res) as string);
    const now = Date.now();
    const near = await sealData(
      { ...data, tokenExpiresAt: now + 2_000, tokenIssuedAt: now - 18_000 },
      { password: sessionKeys([SECRET_A]).seal, ttl: 12 * 3600 },
    );
    await stack.control.clearRequests();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => workspacesRoute.GET(req("/api/workspaces", { cookie: near }))),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const grants = await tokenCalls();
    expect(grants).toHaveLength(1);
    const renewed = await unsealCookie(setCookieValue(responses[0] as Response) as string);
    expect(renewed.refreshToken).not.toBe(data.refreshToken);
    expect(renewed.token).not.toBe(data.token);
    // The rotated refresh token works for the next refresh.
    const later = await sealData(
      { ...renewed, tokenExpiresAt: Date.now() + 1_000, tokenIssuedAt: Date.now() - 19_000 },
      { password: sessionKeys([SECRET_A]).seal, ttl: 12 * 3600 },
    );
    expect((await workspacesRoute.GET(req("/api/workspaces", { cookie: later }))).status).toBe(200);
    expect(await tokenCalls()).toHaveLength(2);
  });
});

describe("OAuth sign-out", () => {
  it("revokes the access token and spends the rotating refresh token, so a copied cookie is dead on every instance", async () => {
    const { resetRevocationsForTests } = await import("@/lib/session/revocation");
    const { location, stateCookie } = await begin();
    const cookie = setCookieValue(await callback(await authorize(location), stateCookie)) as string;
    const out = await sessionRoute.DELETE(req("/api/session", { method: "DELETE", csrf: true, cookie }));
    expect(out.status).toBe(204);
    resetRevocationsForTests();
    const replay = await workspacesRoute.GET(req("/api/workspaces", { cookie }));
    expect(replay.status).toBe(401);
    expect(setCookieLine(replay)).toMatch(/Max-Age=0/);
  });
});
