import { sealData } from "iron-session";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { config, proxy } from "@/proxy";
import { sessionKeys } from "@/lib/session/keys";
import { HOSTILE_RETURN_TO } from "./hostile-return-to";
import { COOKIE, M, ORIGIN, SECRET_A, SECRET_B, W, setCookieValue, signIn, unsealCookie } from "./helpers";
import { setUpStack } from "./stack";

/** The cookie jar `cookies()` would return for the page being rendered. */
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) as string } : undefined),
    has: (name: string) => jar.has(name),
  }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  },
  notFound: () => {
    throw Object.assign(new Error("NEXT_NOT_FOUND"), { notFound: true });
  },
}));

beforeEach(() => jar.clear());
const stack = setUpStack({ simConfig: { tokenLifetimeSeconds: 20 } });

async function nearExpiry(cookie: string): Promise<string> {
  const data = await unsealCookie(cookie);
  const now = Date.now();
  return sealData(
    { ...data, tokenExpiresAt: now + 2_000, tokenIssuedAt: now - 18_000 },
    { password: sessionKeys([SECRET_A]).seal, ttl: 12 * 3600 },
  );
}

const page = (cookie?: string) =>
  new NextRequest(`${ORIGIN}/w/x/m/y`, { headers: cookie === undefined ? {} : { cookie: `${COOKIE}=${cookie}` } });

describe("proxy.ts (page navigations)", () => {
  it("runs for pages only, never for the API or static assets", () => {
    const matches = (path: string) => unstable_doesMiddlewareMatch({ config, url: `${ORIGIN}${path}` });
    expect(matches("/")).toBe(true);
    expect(matches("/w/8a81948849b9c4e2014a30802f5a02e4/m/75A40874E6B64FA3AE0743278996850F")).toBe(true);
    expect(matches("/login")).toBe(true);
    expect(matches("/api/workspaces")).toBe(false);
    expect(matches("/_next/static/chunks/app.js")).toBe(false);
    expect(matches("/favicon.ico")).toBe(false);
    expect(matches("/logo.png")).toBe(false);
  });

  it("refreshes a token near expiry once, sets the re-sealed cookie, and passes it to the render", async () => {
    const cookie = await nearExpiry(await signIn());
    await stack.control.clearRequests();
    const res = await proxy(page(cookie));
    const renewed = setCookieValue(res) as string;
    expect(renewed).toBeTruthy();
    expect((await unsealCookie(renewed)).tokenExpiresAt).toBeGreaterThan(Date.now() + 10_000);
    expect(
      res.headers.get("x-middleware-request-cookie") ?? res.headers.get("x-middleware-override-headers"),
    ).toBeTruthy();
    expect((await stack.control.requests()).filter((r) => r.path.startsWith("/token/refresh"))).toHaveLength(1);
    for (const [, value] of res.headers) expect(value).not.toContain("TKN_SENTINEL_");
  });

  it("leaves fresh sessions and missing cookies alone, and clears broken ones as the API does", async () => {
    const cookie = await signIn();
    await stack.control.clearRequests();
    for (const c of [cookie, undefined]) {
      const res = await proxy(page(c));
      expect(setCookieValue(res)).toBeUndefined();
    }
    expect(setCookieValue(await proxy(page("garbage")))).toBe("");
    expect(await stack.control.requests()).toHaveLength(0);
  });

  it("answers a page address with a malformed id as the 404 page, before anything renders", async () => {
    const rewriteOf = async (path: string) =>
      (await proxy(new NextRequest(`${ORIGIN}${path}`))).headers.get("x-middleware-rewrite");
    expect(await rewriteOf(`/w/${W}/m/NOTANID`)).toMatch(/:3123\/not-found\/malformed-link$/);
    expect(await rewriteOf(`/w/${W}/m/${M}/exports/12345/tasks/${"A".repeat(32)}`)).toMatch(/malformed-link$/);
    expect(await rewriteOf(`/w/${W}/m/${M}/exports/116000000001`)).toBeNull();
    expect(await rewriteOf(`/w/${W}/m/${M}/activity`)).toBeNull();
  });
});

describe("lib/dal.ts", () => {
  it("getPageSession gives the user and a bound api; requirePageSession redirects to sign-in", async () => {
    const { getPageSession, requirePageSession } = await import("@/lib/dal");
    expect(await getPageSession()).toBeNull();
    await expect(requirePageSession("/w/abc?tab=1")).rejects.toMatchObject({
      url: "/login?returnTo=%2Fw%2Fabc%3Ftab%3D1",
    });
  });

  it("with a valid cookie returns the session info, never the token", async () => {
    const { getPageSession } = await import("@/lib/dal");
    jar.set(COOKIE, await signIn());
    const session = await getPageSession();
    expect(session?.info.user.email).toBe("ada.lovelace@example.com");
    expect(JSON.stringify(session?.info)).not.toContain("TKN_SENTINEL_");
    expect((await session?.api.workspaces())?.length).toBeGreaterThan(0);
  });

  it("an ended session redirects with reason=expired; an off-site returnTo becomes /", async () => {
    const { requirePageSession } = await import("@/lib/dal");
    const data = await unsealCookie(await signIn());
    jar.set(
      COOKIE,
      await sealData(
        { ...data, lastSeenAt: Date.now() - 3 * 3600_000 },
        { password: sessionKeys([SECRET_A]).seal, ttl: 3600 },
      ),
    );
    await expect(requirePageSession("//evil.com")).rejects.toMatchObject({ url: "/login?returnTo=%2F&reason=expired" });
  });
});

