/**
 * The standalone server's front (server/front.mjs) on a real socket: unserved methods, security headers on answers
 * Next never gives, the client address stamped from the socket and never from the client.
 */
import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, frontListener, installFront } from "@/server/front.mjs";

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(appOrigin = "http://127.0.0.1:3123"): Promise<number> {
  const app: http.RequestListener = (req, res) => {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ client: req.headers[CLIENT_ADDRESS_HEADER] }));
  };
  server = http.createServer(frontListener(app, { appOrigin }));
  installFront(server, { appOrigin });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

/** Writes raw bytes and returns everything the server sends until it closes the connection. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(text));
    let received = "";
    socket.on("data", (chunk) => (received += chunk.toString("latin1")));
    socket.on("close", () => resolve(received));
    socket.on("error", reject);
  });
}

function expectSecurityHeaders(head: string): void {
  const lower = head.toLowerCase();
  expect(lower).toContain("content-security-policy: default-src 'self'");
  expect(lower).toContain("frame-ancestors 'none'");
  expect(lower).toContain("x-content-type-options: nosniff");
  expect(lower).toContain("referrer-policy: same-origin");
  expect(lower).toContain("x-frame-options: deny");
  expect(lower).toContain("permissions-policy: camera=()");
}

describe("the front of the standalone server", () => {
  it.each(["TRACE", "PUT", "PATCH", "OPTIONS"])(
    "%s answers 405 with the security headers and an Allow list",
    async (method) => {
      const port = await serve();
      const answer = await raw(port, `${method} / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 405 /);
      expect(answer).toMatch(/\r\nAllow: GET, HEAD, POST, DELETE\r\n/);
      expectSecurityHeaders(answer);
    },
  );

  it.each(["TRACK", "FOO", "CONNECT"])(
    "%s (refused by Node's parser, or CONNECT) answers 405 with the headers",
    async (method) => {
      const port = await serve();
      const target = method === "CONNECT" ? "example.com:443" : "/";
      const answer = await raw(port, `${method} ${target} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 405 /);
      expectSecurityHeaders(answer);
    },
  );

  it("a malformed request gets a 400 with the security headers, not Node's bare one", async () => {
    const port = await serve();
    const answer = await raw(port, "GET / HTTP/1.1\r\nHost x\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expectSecurityHeaders(answer);
  });

  it("stamps the socket address and drops any copy the client sent", async () => {
    const port = await serve();
    const answer = await raw(
      port,
      `GET / HTTP/1.1\r\nHost: x\r\n${CLIENT_ADDRESS_HEADER}: 6.6.6.6\r\n` +
        "X-Export-Desk-Client-Address: 7.7.7.7\r\nConnection: close\r\n\r\n",
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer).toContain('{"client":"127.0.0.1"}');
    expectSecurityHeaders(answer);
  });

  it("HSTS whenever APP_ORIGIN is https, and when a proxy says https; not on a plain-http origin", async () => {
    const plain = await serve("http://127.0.0.1:3123");
    const direct = await raw(plain, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(direct.toLowerCase()).not.toContain("strict-transport-security");
    const viaProxy = await raw(
      plain,
      "GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-Proto: https\r\nConnection: close\r\n\r\n",
    );
    expect(viaProxy.toLowerCase()).toContain("strict-transport-security: max-age=63072000; includesubdomains");
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const secure = await serve("https://exports.example.com");
    const traced = await raw(secure, "TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    expect(traced.toLowerCase()).toContain("strict-transport-security: max-age=");
  });
});
