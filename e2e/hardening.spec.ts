import net from "node:net";
import { readFileSync } from "node:fs";
import { SEED } from "../sim/seed/ids";
import { APP_LOG, APP_PORT, APP_URL } from "./support/env";
import { expect, test } from "./support/fixtures";
import { startInstance } from "./support/instances";

const SECRET = "hardening-secret-0123456789abcdef-not-for-production";

/** Raw bytes in, everything the server sends until it closes the connection out (fetch refuses TRACE and TRACK). */
function raw(text: string, { host = "127.0.0.1", port = APP_PORT } = {}): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, host, () => socket.write(text));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("utf8")));
    socket.on("close", () => resolve({ answer, ms: Date.now() - started }));
    socket.on("error", reject);
  });
}

function headersOf(answer: string): Record<string, string> {
  const head = answer.split("\r\n\r\n")[0] ?? "";
  return Object.fromEntries(
    head
      .split("\r\n")
      .slice(1)
      .map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
  );
}

function expectSecurityHeaders(headers: Record<string, string | undefined>, what: string): void {
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"], what).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["permissions-policy"], what).toContain("camera=()");
  expect(headers["x-powered-by"], what).toBeUndefined();
}

function signInAttempt(base: string, origin: string, email: string, password: string, forged: number) {
  return fetch(`${base}/api/session`, {
    method: "POST",
    headers: {
      Origin: origin,
      "X-Export-Desk-CSRF": "1",
      "Content-Type": "application/json",
      // Values a client may choose: none of them may change who the limits think it is.
      "X-Forwarded-For": `198.51.100.${forged}`,
      "X-Export-Desk-Client-Address": `203.0.113.${forged}`,
    },
    body: JSON.stringify({ email, password }),
  });
}

test.describe("hardening", () => {
  test("404 answers outside the pages carry the security headers, CSP included", async ({ request }) => {
    for (const path of ["/wp-login.php", "/api/no-such-route", "/no-such-page"]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(404);
      expectSecurityHeaders(response.headers(), path);
    }
  });

  test("TRACE, TRACK and other unserved methods answer 405 with the security headers, and no stack in the log", async () => {
    for (const method of ["TRACE", "TRACK", "PUT", "PATCH", "OPTIONS"]) {
      for (const path of ["/", "/api/session", "/wp-login.php"]) {
        const { answer } = await raw(`${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        expect(answer, `${method} ${path}`).toMatch(/^HTTP\/1\.1 405 /);
        const headers = headersOf(answer);
        expectSecurityHeaders(headers, `${method} ${path}`);
        expect(headers.allow).toBe("GET, HEAD, POST, DELETE");
      }
    }
    const log = readFileSync(APP_LOG, "utf8");
    expect(log).not.toMatch(/Failed to handle request|\n\s+at /);
  });

  test("HSTS on every answer when APP_ORIGIN is https, even without X-Forwarded-Proto", async () => {
    const instance = await startInstance(3141, { SESSION_SECRET: SECRET, APP_ORIGIN: "https://exports.example.com" });
    try {
      for (const path of ["/api/health", "/login", "/wp-login.php"]) {
        const response = await fetch(`${instance.url}${path}`);
        expect(response.headers.get("strict-transport-security"), path).toContain("max-age=63072000");
      }
      const { answer } = await raw("TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", { port: 3141 });
      expect(headersOf(answer)["strict-transport-security"]).toContain("max-age=");
    } finally {
      await instance.stop();
    }
  });

  test("a body that does not arrive within 10 s answers 408 and the connection is closed", async ({ sim }) => {
    test.setTimeout(40_000);
    await sim.clearRequests();
    const { answer, ms } = await raw(
      [
        "POST /api/session HTTP/1.1",
        "Host: 127.0.0.1",
        `Origin: ${APP_URL}`,
        "X-Export-Desk-CSRF: 1",
        "Content-Type: application/json",
        "Content-Length: 200",
        "",
        '{"email":"a',
      ].join("\r\n"),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain("BODY_TIMEOUT");
    expectSecurityHeaders(headersOf(answer), "408");
    expect(ms).toBeGreaterThanOrEqual(9_500);
    expect(ms).toBeLessThan(15_000);
    expect(await sim.requests()).toHaveLength(0);
  });

  test("sign-in limits count the socket address: forged headers change nothing, another client is not limited", async ({
    sim,
  }) => {
    const origin = "http://127.0.0.1:3142";
    // Dual stack, so 127.0.0.1 and ::1 are two clients of one server.
    const instance = await startInstance(3142, { SESSION_SECRET: SECRET, APP_ORIGIN: origin, HOSTNAME: "::" });
    try {
      await sim.clearRequests();
      const statuses = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          signInAttempt(origin, origin, `probe${i}@example.com`, "wrong", i).then((r) => r.status),
        ),
      );
      const authenticate = (await sim.requests()).filter((r) => r.path === "/token/authenticate");
      expect(authenticate.length).toBeLessThanOrEqual(10);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);

      const refused = await signInAttempt(origin, origin, "another@example.com", "wrong", 99);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(60);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /Wait \d+ minutes? before trying again/,
      );

      // The owner, from another address, signs in at once.
      const owner = await signInAttempt("http://[::1]:3142", origin, SEED.users.ada.email, SEED.password, 1);
      expect(owner.status).toBe(200);
    } finally {
      await instance.stop();
    }
  });
});
