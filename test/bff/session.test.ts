import { sealData } from "iron-session";
import { describe, expect, it, vi } from "vitest";
import * as sessionRoute from "@/app/api/session/route";
import * as workspacesRoute from "@/app/api/workspaces/route";
import { EMAIL_FREE } from "@/lib/bff/sign-in-policy";
import { sessionKeys } from "@/lib/session/keys";
import { resetRevocationsForTests } from "@/lib/session/revocation";
import type { SessionData } from "@/lib/session/data";
import {
  closedPortUrl,
  COOKIE,
  SECRET_A,
  SECRET_B,
  SEED,
  SENTINEL,
  expectNoSentinel,
  req,
  setCookieLine,
  setCookieValue,
  setEnv,
  signIn,
  unsealCookie,
} from "./helpers";
import { setUpStack } from "./stack";

const stack = setUpStack();

const getSession = (cookie?: string) => sessionRoute.GET(req("/api/session", cookie === undefined ? {} : { cookie }));
const getWorkspaces = (cookie: string) => workspacesRoute.GET(req("/api/workspaces", { cookie }));

async function reseal(data: SessionData, secrets: string[] = [SECRET_A]): Promise<string> {
  return sealData(data, { password: sessionKeys(secrets).seal, ttl: 12 * 3600 + 60 });
}

async function upstream(pathPattern: RegExp, method?: string) {
  return (await stack.control.requests()).filter((r) => pathPattern.test(r.path) && (!method || r.method === method));
}