describe("lib/dal.ts with a cookie it cannot read", () => {
  it.each([
    ["tampered", async () => `${(await signIn()).slice(0, -4)}AAAA`],
    ["foreign (sealed with another secret)", async () => sealData({ sid: "x" }, { password: SECRET_B.repeat(2) })],
    ["garbage", async () => "not-a-session"],
  ])("a %s cookie asks to sign in (reason=sign-in), not 'expired' or 'signed out'", async (_name, cookie) => {
    const { requirePageSession } = await import("@/lib/dal");
    jar.set(COOKIE, await cookie());
    await expect(requirePageSession("/w/abc")).rejects.toMatchObject({
      url: "/login?returnTo=%2Fw%2Fabc&reason=sign-in",
    });
  });
});

describe("lib/dal.ts when Anaplan has revoked the token", () => {
  it("a 401 during rendering ends the session and redirects to sign-in with reason=expired", async () => {
    const { requirePageSession } = await import("@/lib/dal");
    const { resetRevocationsForTests } = await import("@/lib/session/revocation");
    const cookie = await signIn();
    jar.set(COOKIE, cookie);
    const session = await requirePageSession("/w/abc");
    await stack.control.injectFault({ method: "GET", path: "^/2/0/workspaces$", times: 1, status: 401 });
    await expect(session.api.workspaces()).rejects.toMatchObject({ url: "/login?returnTo=%2Fw%2Fabc&reason=expired" });
    await expect(requirePageSession("/w/abc")).rejects.toMatchObject({
      url: "/login?returnTo=%2Fw%2Fabc&reason=expired",
    });
    resetRevocationsForTests();
  });
});

/** Renders the model layout and one of its pages as Next does (both asked for the model context), then counts. */
async function listReads(render: () => Promise<unknown>): Promise<{ workspaces: number; models: number }> {
  jar.set(COOKIE, await signIn());
  await stack.control.clearRequests();
  await render();
  const paths = (await stack.control.requests()).map((r) => r.path.split("?")[0] ?? "");
  return {
    workspaces: paths.filter((p) => p.endsWith("/workspaces")).length,
    models: paths.filter((p) => p.endsWith("/models")).length,
  };
}

describe("a model page render", () => {
  const params = Promise.resolve({ workspaceId: W, modelId: M });

  it("reads the workspace list and the model list once for the catalogue", async () => {
    const { default: Layout } = await import("@/app/(desk)/w/[workspaceId]/m/[modelId]/layout");
    const { default: Page } = await import("@/app/(desk)/w/[workspaceId]/m/[modelId]/page");
    const reads = await listReads(() =>
      Promise.all([Layout({ children: null, params }), Page({ params, searchParams: Promise.resolve({}) })]),
    );
    expect(reads).toEqual({ workspaces: 1, models: 1 });
  });

  it("reads the workspace list and the model list once for an export", async () => {
    const { default: Layout } = await import("@/app/(desk)/w/[workspaceId]/m/[modelId]/layout");
    const { default: Page } = await import("@/app/(desk)/w/[workspaceId]/m/[modelId]/exports/[exportId]/page");
    const exportParams = Promise.resolve({ workspaceId: W, modelId: M, exportId: "116000000001" });
    const reads = await listReads(() =>
      Promise.all([
        Layout({ children: null, params }),
        Page({ params: exportParams, searchParams: Promise.resolve({}) }),
      ]),
    );
    expect(reads).toEqual({ workspaces: 1, models: 1 });
  });

  it("still sends the user to sign in when the shared lookup meets a revoked token", async () => {
    const { default: Layout } = await import("@/app/(desk)/w/[workspaceId]/m/[modelId]/layout");
    const { default: Page } = await import("@/app/(desk)/w/[workspaceId]/m/[modelId]/page");
    const { resetRevocationsForTests } = await import("@/lib/session/revocation");
    jar.set(COOKIE, await signIn());
    await stack.control.injectFault({ method: "GET", path: "^/2/0/workspaces$", times: 5, status: 401 });
    const layout = Layout({ children: null, params });
    await expect(Page({ params, searchParams: Promise.resolve({}) })).rejects.toMatchObject({
      url: expect.stringContaining("reason=expired"),
    });
    await layout;
    resetRevocationsForTests();
  });
});

describe("the sign-in page", () => {
  it.each(HOSTILE_RETURN_TO)("sends a signed-in visitor with returnTo %j to / and nowhere else", async (returnTo) => {
    const { default: LoginPage } = await import("@/app/login/page");
    jar.set(COOKIE, await signIn());
    const render = LoginPage({
      params: Promise.resolve({}),
      searchParams: Promise.resolve({ returnTo }),
    } as PageProps<"/login">);
    await expect(render).rejects.toMatchObject({ url: "/" });
  });
});

describe("pages with a malformed id in their address", () => {
  it.each([
    ["a short model id", { workspaceId: W, modelId: "NOTANID" }, "page"],
    ["a short export id", { workspaceId: W, modelId: M, exportId: "12345" }, "exports/[exportId]/page"],
    [
      "a task id that is not hex",
      { workspaceId: W, modelId: M, exportId: "116000000001", taskId: "z".repeat(32) },
      "exports/[exportId]/tasks/[taskId]/page",
    ],
  ])("%s answers 404 before any Anaplan call", async (_name, ids, page) => {
    jar.set(COOKIE, await signIn());
    await stack.control.clearRequests();
    const { default: Page } = (await import(`@/app/(desk)/w/[workspaceId]/m/[modelId]/${page}`)) as {
      default: (p: unknown) => Promise<unknown>;
    };
    await expect(Page({ params: Promise.resolve(ids), searchParams: Promise.resolve({}) })).rejects.toMatchObject({
      notFound: true,
    });
    expect(await stack.control.requests()).toHaveLength(0);
  });
});
