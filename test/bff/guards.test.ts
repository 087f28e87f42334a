import { describe, expect, it } from "vitest";
import { ORIGIN, ctx, expectNoSentinel, req } from "./helpers";
import { setUpStack } from "./stack";
import { ROUTES, paramsFor, type RouteEntry } from "./route-table";

let cookie: string;
const stack = setUpStack({ onSignIn: (value) => (cookie = value) });

const SESSION_ROUTES = ROUTES.filter((r) => !["session", "oauth start", "oauth callback"].includes(r.name));

async function expectNoUpstream(): Promise<void> {
  expect(await stack.control.requests()).toEqual([]);
}

describe("every session-bound route without a session → 401, no upstream call", () => {
  const cases = SESSION_ROUTES.flatMap((r) => Object.keys(r.methods).map((m) => [r.name, m, r] as const));
  it.each(cases)("%s %s", async (_n, method, route) => {
    const handler = route.methods[method as "GET"]!;
    const headers = {
      "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware",
      "x-nextjs-data": "1",
      rsc: "1",
    };
    const res = await handler(
      req(route.path(paramsFor(route)), {
        method,
        csrf: method !== "GET",
        headers,
        body: method === "POST" ? "{}" : undefined,
      }),
      ctx(paramsFor(route)),
    );
    expect(res.status).toBe(401);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    await expectNoUpstream();
  });
});

describe("CSRF matrix on every state-changing route (sign-in included) → 403/415, nothing reaches Anaplan", () => {
  const unsafe: [string, "POST" | "DELETE", RouteEntry][] = ROUTES.flatMap((r) =>
    (["POST", "DELETE"] as const)
      .filter((m) => r.methods[m])
      .map((m) => [r.name, m, r] as [string, "POST" | "DELETE", RouteEntry]),
  );
  const good = { origin: ORIGIN, "x-export-desk-csrf": "1", "content-type": "application/json" };
  const matrix: [string, Record<string, string>, number][] = [
    ["no Origin", { "x-export-desk-csrf": "1", "content-type": "application/json" }, 403],
    ["Origin null", { ...good, origin: "null" }, 403],
    ["evil Origin", { ...good, origin: "https://evil.example" }, 403],
    ["look-alike Origin", { ...good, origin: `${ORIGIN}.evil.example` }, 403],
    ["other port", { ...good, origin: "http://127.0.0.1:3124" }, 403],
    ["other scheme", { ...good, origin: "https://127.0.0.1:3123" }, 403],
    ["Referer only", { "x-export-desk-csrf": "1", "content-type": "application/json", referer: `${ORIGIN}/` }, 403],
    ["no CSRF header", { origin: ORIGIN, "content-type": "application/json" }, 403],
    ["Sec-Fetch-Site cross-site", { ...good, "sec-fetch-site": "cross-site" }, 403],
    [
      "X-Forwarded-Host spoof",
      { ...good, origin: "https://evil.example", "x-forwarded-host": "evil.example", host: "evil.example" },
      403,
    ],
    ["text/plain body", { ...good, "content-type": "text/plain" }, 415],
    ["form body", { ...good, "content-type": "application/x-www-form-urlencoded" }, 415],
    ["multipart body", { ...good, "content-type": "multipart/form-data; boundary=x" }, 415],
  ];
  const cases = unsafe.flatMap(([name, method, route]) =>
    matrix.map(([label, headers, status]) => [`${method} ${name}`, label, headers, status, method, route] as const),
  );
  it.each(cases)("%s: %s", async (_r, _label, headers, status, method, route) => {
    const body =
      route.name === "session" && method === "POST"
        ? JSON.stringify({ email: "ada.lovelace@example.com", password: "x" })
        : "{}";
    const handler = route.methods[method]!;
    const res = await handler(
      req(route.path(paramsFor(route)), {
        method,
        cookie,
        headers,
        body: method === "POST" || status === 415 ? body : undefined,
      }),
      ctx(paramsFor(route)),
    );
    expect(res.status).toBe(status);
    await expectNoSentinel(res);
    await expectNoUpstream();
  });
});

