import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticateBasic, logoutAuthToken, refreshAuthToken, validateAuthToken } from "./auth";
import { AnaplanError } from "./errors";
import { buildAuthorizeUrl, exchangeAuthorizationCode, refreshOAuthToken } from "./oauth";
import { SEED, startSim, TOKEN_SENTINEL, type SimHandle } from "./testing/sim";

let h: SimHandle;
beforeAll(async () => {
  h = await startSim();
});
afterAll(async () => {
  await h.sim.close();
});
beforeEach(async () => {
  await h.reset();
});

const ada = { email: SEED.users.ada.email, password: SEED.password };
const REDIRECT = "http://localhost:3000/api/auth/oauth/callback";
const client = { clientId: SEED.oauthClient.clientId, clientSecret: SEED.oauthClient.clientSecret };

async function caught(promise: Promise<unknown>): Promise<AnaplanError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AnaplanError);
    const e = err as AnaplanError;
    // Never a token, a password or upstream text in what a caller might show or log.
    for (const text of [e.message, JSON.stringify(e), String(e.cause ?? "")]) {
      expect(text).not.toContain(TOKEN_SENTINEL);
      expect(text).not.toContain(SEED.password);
    }
    return e;
  }
  throw new Error("expected the call to fail");
}

describe("auth service", () => {
  it("authenticates with Basic credentials and sends Basic only to /token/authenticate", async () => {
    const info = await authenticateBasic(ada, { authUrl: h.urls.authUrl });
    expect(info.tokenValue.startsWith(TOKEN_SENTINEL)).toBe(true);
    expect(info.expiresAt).toBeGreaterThan(Date.now() + 30 * 60 * 1000);
    expect(info.tokenId).toMatch(/^[0-9a-f-]{36}$/);
    expect(info.refreshTokenId).toBeTruthy();
    const log = await h.requests();
    expect(log.map((r) => [r.method, r.path, r.status, r.authScheme])).toEqual([
      ["POST", "/token/authenticate", 201, "Basic"],
    ]);
  });

  it("wrong password → bad_credentials, not retried", async () => {
    const e = await caught(authenticateBasic({ ...ada, password: "wrong-password" }, { authUrl: h.urls.authUrl }));
    expect(e.kind).toBe("bad_credentials");
    expect(e.status).toBe(401);
    expect(await h.requests()).toHaveLength(1);
    expect(
      (await caught(authenticateBasic({ email: "nobody@example.com", password: "x" }, { authUrl: h.urls.authUrl })))
        .kind,
    ).toBe("bad_credentials");
  });

  it("refreshes (same value, later expiry) and validates", async () => {
    const info = await authenticateBasic(ada, { authUrl: h.urls.authUrl });
    await h.control("POST", "clock/advance", { ms: 60_000 });
    const refreshed = await refreshAuthToken(info.tokenValue, { authUrl: h.urls.authUrl });
    expect(refreshed.tokenValue).toBe(info.tokenValue);
    expect(refreshed.expiresAt).toBeGreaterThan(info.expiresAt);
    const valid = await validateAuthToken(info.tokenValue, { authUrl: h.urls.authUrl });
    expect(valid.userId).toBe(SEED.users.ada.email);
    expect(valid.expiresAt).toBe(refreshed.expiresAt);
    expect(valid.userGuid).toBeTruthy();
    expect(valid.customerGuid).toBeTruthy();
  });

  it("logout revokes; a dead token → unauthorized; logging out twice is fine", async () => {
    const info = await authenticateBasic(ada, { authUrl: h.urls.authUrl });
    await logoutAuthToken(info.tokenValue, { authUrl: h.urls.authUrl });
    expect((await caught(validateAuthToken(info.tokenValue, { authUrl: h.urls.authUrl }))).kind).toBe("unauthorized");
    expect((await caught(refreshAuthToken(info.tokenValue, { authUrl: h.urls.authUrl }))).kind).toBe("unauthorized");
    await expect(logoutAuthToken(info.tokenValue, { authUrl: h.urls.authUrl })).resolves.toBeUndefined();
  });

  it("an expired token → unauthorized", async () => {
    await h.control("POST", "config", { tokenLifetimeSeconds: 60 });
    const info = await authenticateBasic(ada, { authUrl: h.urls.authUrl });
    await h.control("POST", "clock/advance", { ms: 61_000 });
    expect((await caught(refreshAuthToken(info.tokenValue, { authUrl: h.urls.authUrl }))).kind).toBe("unauthorized");
  });

  it("retries authenticate on 503 (safe to repeat)", async () => {
    await h.fault({ path: "^/token/authenticate$", status: 503, times: 1 });
    const info = await authenticateBasic(ada, { authUrl: h.urls.authUrl, retry: { baseDelayMs: 10 } });
    expect(info.tokenValue).toBeTruthy();
    expect(await h.requests({ path: /authenticate/ })).toHaveLength(2);
  });
});

