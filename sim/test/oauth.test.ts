import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED } from "../seed/ids";
import { api, startTestSim, type TestSim } from "./helpers";

let t: TestSim;
const EXTRA = "http://localhost:9999/cb";
beforeAll(async () => {
  t = await startTestSim({ oauthRedirectUris: [EXTRA] });
});
afterAll(() => t.sim.close());
beforeEach(() => t.ctl.reset());

const REDIRECT = "http://localhost:3000/api/auth/oauth/callback";
const { clientId, clientSecret } = SEED.oauthClient;

function authorizeUrl(params: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT,
    scope: "openid profile email offline_access",
    state: "st-123",
    ...params,
  });
  return `${t.url}/auth/authorize?${q}`;
}

/** Submits the sign-in form the way a browser would (form-encoded, hidden fields included). */
async function signIn(email: string, password: string, params: Record<string, string> = {}, decision = "allow") {
  const page = await fetch(authorizeUrl(params));
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? "";
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(m[1] ?? "", (m[2] ?? "").replace(/&amp;/g, "&").replace(/&quot;/g, '"'));
  }
  form.set("email", email);
  form.set("password", password);
  form.set("decision", decision);
  return fetch(`${t.url}${action}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form.toString(),
    redirect: "manual",
  });
}

async function getCode(params: Record<string, string> = {}): Promise<string> {
  const res = await signIn(SEED.users.ada.email, SEED.password, params);
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get("location") ?? "");
  return location.searchParams.get("code") ?? "";
}

const tokenJson = (body: Record<string, string>) =>
  fetch(`${t.url}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
const tokenForm = (body: Record<string, string>) =>
  fetch(`${t.url}/oauth/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(body).toString(),
  });
const codeGrant = (code: string, extra: Record<string, string> = {}) => ({
  grant_type: "authorization_code",
  client_id: clientId,
  client_secret: clientSecret,
  code,
  redirect_uri: REDIRECT,
  ...extra,
});

describe("OAuth service", () => {
  it("redirects /auth/authorize to an accessible sign-in page with labelled inputs", async () => {
    const first = await fetch(authorizeUrl(), { redirect: "manual" });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toContain("/auth/login?");
    const res = await fetch(authorizeUrl());
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<label for="email">');
    expect(html).toContain('<input id="email" name="email" type="email"');
    expect(html).toContain('<label for="password">');
    expect(html).toContain('id="password" name="password" type="password"');
    expect(html).toContain('value="st-123"');
  });

  it("refuses unknown clients and unregistered redirect URIs without redirecting", async () => {
    const bad = await fetch(authorizeUrl({ client_id: "0".repeat(32) }), { redirect: "manual" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe("invalid_request");
    const evil = await fetch(authorizeUrl({ redirect_uri: "https://evil.example/cb" }), { redirect: "manual" });
    expect(evil.status).toBe(400);
    expect(evil.headers.get("location")).toBeNull();
  });

  it("accepts extra redirect URIs from options", async () => {
    const res = await signIn(SEED.users.ada.email, SEED.password, { redirect_uri: EXTRA });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")?.startsWith(`${EXTRA}?code=`)).toBe(true);
  });

  it("re-renders the form on a wrong password and redirects with access_denied on cancel", async () => {
    const wrong = await signIn(SEED.users.ada.email, "nope");
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('role="alert"');
    const denied = await signIn(SEED.users.ada.email, "", {}, "deny");
    expect(denied.status).toBe(302);
    const loc = new URL(denied.headers.get("location") ?? "");
    expect(loc.searchParams.get("error")).toBe("access_denied");
    expect(loc.searchParams.get("state")).toBe("st-123");
  });

  it("runs the code flow: 302 with code+state, JSON exchange, token works on the API and validate", async () => {
    const res = await signIn(SEED.users.chloe.email, SEED.password);
    const loc = new URL(res.headers.get("location") ?? "");
    expect(`${loc.origin}${loc.pathname}`).toBe(REDIRECT);
    expect(loc.searchParams.get("state")).toBe("st-123");
    const code = loc.searchParams.get("code") ?? "";
    const tok = await tokenJson(codeGrant(code));
    expect(tok.status).toBe(200);
    const body = await tok.json();
    // Tokens never go into expect(): a failure message would print them.
    expect({ scope: body.scope, expires_in: body.expires_in, token_type: body.token_type }).toEqual({
      scope: "openid email offline_access",
      expires_in: 2100,
      token_type: "Bearer",
    });
    expect(typeof body.access_token).toBe("string");
    expect(typeof body.refresh_token).toBe("string");
    for (const scheme of ["Bearer", "AnaplanAuthToken"]) {
      const me = await api(t.url, body.access_token, scheme).get("/users/me");
      expect(me.status).toBe(200);
      expect(me.json.user.email).toBe(SEED.users.chloe.email);
    }
    const v = await fetch(`${t.url}/token/validate`, {
      headers: { Authorization: `AnaplanAuthToken ${body.access_token}` },
    });
    expect(v.status).toBe(200);
  });

  it("accepts a form-encoded token request", async () => {
    const code = await getCode();
    const tok = await tokenForm(codeGrant(code));
    expect(tok.status).toBe(200);
    expect(typeof (await tok.json()).access_token).toBe("string");
  });

  it("codes are single-use; a replay revokes what the code issued", async () => {
    const code = await getCode();
    const first = await (await tokenJson(codeGrant(code))).json();
    const again = await tokenJson(codeGrant(code));
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ error: "invalid_grant", error_description: expect.any(String) });
    expect((await api(t.url, first.access_token, "Bearer").get("/users/me")).status).toBe(401);
  });

  it("binds codes to redirect_uri and client, and expires them", async () => {
    const code = await getCode();
    expect(
      (
        await (
          await tokenJson(codeGrant(code, { redirect_uri: "http://127.0.0.1:3000/api/auth/oauth/callback" }))
        ).json()
      ).error,
    ).toBe("invalid_grant");
    const code2 = await getCode();
    const badSecret = await tokenJson(codeGrant(code2, { client_secret: "wrong" }));
    expect(badSecret.status).toBe(401);
    expect((await badSecret.json()).error).toBeTruthy();
    const code3 = await getCode();
    await t.ctl.advanceClock(10 * 60_000);
    expect((await (await tokenJson(codeGrant(code3))).json()).error).toBe("invalid_grant");
  });

  it("rejects missing parameters and unknown grant types with RFC 6749 bodies", async () => {
    const missing = await tokenJson({ client_id: clientId });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toBe("invalid_request");
    const unknown = await tokenJson({ grant_type: "password", client_id: clientId });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toBe("unsupported_grant_type");
  });

  it("rotates refresh tokens: a used one is refused", async () => {
    await t.ctl.configure({ tokenLifetimeSeconds: 60 });
    const first = await (await tokenJson(codeGrant(await getCode()))).json();
    expect(first.expires_in).toBe(60);
    const refresh = { grant_type: "refresh_token", client_id: clientId, client_secret: clientSecret };
    const second = await tokenJson({ ...refresh, refresh_token: first.refresh_token });
    expect(second.status).toBe(200);
    const body = await second.json();
    expect(body.refresh_token === first.refresh_token).toBe(false);
    expect(body.access_token === first.access_token).toBe(false);
    const replay = await tokenJson({ ...refresh, refresh_token: first.refresh_token });
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe("invalid_grant");
    const third = await tokenForm({ ...refresh, refresh_token: body.refresh_token });
    expect(third.status).toBe(200);
  });

  it("applies the token prefix to codes, access and refresh tokens", async () => {
    await t.ctl.configure({ tokenPrefix: "TKN_SENTINEL_" });
    const code = await getCode();
    expect(code.startsWith("TKN_SENTINEL_")).toBe(true);
    const body = await (await tokenJson(codeGrant(code))).json();
    expect(body.access_token.startsWith("TKN_SENTINEL_")).toBe(true);
    expect(body.refresh_token.startsWith("TKN_SENTINEL_")).toBe(true);
  });
});
