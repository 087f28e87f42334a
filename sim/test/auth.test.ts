import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED } from "../seed/ids";
import { api, basic, login, startTestSim, type TestSim } from "./helpers";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());
beforeEach(() => t.ctl.reset());

const authenticate = (authorization?: string) =>
  fetch(`${t.url}/token/authenticate`, {
    method: "POST",
    headers: authorization ? { Authorization: authorization } : {},
  });
const withToken = (path: string, method: string, authorization: string) =>
  fetch(`${t.url}${path}`, { method, headers: { Authorization: authorization } });

describe("auth service", () => {
  it("authenticates with Basic: 201 and tokenInfo", async () => {
    const res = await authenticate(basic(SEED.users.ada.email, SEED.password));
    expect(res.status).toBe(201);
    const body = await res.json();
    // Never hand a token to expect(): a failure message would print it.
    const { tokenInfo, ...rest } = body;
    expect(rest).toEqual({
      status: "SUCCESS",
      statusMessage: "Login successful",
      meta: { validationUrl: expect.any(String) },
    });
    expect(typeof tokenInfo.tokenValue).toBe("string");
    expect(Object.keys(tokenInfo).sort()).toEqual(["expiresAt", "refreshTokenId", "tokenId", "tokenValue"]);
    expect(tokenInfo.tokenId).toMatch(/^[0-9a-f-]{36}$/);
    const lifetime = tokenInfo.expiresAt - Date.now();
    expect(lifetime).toBeGreaterThan(34 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(35 * 60_000);
  });

  it("refuses bad credentials with 401 FAILURE_BAD_CREDENTIAL", async () => {
    for (const auth of [basic(SEED.users.ada.email, "wrong"), basic("nobody@example.com", SEED.password)]) {
      const res = await authenticate(auth);
      expect(res.status).toBe(401);
      expect((await res.json()).status).toBe("FAILURE_BAD_CREDENTIAL");
    }
  });

  it("refuses a malformed header or Bearer with 400 FAILURE_BAD_HEADER", async () => {
    for (const auth of [
      "Basic !!!notbase64",
      `Basic ${Buffer.from("no-colon").toString("base64")}`,
      "Bearer abc",
      "Token x",
    ]) {
      const res = await authenticate(auth);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ status: "FAILURE_BAD_HEADER", statusMessage: expect.any(String) });
    }
  });

  it("refresh returns the same tokenValue with a later expiresAt", async () => {
    const first = await (await authenticate(basic(SEED.users.ada.email, SEED.password))).json();
    await t.ctl.advanceClock(60_000);
    const res = await withToken("/token/refresh", "POST", `AnaplanAuthToken ${first.tokenInfo.tokenValue}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.statusMessage).toBe("Token refreshed");
    expect(body.tokenInfo.tokenValue === first.tokenInfo.tokenValue).toBe(true);
    expect(body.tokenInfo.refreshTokenId).toBe(first.tokenInfo.refreshTokenId);
    expect(body.tokenInfo.expiresAt).toBeGreaterThan(first.tokenInfo.expiresAt);
  });

  it("validates a token with userInfo", async () => {
    const token = await login(t.url, "bruno");
    const res = await withToken("/token/validate", "GET", `AnaplanAuthToken ${token}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      status: "SUCCESS",
      statusMessage: "Token validated",
      tokenInfo: { expiresAt: expect.any(Number), tokenId: expect.any(String) },
      userInfo: {
        userGuid: SEED.users.bruno.id,
        userId: SEED.users.bruno.email,
        customerGuid: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    });
  });

  it("rejects Bearer on the auth host: 400 on validate/refresh, 401 on logout", async () => {
    const token = await login(t.url, "ada");
    expect((await withToken("/token/validate", "GET", `Bearer ${token}`)).status).toBe(400);
    expect((await withToken("/token/refresh", "POST", `Bearer ${token}`)).status).toBe(400);
    expect((await withToken("/token/logout", "POST", `Bearer ${token}`)).status).toBe(401);
  });

  it("logout answers 204 and kills the token everywhere", async () => {
    const token = await login(t.url, "ada");
    const res = await withToken("/token/logout", "POST", `AnaplanAuthToken ${token}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect((await withToken("/token/validate", "GET", `AnaplanAuthToken ${token}`)).status).toBe(401);
    expect((await withToken("/token/refresh", "POST", `AnaplanAuthToken ${token}`)).status).toBe(401);
    const me = await api(t.url, token).get("/users/me");
    expect(me.status).toBe(401);
    expect(me.json).toMatchObject({ status: { code: 401 }, path: "/2/0/users/me" });
  });

  it("expires tokens after the configured lifetime (simulated clock)", async () => {
    await t.ctl.configure({ tokenLifetimeSeconds: 5 });
    const token = await login(t.url, "ada");
    expect((await api(t.url, token).get("/users/me")).status).toBe(200);
    await t.ctl.advanceClock(6_000);
    expect((await api(t.url, token).get("/users/me")).status).toBe(401);
    expect((await withToken("/token/refresh", "POST", `AnaplanAuthToken ${token}`)).status).toBe(401);
  });

  it("refresh extends a short-lived token", async () => {
    await t.ctl.configure({ tokenLifetimeSeconds: 10 });
    const token = await login(t.url, "ada");
    await t.ctl.advanceClock(8_000);
    expect((await withToken("/token/refresh", "POST", `AnaplanAuthToken ${token}`)).status).toBe(200);
    await t.ctl.advanceClock(8_000);
    expect((await api(t.url, token).get("/users/me")).status).toBe(200);
  });

  it("issues tokens with the configured prefix", async () => {
    await t.ctl.configure({ tokenPrefix: "TKN_SENTINEL_" });
    const token = await login(t.url, "ada");
    expect(token.startsWith("TKN_SENTINEL_")).toBe(true);
  });
});