describe("OAuth service", () => {
  async function signInForCode(state = "state-123"): Promise<string> {
    const authorize = new URL(
      buildAuthorizeUrl({ clientId: client.clientId, redirectUri: REDIRECT, state, oauthUrl: h.urls.oauthUrl }),
    );
    const form = new URLSearchParams({
      ...Object.fromEntries(authorize.searchParams),
      email: ada.email,
      password: ada.password,
    });
    const res = await fetch(`${h.urls.oauthUrl}/auth/authorize`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form.toString(),
      redirect: "manual",
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.searchParams.get("state")).toBe(state);
    return location.searchParams.get("code") ?? "";
  }

  it("builds the authorize URL with the default scope", () => {
    const url = new URL(
      buildAuthorizeUrl({
        clientId: "abc",
        redirectUri: REDIRECT,
        state: "s t",
        oauthUrl: "https://us1a.app.anaplan.com",
      }),
    );
    expect(url.origin + url.pathname).toBe("https://us1a.app.anaplan.com/auth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "abc",
      redirect_uri: REDIRECT,
      scope: "openid profile email offline_access",
      state: "s t",
    });
    const pkce = new URL(
      buildAuthorizeUrl({
        clientId: "abc",
        redirectUri: REDIRECT,
        state: "s",
        scope: "openid",
        codeChallenge: "xyz",
        oauthUrl: "https://x.example",
      }),
    );
    expect(pkce.searchParams.get("scope")).toBe("openid");
    expect(pkce.searchParams.get("code_challenge_method")).toBe("S256");
  });

  it("exchanges a code, refreshes (rotation), and the tokens work on the Integration API", async () => {
    const code = await signInForCode();
    const before = Date.now();
    const tokens = await exchangeAuthorizationCode(
      { code, redirectUri: REDIRECT },
      { oauthUrl: h.urls.oauthUrl, client },
    );
    expect(tokens.accessToken.startsWith(TOKEN_SENTINEL)).toBe(true);
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt).toBeGreaterThanOrEqual(before + 2100 * 1000 - 1000);
    const valid = await validateAuthToken(tokens.accessToken, { authUrl: h.urls.authUrl });
    expect(valid.userId).toBe(ada.email);

    const refreshed = await refreshOAuthToken(tokens.refreshToken ?? "", { oauthUrl: h.urls.oauthUrl, client });
    expect(refreshed.accessToken).toBeTruthy();
    // The code is single-use: a second exchange is invalid_grant → unauthorized.
    expect(
      (await caught(exchangeAuthorizationCode({ code, redirectUri: REDIRECT }, { oauthUrl: h.urls.oauthUrl, client })))
        .kind,
    ).toBe("unauthorized");
  });

  it.skipIf(Boolean(process.env.ANAPLAN_OAUTH_CLIENT_ID))(
    "without a configured client, fails before any I/O",
    async () => {
      const e = await caught(refreshOAuthToken("x", { oauthUrl: h.urls.oauthUrl }));
      expect(e.kind).toBe("bad_request");
      expect(await h.requests()).toHaveLength(0);
    },
  );

  it("a bogus code or refresh token → unauthorized; wrong client credentials are refused", async () => {
    const opts = { oauthUrl: h.urls.oauthUrl, client };
    expect((await caught(exchangeAuthorizationCode({ code: "nope", redirectUri: REDIRECT }, opts))).kind).toBe(
      "unauthorized",
    );
    expect((await caught(refreshOAuthToken("nope", opts))).kind).toBe("unauthorized");
    const code = await signInForCode();
    const wrong = await caught(
      exchangeAuthorizationCode(
        { code, redirectUri: REDIRECT },
        { ...opts, client: { ...client, clientSecret: "wrong" } },
      ),
    );
    // The simulator answers 401 access_denied (a real server may say invalid_client → bad_request).
    expect(["forbidden", "bad_request"]).toContain(wrong.kind);
  });

  it("does not repeat the token request after a 502 (the code may already be spent)", async () => {
    const code = await signInForCode();
    await h.control("DELETE", "requests");
    await h.fault({ path: "^/oauth/token$", status: 502, times: 1 });
    const e = await caught(
      exchangeAuthorizationCode({ code, redirectUri: REDIRECT }, { oauthUrl: h.urls.oauthUrl, client }),
    );
    expect(e.kind).toBe("upstream_error");
    expect(await h.requests({ path: /^\/oauth\/token/ })).toHaveLength(1);
  });
});
