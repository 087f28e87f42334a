import { SEED } from "../sim/seed/ids";
import { CookieJar, unsafeHeaders } from "./support/cookie-jar";
import { expect, test } from "./support/fixtures";
import { startInstance, startRoundRobin, type Instance } from "./support/instances";

const OLD_SECRET = "rotation-old-secret-0123456789abcdef-not-for-production";
const NEW_SECRET = "rotation-new-secret-0123456789abcdef-not-for-production";
const LB_PORT = 3130;
const LB_URL = `http://127.0.0.1:${LB_PORT}`;
const tasksPath = `/api/workspaces/${SEED.workspaces.finance}/models/${SEED.models.fpa}/exports/${SEED.exports.revenueCsv}/tasks`;

async function signIn(jar: CookieJar, base: string, origin = base): Promise<void> {
  const response = await jar.fetch(`${base}/api/session`, {
    method: "POST",
    headers: unsafeHeaders(origin),
    body: JSON.stringify({ email: SEED.users.ada.email, password: SEED.password }),
  });
  expect(response.status).toBe(200);
}

test.describe("deployment", () => {
  test.describe.configure({ timeout: 120_000 });

  test("every response carries the security headers, and no X-Powered-By", async ({ request }) => {
    for (const path of ["/login", "/api/health", "/api/session"]) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("same-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      expect(headers["x-powered-by"], path).toBeUndefined();
    }
    const page = await request.get("/login");
    const csp = page.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src [^;]*'nonce-/);
    const https = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toContain("max-age=");
  });

  test("two instances behind a round-robin balancer share sessions, token refresh and sign-out", async ({ sim }) => {
    await sim.configure({ tokenLifetimeSeconds: 30 });
    const env = { SESSION_SECRET: OLD_SECRET, APP_ORIGIN: LB_URL };
    const instances: Instance[] = [await startInstance(3131, env), await startInstance(3132, env)];
    const balancer = await startRoundRobin(
      LB_PORT,
      instances.map((i) => i.url),
    );
    try {
      const jar = new CookieJar();
      await signIn(jar, LB_URL);
      for (let i = 0; i < 4; i++) expect((await jar.fetch(LB_URL + tasksPath)).status).toBe(200);
      expect(new Set(balancer.served).size).toBe(2);

      // Past the refresh point of a 30 s token: one instance refreshes, both keep working with the new cookie.
      await new Promise((r) => setTimeout(r, 27_000));
      const stale = jar.copy();
      for (let i = 0; i < 4; i++) expect((await jar.fetch(LB_URL + tasksPath)).status).toBe(200);
      expect((await sim.requests()).filter((r) => r.path === "/token/refresh").length).toBeGreaterThanOrEqual(1);
      await new Promise((r) => setTimeout(r, 8_000));
      for (const instance of instances) expect((await jar.fetch(instance.url + tasksPath)).status).toBe(200);

      // Sign out on one instance; a copy of the cookie no longer works on the other.
      const out = await jar.fetch(`${instances[1]!.url}/api/session`, {
        method: "DELETE",
        headers: unsafeHeaders(LB_URL),
        body: "{}",
      });
      expect(out.status).toBeLessThan(300);
      expect((await stale.fetch(instances[0]!.url + tasksPath)).status).toBe(401);
    } finally {
      await balancer.stop();
      await Promise.all(instances.map((i) => i.stop()));
    }
  });

  test("secret rotation: old cookies still open, new cookies are sealed with the new secret", async () => {
    const old = await startInstance(3133, { SESSION_SECRET: OLD_SECRET, APP_ORIGIN: "http://127.0.0.1:3133" });
    const rotatedOrigin = "http://127.0.0.1:3134";
    let rotated: Instance | undefined;
    try {
      const oldJar = new CookieJar();
      await signIn(oldJar, old.url);
      rotated = await startInstance(3134, { SESSION_SECRET: `${NEW_SECRET},${OLD_SECRET}`, APP_ORIGIN: rotatedOrigin });
      expect((await oldJar.fetch(`${rotated.url}/api/session`)).status).toBe(200);

      const newJar = new CookieJar();
      await signIn(newJar, rotated.url);
      expect((await newJar.fetch(`${rotated.url}/api/session`)).status).toBe(200);
      // The old-secret-only instance cannot open a cookie sealed with the new secret.
      expect((await newJar.fetch(`${old.url}/api/session`)).status).toBe(401);
    } finally {
      await old.stop();
      await rotated?.stop();
    }
  });

  test("on SIGTERM an in-flight download ends within the shutdown bound", async ({ sim }) => {
    await sim.configure({ taskDurationMs: 500 });
    const origin = "http://127.0.0.1:3135";
    const instance = await startInstance(3135, { SESSION_SECRET: OLD_SECRET, APP_ORIGIN: origin });
    const jar = new CookieJar();
    await signIn(jar, instance.url);
    const base = `${instance.url}/api/workspaces/${SEED.workspaces.finance}/models/${SEED.models.fpa}/exports/${SEED.exports.huge}`;
    const start = await jar.fetch(`${base}/tasks`, {
      method: "POST",
      headers: unsafeHeaders(origin),
      body: JSON.stringify({ localeName: "en_US" }),
    });
    const { task } = (await start.json()) as { task: { taskId: string } };
    await expect
      .poll(
        async () =>
          ((await (await jar.fetch(`${base}/tasks/${task.taskId}`)).json()) as { task: { taskState: string } }).task
            .taskState,
      )
      .toBe("COMPLETE");

    const download = await jar.fetch(`${base}/file`, { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(download.status).toBe(200);
    // Not compressed on the fly: gzipping gigabytes in the server would halve the download speed.
    expect(download.headers.get("content-encoding")).toBeNull();
    const reader = download.body!.getReader();
    await reader.read();
    const signalled = Date.now();
    instance.process.kill("SIGTERM");
    // Keep reading: the body either completes or breaks off; it never hangs past the bound.
    const ended = (async () => {
      try {
        for (;;) if ((await reader.read()).done) return "complete";
      } catch {
        return "ended";
      }
    })();
    await new Promise<void>((resolve) => instance.process.once("exit", () => resolve()));
    expect(Date.now() - signalled).toBeLessThan(12_000);
    expect(["complete", "ended"]).toContain(await ended);
    expect(instance.output()).toContain('"event":"shutdown"');
  });
});
