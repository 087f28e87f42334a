import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED } from "../seed/ids";
import { api, basic, FPA, login, startTestSim, type TestSim } from "./helpers";

let t: TestSim;
let token: string;
let ada: ReturnType<typeof api>;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());
beforeEach(async () => {
  await t.ctl.reset();
  token = await login(t.url, "ada");
  ada = api(t.url, token);
});

describe("fault injection", () => {
  it("status mode answers the status (with Retry-After) for N matching requests", async () => {
    await t.ctl.injectFault({ path: "^/2/0/workspaces$", times: 2, status: 429, retryAfter: "3" });
    for (let i = 0; i < 2; i++) {
      const r = await ada.get("/workspaces");
      expect(r.status).toBe(429);
      expect(r.headers.get("retry-after")).toBe("3");
      expect(r.json).toMatchObject({ status: { code: 429, message: "Too Many Requests" }, path: "/2/0/workspaces" });
    }
    expect((await ada.get("/workspaces")).status).toBe(200);
  });

  it("matches the method, runs several faults, and clears them", async () => {
    await t.ctl.injectFault({ method: "POST", path: "/tasks$", times: 1, status: 503 });
    await t.ctl.injectFault({ path: "/users/me", times: 5, status: 500 });
    expect((await ada.get(`${FPA}/exports/${SEED.exports.revenueCsv}/tasks`)).status).toBe(200);
    expect((await ada.post(`${FPA}/exports/${SEED.exports.revenueCsv}/tasks`)).status).toBe(503);
    expect((await ada.get("/users/me")).status).toBe(500);
    await t.ctl.clearFaults();
    expect((await ada.get("/users/me")).status).toBe(200);
  });

  it("reset mode drops the connection", async () => {
    await t.ctl.injectFault({ path: "/users/me", times: 1, mode: "reset" });
    await expect(
      fetch(`${t.url}/2/0/users/me`, { headers: { Authorization: `AnaplanAuthToken ${token}` } }),
    ).rejects.toThrow();
    expect((await ada.get("/users/me")).status).toBe(200);
  });

  it("truncate mode cuts the body short of its Content-Length", async () => {
    await t.ctl.injectFault({ path: "/exports$", times: 1, mode: "truncate" });
    const res = await fetch(`${t.url}/2/0${FPA}/exports`, { headers: { Authorization: `AnaplanAuthToken ${token}` } });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it("truncate mode also cuts a chunk download", async () => {
    await t.ctl.configure({ taskDurationMs: 100 });
    await ada.post(`${FPA}/exports/${SEED.exports.revenueCsv}/tasks`);
    await t.ctl.advanceClock(500);
    await t.ctl.injectFault({ path: "/chunks/0$", times: 1, mode: "truncate" });
    const res = await fetch(`${t.url}/2/0${FPA}/files/${SEED.exports.revenueCsv}/chunks/0`, {
      headers: { Authorization: `AnaplanAuthToken ${token}` },
    });
    await expect(res.arrayBuffer()).rejects.toThrow();
  });

  it("malformed-json mode sends a complete but unparseable JSON body", async () => {
    await t.ctl.injectFault({ path: "/workspaces", times: 1, mode: "malformed-json" });
    const r = await ada.get("/workspaces");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("application/json");
    expect(() => JSON.parse(r.text)).toThrow();
  });

  it("delay mode answers normally after the delay", async () => {
    await t.ctl.injectFault({ path: "/users/me", times: 1, delayMs: 300 });
    const started = Date.now();
    expect((await ada.get("/users/me")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("applies to the auth service too", async () => {
    await t.ctl.injectFault({ method: "POST", path: "^/token/authenticate$", times: 1, status: 503, retryAfter: "1" });
    const res = await fetch(`${t.url}/token/authenticate`, {
      method: "POST",
      headers: { Authorization: basic(SEED.users.ada.email, SEED.password) },
    });
    expect(res.status).toBe(503);
  });

  it("validates fault specs", async () => {
    await expect(t.ctl.injectFault({ path: "(", times: 1, status: 500 })).rejects.toThrow(/400/);
    await expect(t.ctl.injectFault({ path: "x", times: 0, status: 500 })).rejects.toThrow(/400/);
  });
});

describe("request log and control API", () => {
  it("records method, path, status, auth scheme and cookie presence, never the token", async () => {
    await t.ctl.clearRequests();
    await ada.get("/workspaces?tenantDetails=true");
    await api(t.url, token, "Bearer").get("/users/me");
    await fetch(`${t.url}/2/0/models`, { headers: { Cookie: "a=b" } });
    await fetch(`${t.url}/token/authenticate`, {
      method: "POST",
      headers: { Authorization: basic(SEED.users.ada.email, "x") },
    });
    await fetch(`${t.url}/token/validate`, { headers: { Authorization: "Weird thing" } });
    await t.ctl.injectFault({ path: "/users/me", times: 1, mode: "reset" });
    await fetch(`${t.url}/2/0/users/me`).catch(() => undefined);
    const log = await t.ctl.requests();
    expect(log.map((r) => [r.method, r.path, r.status, r.authScheme, r.cookie])).toEqual([
      ["GET", "/2/0/workspaces?tenantDetails=true", 200, "AnaplanAuthToken", false],
      ["GET", "/2/0/users/me", 200, "Bearer", false],
      ["GET", "/2/0/models", 401, "none", true],
      ["POST", "/token/authenticate", 401, "Basic", false],
      ["GET", "/token/validate", 400, "other", false],
      ["GET", "/2/0/users/me", 0, "none", false],
    ]);
    expect(log.every((r) => !Number.isNaN(Date.parse(r.time)))).toBe(true);
    expect(JSON.stringify(log).includes(token)).toBe(false);
    await t.ctl.clearRequests();
    expect(await t.ctl.requests()).toEqual([]);
  });

  it("does not log or fault control calls; reset clears faults, log and config", async () => {
    await t.ctl.clearRequests();
    await t.ctl.injectFault({ path: ".*", times: 100, status: 500 });
    expect((await t.ctl.health()).ok).toBe(true);
    await t.ctl.configure({ chunkSizeBytes: 10 });
    expect(await t.ctl.requests()).toEqual([]);
    await t.ctl.reset();
    token = await login(t.url, "ada");
    expect((await api(t.url, token).get("/users/me")).status).toBe(200);
    const cfg = await t.ctl.configure({});
    expect(cfg.chunkSizeBytes).toBe(1024 * 1024);
  });

  it("rejects bad config", async () => {
    await expect(t.ctl.configure({ chunkSizeBytes: 0 })).rejects.toThrow(/400/);
    await expect(t.ctl.configure({ pageSizeCap: 9000 })).rejects.toThrow(/400/);
    await expect(t.ctl.configure({ nope: 1 } as never)).rejects.toThrow(/400/);
  });

  it("advances the simulated clock", async () => {
    const before = (await t.ctl.health()).now;
    const after = await t.ctl.advanceClock(3_600_000);
    expect(after - before).toBeGreaterThanOrEqual(3_600_000);
  });
});

describe("service prefixes", () => {
  it("serves each service under its own prefix when asked", async () => {
    const p = await (
      await import("./helpers")
    ).startTestSim({ prefixes: { auth: "/auth-svc", oauth: "/oauth-svc", api: "/api-svc" } });
    try {
      const res = await fetch(`${p.url}/auth-svc/token/authenticate`, {
        method: "POST",
        headers: { Authorization: basic(SEED.users.ada.email, SEED.password) },
      });
      expect(res.status).toBe(201);
      const tok = (await res.json()).tokenInfo.tokenValue;
      const me = await fetch(`${p.url}/api-svc/2/0/users/me`, {
        headers: { Authorization: `AnaplanAuthToken ${tok}` },
      });
      expect(me.status).toBe(200);
      expect((await fetch(`${p.url}/token/authenticate`, { method: "POST" })).status).toBe(404);
      const page = await fetch(
        `${p.url}/oauth-svc/auth/authorize?response_type=code&client_id=${SEED.oauthClient.clientId}` +
          `&redirect_uri=${encodeURIComponent("http://localhost:3000/api/auth/oauth/callback")}&state=s`,
      );
      expect(page.status).toBe(200);
      expect(page.url).toContain("/oauth-svc/auth/login?");
      expect(await page.text()).toContain('action="/oauth-svc/auth/login"');
    } finally {
      await p.sim.close();
    }
  });
});