describe("ids and path injection → 400 INVALID_ID with zero upstream calls", () => {
  const badIds = [
    "..",
    ".",
    "%2e%2e",
    "%2E%2E",
    ".%2e",
    "..%2F..%2Fauth",
    "%2F",
    "a%2Fb",
    "%252F",
    "%5C",
    "a\\b",
    "//evil.com/x",
    "http://evil.com/",
    "@evil.com",
    "evil.com:443",
    "a?b=1",
    "a%3Fb%3D1",
    "a#f",
    "a%23f",
    "a;b",
    "a&b",
    "%0d%0aX-Injected:1",
    "\r\nX-Injected: 1",
    "%00",
    "\u0000",
    "%09",
    " 116000000001",
    "116000000001 ",
    "１１６０００００００００１",
    "١١٦٠٠٠٠٠٠٠٠١",
    "116000000001\u200b",
    "116000000001abc",
    "1e3",
    "0x1F",
    "-1",
    "+1",
    "1.0",
    "",
    "99999999999999999999",
    "9".repeat(10_000),
    "75A40874E6B64FA3AE0743278996850",
    "75A40874E6B64FA3AE0743278996850FA",
    "G5A40874E6B64FA3AE0743278996850F",
  ];
  const positions = SESSION_ROUTES.flatMap((route) =>
    route.params.flatMap((param) => Object.keys(route.methods).map((method) => ({ route, param, method }))),
  );
  it.each(positions.map((p) => [`${p.method} ${p.route.name} [${p.param}]`, p] as const))(
    "%s",
    async (_label, { route, param, method }) => {
      for (const bad of badIds) {
        const params = paramsFor(route, { [param]: bad });
        const handler = route.methods[method as "GET"]!;
        const res = await handler(
          req(route.path(paramsFor(route)), {
            method,
            cookie,
            csrf: method !== "GET",
            body: method === "POST" ? "{}" : undefined,
          }),
          ctx(params),
        );
        expect(res.status, `${param}=${JSON.stringify(bad).slice(0, 40)}`).toBe(400);
        const text = await res.text();
        expect(JSON.parse(text).error.code).toBe("INVALID_ID");
        if (bad.length > 3) expect(text).not.toContain(bad);
      }
      await expectNoUpstream();
    },
  );

  it("ids typed as numbers or arrays are refused too", async () => {
    const route = SESSION_ROUTES.find((r) => r.name === "export detail")!;
    for (const bad of [116000000001, ["116000000001"], { $gt: "" }]) {
      const res = await route.methods.GET!(req("/api/x", { cookie }), {
        params: Promise.resolve({ ...paramsFor(route), exportId: bad as unknown as string }),
      });
      expect(res.status).toBe(400);
    }
    await expectNoUpstream();
  });
});

describe("start-task body", () => {
  const route = ROUTES.find((r) => r.name === "export tasks")!;
  it.each([
    ["invalid JSON", "{"],
    ["unknown field", '{"localeName":"en_US","url":"http://evil"}'],
    ["bad locale", '{"localeName":"en-US"}'],
    ["locale injection", '{"localeName":"en_US\\r\\nX: 1"}'],
    ["prototype pollution", '{"__proto__":{"isAdmin":true}}'],
    ["array", "[]"],
  ])("%s → 400, no task started", async (_label, body) => {
    const res = await route.methods.POST!(
      req(route.path(paramsFor(route)), { method: "POST", cookie, csrf: true, body }),
      ctx(paramsFor(route)),
    );
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    await expectNoUpstream();
  });
  it("a body over 16 KiB → 413", async () => {
    const res = await route.methods.POST!(
      req(route.path(paramsFor(route)), {
        method: "POST",
        cookie,
        csrf: true,
        body: JSON.stringify({ localeName: "x".repeat(20_000) }),
      }),
      ctx(paramsFor(route)),
    );
    expect(res.status).toBe(413);
    await expectNoUpstream();
  });
});
