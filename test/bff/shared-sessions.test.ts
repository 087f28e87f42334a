/**
 * Several instances on one PostgreSQL database (DATABASE_URL): they agree on sign-outs and on token refreshes.
 * "Another instance" is this process after forgetting everything it keeps in memory; what is left is the database.
 */
import { sealData } from "iron-session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as callbackRoute from "@/app/api/auth/oauth/callback/route";
import * as startRoute from "@/app/api/auth/oauth/start/route";
import * as sessionRoute from "@/app/api/session/route";
import * as tasksRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/route";
import { createTestDatabase, type TestDatabase } from "@/lib/db/testing/test-databases";
import { sessionKeys } from "@/lib/session/keys";
import { resetRefreshStateForTests } from "@/lib/session/refresh";
import { resetRevocationsForTests } from "@/lib/session/revocation";
import { refreshOnceShared } from "@/lib/session/shared-store";
import { resetTaskListCacheForTests } from "@/lib/data/task-list-cache";
import { M, SECRET_A, SEED, W, ctx, req, setCookieValue, signIn, unsealCookie } from "./helpers";
import { setUpStack } from "./stack";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase("postgres");
  process.env.DATABASE_URL = database.location;
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  const { closeDbForTests } = await import("@/lib/db");
  await closeDbForTests();
  await database.drop();
});
const stack = setUpStack();

/** Forgets what this process remembers, as a second instance would never have known it. */
function becomeAnotherInstance(): void {
  resetRevocationsForTests();
  resetRefreshStateForTests();
  resetTaskListCacheForTests();
}

const seal = (data: object) => sealData(data, { password: sessionKeys([SECRET_A]).seal, ttl: 12 * 3600 });
const tokenGrants = async () => (await stack.control.requests()).filter((r) => r.path === "/oauth/token").length;

async function oauthSignIn(): Promise<string> {
  const start = await startRoute.GET(req("/api/auth/oauth/start?returnTo=%2F"));
  const location = new URL(start.headers.get("location") as string);
  const form = new URLSearchParams(location.searchParams);
  form.set("email", SEED.users.ada.email);
  form.set("password", SEED.password);
  form.set("decision", "allow");
  const authorized = await fetch(`${location.origin}${location.pathname}`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const back = new URL(authorized.headers.get("location") as string);
  const stateCookie = setCookieValue(start, "export-desk-oauth") as string;
  const res = await callbackRoute.GET(
    req(`${back.pathname}${back.search}`, { headers: { cookie: `export-desk-oauth=${stateCookie}` } }),
  );
  return setCookieValue(res) as string;
}

describe("instances sharing DATABASE_URL", () => {
  it("a cookie signed out on one instance is refused by another that served it moments before", async () => {
    const cookie = await signIn("ada");
    const list = () =>
      tasksRoute.GET(
        req(`/api/workspaces/${W}/models/${M}/exports/116000000001/tasks`, { cookie }),
        ctx({ workspaceId: W, modelId: M, exportId: "116000000001" }),
      );
    expect((await list()).status).toBe(200);
    expect((await sessionRoute.GET(req("/api/session", { cookie }))).status).toBe(200);

    const out = await sessionRoute.DELETE(req("/api/session", { method: "DELETE", cookie, csrf: true }));
    expect(out.status).toBe(204);
    becomeAnotherInstance();
    expect((await sessionRoute.GET(req("/api/session", { cookie }))).status).toBe(401);
    expect((await list()).status).toBe(401);
  });

  it("two instances refreshing one OAuth session make one refresh grant; the second adopts the first's token", async () => {
    await stack.control.configure({ tokenLifetimeSeconds: 20 });
    const data = await unsealCookie(await oauthSignIn());
    const now = Date.now();
    const near = await seal({ ...data, tokenExpiresAt: now + 2_000, tokenIssuedAt: now - 18_000 });
    await stack.control.clearRequests();

    const first = await sessionRoute.GET(req("/api/session", { cookie: near }));
    becomeAnotherInstance();
    const second = await sessionRoute.GET(req("/api/session", { cookie: near }));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await tokenGrants()).toBe(1);
    const [a, b] = await Promise.all([first, second].map(async (r) => unsealCookie(setCookieValue(r) as string)));
    expect(b?.token).toBe(a?.token);
    expect(b?.refreshToken).toBe(a?.refreshToken);
  });

  it("concurrent refreshes of one token on several instances run one refresh; the others adopt it", async () => {
    let refreshes = 0;
    const refresh = async () => {
      refreshes += 1;
      await new Promise((r) => setTimeout(r, 50));
      return { token: `new-${refreshes}` };
    };
    const results = await Promise.all(Array.from({ length: 6 }, () => refreshOnceShared("same-old-token", refresh)));
    expect(refreshes).toBe(1);
    expect(new Set(results.map((r) => r.token))).toEqual(new Set(["new-1"]));
  });

  it("an instance that cannot reach the database still answers from its own memory", async () => {
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:1/nowhere";
    const { closeDbForTests } = await import("@/lib/db");
    await closeDbForTests();
    const { resetConfigForTests } = await import("@/lib/config");
    resetConfigForTests();
    try {
      const cookie = await signIn("ada");
      expect((await sessionRoute.GET(req("/api/session", { cookie }))).status).toBe(200);
      expect((await sessionRoute.DELETE(req("/api/session", { method: "DELETE", cookie, csrf: true }))).status).toBe(
        204,
      );
      expect((await sessionRoute.GET(req("/api/session", { cookie }))).status).toBe(401);
    } finally {
      process.env.DATABASE_URL = database.location;
      await closeDbForTests();
      resetConfigForTests();
    }
  });
});