describe("basic sign-in", () => {
  it("seals a minimal session in an HttpOnly, SameSite=Lax, Path=/ cookie without Domain, and never returns the token", async () => {
    const res = await sessionRoute.POST(
      req("/api/session", {
        method: "POST",
        csrf: true,
        body: JSON.stringify({ email: SEED.users.ada.email, password: SEED.password }),
      }),
    );
    expect(res.status).toBe(200);
    await expectNoSentinel(res);
    const body = (await res.json()) as { user: { email: string; name: string }; authMethod: string; expiresAt: number };
    expect(body.user.email).toBe(SEED.users.ada.email);
    expect(body.user.name).toBe("Ada Lovelace");
    expect(body.authMethod).toBe("basic");
    expect(Object.keys(body).sort()).toEqual(["authMethod", "expiresAt", "user"]);
    expect(res.headers.get("cache-control")).toBe("no-store");

    const line = setCookieLine(res) as string;
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    expect(line).toMatch(/; Path=\//);
    expect(line).not.toMatch(/Domain=/i);
    expect(line).not.toMatch(/; Secure/); // plain-http demo origin
    const maxAge = Number(/Max-Age=(\d+)/.exec(line)?.[1]);
    expect(maxAge).toBeGreaterThan(11 * 3600);
    expect(maxAge).toBeLessThanOrEqual(12 * 3600);

    const value = setCookieValue(res) as string;
    const parts = value.replace(/~2$/, "").split("*");
    expect(value.endsWith("~2")).toBe(true);
    expect(parts).toHaveLength(8);
    expect(parts[0]).toBe("Fe26.2");
    expect(parts[5]).not.toBe(""); // the seal expires
    expect(value).not.toContain(SENTINEL);

    const data = await unsealCookie(value);
    expect(Object.keys(data).sort()).toEqual(
      ["authMethod", "createdAt", "lastSeenAt", "sid", "token", "tokenExpiresAt", "tokenIssuedAt", "user", "v"].sort(),
    );
    expect(data.token.startsWith(SENTINEL)).toBe(true);
    expect(JSON.stringify(data)).not.toContain(SEED.password);
    expect(line.length).toBeLessThan(3800);
  });

  it("uses a __Host- cookie with Secure when the app is served over https", async () => {
    setEnv({ APP_ORIGIN: "https://exports.example.com" });
    const res = await sessionRoute.POST(
      new (await import("next/server")).NextRequest("https://exports.example.com/api/session", {
        method: "POST",
        headers: {
          origin: "https://exports.example.com",
          "x-export-desk-csrf": "1",
          "content-type": "application/json",
        },
        body: JSON.stringify({ email: SEED.users.ada.email, password: SEED.password }),
      }),
    );
    expect(res.status).toBe(200);
    const line = res.headers.getSetCookie()[0] as string;
    expect(line.startsWith("__Host-export-desk=")).toBe(true);
    expect(line).toMatch(/; Secure/);
    expect(line).toMatch(/; Path=\//);
    expect(line).not.toMatch(/Domain=/i);
  });

  it("answers wrong credentials with 401 BAD_CREDENTIALS, never echoing the password", async () => {
    const res = await sessionRoute.POST(
      req("/api/session", {
        method: "POST",
        csrf: true,
        body: JSON.stringify({ email: SEED.users.ada.email, password: "PW_SENTINEL_wrong" }),
      }),
    );
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe("BAD_CREDENTIALS");
    expect(text).not.toContain("PW_SENTINEL");
    expect(setCookieValue(res)).toBeUndefined();
  });

  it("answers an unreachable Anaplan with 503 and a timeout with 504", async () => {
    setEnv({ ANAPLAN_AUTH_URL: await closedPortUrl() });
    const body = JSON.stringify({ email: SEED.users.ada.email, password: SEED.password });
    const down = await sessionRoute.POST(req("/api/session", { method: "POST", csrf: true, body }));
    expect(down.status).toBe(503);
    expect(((await down.json()) as { error: { code: string } }).error.code).toBe("ANAPLAN_UNREACHABLE");

    setEnv({ ANAPLAN_AUTH_URL: stack.sim.url });
    await stack.control.injectFault({ path: "^/token/authenticate", times: 10, mode: "status", status: 503 });
    const sick = await sessionRoute.POST(req("/api/session", { method: "POST", csrf: true, body }));
    expect([502, 503]).toContain(sick.status);
    expect(sick.status).not.toBe(500);
  }, 30_000);

  it("refuses malformed bodies without calling Anaplan", async () => {
    for (const body of [
      "{",
      '{"email":"a@b.c"}',
      '{"email":"a@b.c","password":"x","extra":1}',
      '{"email":["x"],"password":"y"}',
    ]) {
      const res = await sessionRoute.POST(req("/api/session", { method: "POST", csrf: true, body }));
      expect(res.status).toBe(400);
    }
    expect(await upstream(/^\/token\//)).toHaveLength(0);
  });

  it("issues a new session id on every sign-in (no fixation)", async () => {
    const first = await signIn("bruno");
    const res = await sessionRoute.POST(
      req("/api/session", {
        method: "POST",
        csrf: true,
        cookie: first,
        body: JSON.stringify({ email: SEED.users.ada.email, password: SEED.password }),
      }),
    );
    const second = setCookieValue(res) as string;
    const [a, b] = [await unsealCookie(first), await unsealCookie(second)];
    expect(b.sid).not.toBe(a.sid);
    expect(b.user.email).toBe(SEED.users.ada.email);
  });

  it("a new sign-in ends the session it replaces: its cookie revoked here, its token signed out upstream", async () => {
    const old = await signIn("bruno");
    await stack.control.clearRequests();
    const res = await sessionRoute.POST(
      req("/api/session", {
        method: "POST",
        csrf: true,
        cookie: old,
        body: JSON.stringify({ email: SEED.users.ada.email, password: SEED.password }),
      }),
    );
    expect(res.status).toBe(200);
    const fresh = setCookieValue(res) as string;
    expect(await upstream(/^\/token\/logout/, "POST")).toHaveLength(1);
    expect((await getSession(old)).status).toBe(401);
    expect((await getSession(fresh)).status).toBe(200);
    // Another instance (no revocation list): Anaplan no longer accepts the old token either.
    resetRevocationsForTests();
    expect((await getWorkspaces(old)).status).toBe(401);
    expect((await getWorkspaces(fresh)).status).toBe(200);
  });

  it("a failed sign-in leaves the current session alone", async () => {
    const current = await signIn("bruno");
    const res = await sessionRoute.POST(
      req("/api/session", {
        method: "POST",
        csrf: true,
        cookie: current,
        body: JSON.stringify({ email: SEED.users.ada.email, password: "nope" }),
      }),
    );
    expect(res.status).toBe(401);
    expect((await getSession(current)).status).toBe(200);
  });

  it("slows down password guessing per email (the full limits: sign-in-limits.test.ts)", async () => {
    const body = JSON.stringify({ email: SEED.users.chloe.email, password: "nope" });
    for (let i = 0; i < EMAIL_FREE; i += 1) {
      expect((await sessionRoute.POST(req("/api/session", { method: "POST", csrf: true, body }))).status).toBe(401);
    }
    const blocked = await sessionRoute.POST(req("/api/session", { method: "POST", csrf: true, body }));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await upstream(/^\/token\/authenticate/)).toHaveLength(EMAIL_FREE);
  });
});

describe("reading the session", () => {
  it("GET /api/session returns user, method and end of session, never the token", async () => {
    const cookie = await signIn();
    const res = await getSession(cookie);
    expect(res.status).toBe(200);
    await expectNoSentinel(res);
    const info = (await res.json()) as { user: { id: string }; authMethod: string; expiresAt: number };
    expect(info.user.id).toBe(SEED.users.ada.id);
    expect(info.expiresAt).toBeGreaterThan(Date.now() + 11 * 3600_000);
  });

  it("without a cookie answers 401 UNAUTHENTICATED", async () => {
    const res = await getSession();
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  describe("unreadable or ended cookies read as signed out: 401, cookie cleared, no upstream call, never 500", () => {
    const cases: [string, (valid: string, data: SessionData) => Promise<string> | string][] = [
      ["empty", () => ""],
      ["garbage", () => "abc"],
      ["three parts", () => "a*b*c"],
      ["truncated", (v) => v.slice(0, Math.floor(v.length / 2))],
      ["last char dropped", (v) => v.slice(0, -3) + "~2"],
      [
        "flipped HMAC char",
        (v) => {
          const p = v.replace(/~2$/, "").split("*");
          const h = p[7] as string;
          p[7] = (h[0] === "A" ? "B" : "A") + h.slice(1);
          return `${p.join("*")}~2`;
        },
      ],
      [
        "Fe26.1 prefix (iron-session 8 throws)",
        (v) => {
          const p = v.replace(/~2$/, "").split("*");
          p[0] = "Fe26.1";
          return `${p.join("*")}~2`;
        },
      ],
      [
        "non-numeric expiration (iron-session 8 throws)",
        (v) => {
          const p = v.replace(/~2$/, "").split("*");
          p[5] = "abc";
          return `${p.join("*")}~2`;
        },
      ],
      [
        "bad base64 in the ciphertext",
        (v) => {
          const p = v.replace(/~2$/, "").split("*");
          p[4] = "!!!!";
          return `${p.join("*")}~2`;
        },
      ],
      ["legacy ~1 suffix", (v) => v.replace(/~2$/, "~1")],
      [
        "foreign secret",
        async (_v, d) => sealData(d, { password: { 7: "another-environment-secret-0123456789" }, ttl: 3600 }),
      ],
      ["valid seal, wrong shape", async () => reseal({ user: "mallory", isAdmin: true } as unknown as SessionData)],
      [
        "expired seal",
        async (_v, d) => {
          const real = Date.now;
          const spy = vi.spyOn(Date, "now").mockImplementation(() => real() - 10 * 60_000);
          try {
            return await sealData(d, { password: sessionKeys([SECRET_A]).seal, ttl: 60 });
          } finally {
            spy.mockRestore();
          }
        },
      ],
      ["past the absolute lifetime", async (_v, d) => reseal({ ...d, createdAt: Date.now() - 12 * 3600_000 - 60_000 })],
      ["idle too long", async (_v, d) => reseal({ ...d, lastSeenAt: Date.now() - 2 * 3600_000 - 60_000 })],
      [
        "no seal expiry (ttl 0) but too old",
        async (_v, d) =>
          sealData(
            { ...d, createdAt: Date.now() - 400 * 24 * 3600_000 },
            { password: sessionKeys([SECRET_A]).seal, ttl: 0 },
          ),
      ],
      [
        "created in the future",
        async (_v, d) => reseal({ ...d, createdAt: Date.now() + 3600_000, lastSeenAt: Date.now() + 3600_000 }),
      ],
      ["10 KB of junk", () => "x".repeat(10_000)],
    ];
    it.each(cases)("%s", async (_name, make) => {
      const valid = await signIn();
      const data = await unsealCookie(valid);
      const cookie = await make(valid, data);
      await stack.control.clearRequests();
      for (const res of [await getSession(cookie), await getWorkspaces(cookie)]) {
        await expectNoSentinel(res);
        expect(res.status).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
        if (cookie !== "") expect(setCookieLine(res)).toMatch(/^export-desk=; .*Max-Age=0/);
      }
      expect(await stack.control.requests()).toHaveLength(0);
    });
  });

  it("two cookies of the same name, valid and tampered, in either order: deterministic, never 500", async () => {
    const valid = await signIn();
    const bad = valid.replace(/~2$/, "~1");
    for (const header of [`${COOKIE}=${valid}; ${COOKIE}=${bad}`, `${COOKIE}=${bad}; ${COOKIE}=${valid}`]) {
      const res = await sessionRoute.GET(req("/api/session", { headers: { cookie: header } }));
      expect([200, 401]).toContain(res.status);
    }
  });
});

describe("secret rotation", () => {
  it("an old-secret cookie still reads after rotation, is re-sealed with the new secret, and fails once the old is gone", async () => {
    const old = await signIn();
    setEnv({ SESSION_SECRET: `${SECRET_B},${SECRET_A}` });
    const stale = await reseal({ ...(await unsealCookie(old)), lastSeenAt: Date.now() - 5 * 60_000 });
    const res = await getSession(stale);
    expect(res.status).toBe(200);
    const renewed = setCookieValue(res) as string;
    expect(renewed.split("*")[1]).toBe(Object.keys(sessionKeys([SECRET_B]).seal)[0]);
    expect(renewed.split("*")[1]).not.toBe(stale.split("*")[1]);

    setEnv({ SESSION_SECRET: SECRET_B });
    expect((await getSession(renewed)).status).toBe(200);
    expect((await getSession(old)).status).toBe(401);
  });
});

describe("sign-out", () => {
  it("revokes upstream, clears the cookie, and a copy of the old cookie no longer works", async () => {
    const cookie = await signIn();
    await stack.control.clearRequests();
    const res = await sessionRoute.DELETE(req("/api/session", { method: "DELETE", csrf: true, cookie }));
    expect(res.status).toBe(204);
    expect(setCookieLine(res)).toMatch(/^export-desk=; .*Max-Age=0/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const logouts = await upstream(/^\/token\/logout/, "POST");
    expect(logouts).toHaveLength(1);
    expect(logouts[0]?.authScheme).toBe("AnaplanAuthToken");

    // Same instance: the revocation list answers at once, without asking Anaplan.
    await stack.control.clearRequests();
    expect((await getSession(cookie)).status).toBe(401);
    expect((await getWorkspaces(cookie)).status).toBe(401);
    expect(await stack.control.requests()).toHaveLength(0);

    // Another instance (no revocation list): Anaplan refuses the revoked token and its refresh → signed out.
    resetRevocationsForTests();
    const replay = await getWorkspaces(cookie);
    expect(replay.status).toBe(401);
    expect(setCookieLine(replay)).toMatch(/Max-Age=0/);
    await expectNoSentinel(replay);
  });

  it("refuses a cross-site sign-out", async () => {
    const cookie = await signIn();
    const res = await sessionRoute.DELETE(
      req("/api/session", { method: "DELETE", cookie, headers: { origin: "https://evil.example" } }),
    );
    expect(res.status).toBe(403);
    expect((await getSession(cookie)).status).toBe(200);
  });
});

describe("token lifecycle", () => {
  async function nearExpiry(cookie: string, remainingMs = 2_000, lifetimeMs = 20_000): Promise<string> {
    const data = await unsealCookie(cookie);
    const now = Date.now();
    return reseal({ ...data, tokenExpiresAt: now + remainingMs, tokenIssuedAt: now + remainingMs - lifetimeMs });
  }

  it("20 concurrent requests with the same near-expiry cookie: exactly one upstream refresh, all succeed", async () => {
    await stack.control.configure({ tokenLifetimeSeconds: 20 });
    const cookie = await nearExpiry(await signIn());
    await stack.control.clearRequests();
    const responses = await Promise.all(Array.from({ length: 20 }, () => getWorkspaces(cookie)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(await upstream(/^\/token\/refresh/)).toHaveLength(1);
    for (const res of responses) {
      await expectNoSentinel(res);
      const renewed = await unsealCookie(setCookieValue(res) as string);
      expect(renewed.tokenExpiresAt).toBeGreaterThan(Date.now() + 10_000);
    }
    // A straggler with the same old cookie adopts the refreshed token instead of refreshing again.
    expect((await getWorkspaces(cookie)).status).toBe(200);
    expect(await upstream(/^\/token\/refresh/)).toHaveLength(1);
  });

  it("a 401 from Anaplan gets one refresh and one retry", async () => {
    const cookie = await signIn();
    await stack.control.clearRequests();
    await stack.control.injectFault({ method: "GET", path: "^/2/0/workspaces$", times: 1, status: 401 });
    const res = await getWorkspaces(cookie);
    expect(res.status).toBe(200);
    expect(await upstream(/^\/token\/refresh/)).toHaveLength(1);
    expect(await upstream(/^\/2\/0\/workspaces/, "GET")).toHaveLength(2);
  });

  it("when the refresh is refused the session is over: 401 and the cookie cleared", async () => {
    const cookie = await signIn();
    await stack.control.injectFault({ method: "GET", path: "^/2/0/workspaces", times: 5, status: 401 });
    await stack.control.injectFault({ path: "^/token/refresh", times: 5, status: 401 });
    const res = await getWorkspaces(cookie);
    expect(res.status).toBe(401);
    expect(setCookieLine(res)).toMatch(/Max-Age=0/);
    expect((await getSession(cookie)).status).toBe(401);
  });

  it("a sign-in service outage never signs anyone out: near expiry → current token; expired → 503, cookie kept", async () => {
    const base = await signIn();
    await stack.control.injectFault({ path: "^/token/refresh", times: 50, status: 503 });
    const near = await nearExpiry(base, 2_000);
    expect((await getWorkspaces(near)).status).toBe(200);

    const expired = await nearExpiry(base, -1_000);
    const res = await getWorkspaces(expired);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("AUTH_UNAVAILABLE");
    expect(setCookieLine(res)).toBeUndefined();
  }, 30_000);

  it("records activity at most once a minute (idle timeout) without re-sealing on every request", async () => {
    const cookie = await signIn();
    const fresh = await getSession(cookie);
    expect(setCookieValue(fresh)).toBeUndefined();
    const data = await unsealCookie(cookie);
    const stale = await reseal({ ...data, lastSeenAt: Date.now() - 10 * 60_000 });
    const touched = await getSession(stale);
    const renewed = await unsealCookie(setCookieValue(touched) as string);
    expect(renewed.lastSeenAt).toBeGreaterThan(Date.now() - 5_000);
    expect(renewed.sid).toBe(data.sid);
  });

  it("seals a touch once: requests still carrying the old cookie all get the same new one", async () => {
    const data = await unsealCookie(await signIn());
    const stale = await reseal({ ...data, lastSeenAt: Date.now() - 10 * 60_000 });
    const answers = await Promise.all([getSession(stale), getSession(stale), getSession(stale)]);
    const cookies = answers.map((res) => setCookieValue(res));
    expect(cookies[0]).toBeDefined();
    expect(new Set(cookies).size).toBe(1);
    expect((await getSession(stale)).status).toBe(200);
    expect(setCookieValue(await getSession(stale))).toBe(cookies[0]);
  });
});

describe("cookie size", () => {
  it("stays under 4 KB with long OAuth access and refresh tokens", async () => {
    const { sealSession, sessionCookie } = await import("@/lib/session/cookie");
    const now = Date.now();
    const data: SessionData = {
      v: 1,
      sid: "s".repeat(24),
      authMethod: "oauth",
      token: `${SENTINEL}${"a".repeat(1500)}`,
      refreshToken: `${SENTINEL}${"r".repeat(600)}`,
      tokenExpiresAt: now + 2_100_000,
      tokenIssuedAt: now,
      user: {
        id: SEED.users.bruno.id,
        email: "a.very.long.email.address.for.testing@subsidiary.example.com",
        name: "Bruno Díaz Fernández de la Peña",
      },
      createdAt: now,
      lastSeenAt: now,
    };
    const sealed = await sealSession(data);
    const spec = sessionCookie(sealed, data);
    const line = `${spec.name}=${spec.value}; Path=/; Max-Age=${spec.maxAge}; HttpOnly; Secure; SameSite=Lax`;
    expect(line.length).toBeLessThan(3800);
    await expect(sealSession({ ...data, token: "t".repeat(3000) })).rejects.toThrow(/fits in a session cookie/);
  });
});
