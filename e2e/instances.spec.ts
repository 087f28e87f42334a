import { SEED } from "../sim/seed/ids";
import { CookieJar, unsafeHeaders } from "./support/cookie-jar";
import { LB2_PORT } from "./support/env";
import { expect, test } from "./support/fixtures";
import { createScratchDatabase } from "./support/scratch-database";
import { startInstance, startRoundRobin, type Instance } from "./support/instances";

/**
 * Two standalone instances behind a round-robin balancer, sharing one PostgreSQL database (DATABASE_URL), with
 * 12-second tokens: they agree on refreshes and sign-outs. Token lifetimes are real time to the BFF, so these tests
 * take about a minute each.
 */
const LB_URL = `http://127.0.0.1:${LB2_PORT}`;
const SECRET = "instances-secret-0123456789abcdef-not-for-production";
const tasksPath = `/api/workspaces/${SEED.workspaces.finance}/models/${SEED.models.fpa}/exports/${SEED.exports.revenueCsv}/tasks`;
const LIFETIME_S = 12;

interface Cluster {
  instances: Instance[];
  balancer: Awaited<ReturnType<typeof startRoundRobin>>;
  stop(): Promise<void>;
}

async function startCluster(): Promise<Cluster> {
  const database = await createScratchDatabase();
  const env = {
    SESSION_SECRET: SECRET,
    APP_ORIGIN: LB_URL,
    DATABASE_URL: database.url,
    ANAPLAN_OAUTH_CLIENT_ID: SEED.oauthClient.clientId,
    ANAPLAN_OAUTH_CLIENT_SECRET: SEED.oauthClient.clientSecret,
  };
  const instances: Instance[] = [];
  let balancer: Cluster["balancer"] | undefined;
  const stop = async () => {
    await balancer?.stop();
    await Promise.all(instances.map((i) => i.stop()));
    await database.drop();
  };
  try {
    // One after the other is not needed (migrations take an advisory lock), but keeps start-up output readable.
    instances.push(await startInstance(LB2_PORT + 1, env), await startInstance(LB2_PORT + 2, env));
    balancer = await startRoundRobin(
      LB2_PORT,
      instances.map((i) => i.url),
    );
    return { instances, balancer, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SSO through the balancer as a browser would: start, the simulator's sign-in form, the callback. */
async function signInWithOAuth(jar: CookieJar): Promise<void> {
  const start = await jar.fetch(`${LB_URL}/api/auth/oauth/start?returnTo=%2F`);
  const authorize = new URL(start.headers.get("location") as string);
  const form = new URLSearchParams(authorize.searchParams);
  form.set("email", SEED.users.ada.email);
  form.set("password", SEED.password);
  form.set("decision", "allow");
  const granted = await fetch(`${authorize.origin}${authorize.pathname}`, {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const callback = new URL(granted.headers.get("location") as string);
  const back = await jar.fetch(`${LB_URL}${callback.pathname}${callback.search}`);
  expect(back.status).toBe(303);
  expect(back.headers.get("location")).toBe(`${LB_URL}/`);
}

async function signInWithPassword(jar: CookieJar): Promise<void> {
  const response = await jar.fetch(`${LB_URL}/api/session`, {
    method: "POST",
    headers: unsafeHeaders(LB_URL),
    body: JSON.stringify({ email: SEED.users.ada.email, password: SEED.password }),
  });
  expect(response.status).toBe(200);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test.describe("several instances on one PostgreSQL database", () => {
  test.describe.configure({ timeout: 180_000 });

  test("OAuth with rotating refresh tokens: bursts to both instances for five token lifetimes, no 401, no refresh twice", async ({
    sim,
  }) => {
    await sim.configure({ tokenLifetimeSeconds: LIFETIME_S });
    const cluster = await startCluster();
    try {
      const jar = new CookieJar();
      await signInWithOAuth(jar);
      await sim.clearRequests();
      const statuses: number[] = [];
      const started = Date.now();
      while (Date.now() - started < 5 * LIFETIME_S * 1000) {
        // One browser: six requests at once with the cookie it has; each answer may carry a renewed cookie.
        const burst = await Promise.all(Array.from({ length: 6 }, () => jar.fetch(LB_URL + tasksPath)));
        statuses.push(...burst.map((r) => r.status));
        await pause(1_500);
      }
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expect(new Set(cluster.balancer.served).size).toBe(2);
      // Tokens are renewed at half-life, so each lifetime sees about two grants; a second grant for the same refresh
      // token would have been refused (rotation) and shown as a 401 above.
      const grants = (await sim.requests()).filter((r) => r.path === "/oauth/token");
      expect(grants.length).toBeGreaterThanOrEqual(5);
      expect(grants.length).toBeLessThanOrEqual(2 * 5 + 1);
      expect(grants.every((g) => g.status === 200)).toBe(true);
    } finally {
      await cluster.stop();
    }
  });

  test("basic sign-in: a request every 3 s alternating between instances for three lifetimes stays signed in by refresh", async ({
    sim,
  }) => {
    await sim.configure({ tokenLifetimeSeconds: LIFETIME_S });
    const cluster = await startCluster();
    try {
      const jar = new CookieJar();
      await signInWithPassword(jar);
      await sim.clearRequests();
      const statuses: number[] = [];
      for (let i = 0; i < (3 * LIFETIME_S) / 3; i++) {
        statuses.push((await jar.fetch(cluster.instances[i % 2]!.url + tasksPath)).status);
        await pause(3_000);
      }
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      const requests = await sim.requests();
      expect(requests.filter((r) => r.path === "/token/refresh").length).toBeGreaterThanOrEqual(2);
      expect(requests.filter((r) => r.path === "/token/authenticate")).toEqual([]);
    } finally {
      await cluster.stop();
    }
  });

  test("signed out on one instance, a copy of the cookie is refused by the other right after it served it", async ({
    sim,
  }) => {
    void sim;
    const cluster = await startCluster();
    try {
      const [a, b] = cluster.instances as [Instance, Instance];
      const jar = new CookieJar();
      await signInWithPassword(jar);
      const copy = jar.copy();
      expect((await copy.fetch(b.url + tasksPath)).status).toBe(200);
      expect((await copy.fetch(`${b.url}/api/session`)).status).toBe(200);
      const out = await jar.fetch(`${a.url}/api/session`, {
        method: "DELETE",
        headers: unsafeHeaders(LB_URL),
        body: "{}",
      });
      expect(out.status).toBe(204);
      expect((await copy.fetch(b.url + tasksPath)).status).toBe(401);
      expect((await copy.copy().fetch(`${b.url}/api/session`)).status).toBe(401);
    } finally {
      await cluster.stop();
    }
  });
});
