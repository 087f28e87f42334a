/**
 * A body that does not arrive in time answers 408 and frees the connection: a real socket against a real
 * node:http server (with the standalone front) wrapping the sign-in route handler. The deadline is shortened here;
 * e2e/hardening.spec.ts checks the real 10 s against the built server.
 */
import http from "node:http";
import net from "node:net";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as sessionRoute from "@/app/api/session/route";
import { setBodyDeadlineForTests } from "@/lib/bff/body";
import { frontListener } from "@/server/front.mjs";
import { ORIGIN, resetAll, startStack, type Stack } from "./helpers";

const DEADLINE_MS = 300;
let stack: Stack;
let server: http.Server;
let port = 0;

/** The smallest node:http → route handler bridge: headers and a streamed body in, status, headers and body out. */
function bridge(handler: (request: NextRequest) => Promise<Response>): http.RequestListener {
  return async (req, res) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const body =
      req.method === "GET" || req.method === "HEAD" ? undefined : (Readable.toWeb(req) as ReadableStream<Uint8Array>);
    const init = { method: req.method, headers, body, duplex: "half" };
    const request = new NextRequest(`${ORIGIN}${req.url}`, init as ConstructorParameters<typeof NextRequest>[1]);
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}

beforeAll(async () => {
  stack = await startStack();
  server = http.createServer(frontListener(bridge((r) => sessionRoute.POST(r))));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as net.AddressInfo).port;
  setBodyDeadlineForTests(DEADLINE_MS);
});
afterAll(async () => {
  setBodyDeadlineForTests();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await stack.sim.close();
});
beforeEach(async () => {
  await resetAll(stack.control);
});

function slowSignIn(
  declared: number,
  sent: string,
  extra: string[] = [],
): Promise<{ answer: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(
        [
          "POST /api/session HTTP/1.1",
          "Host: 127.0.0.1",
          `Origin: ${ORIGIN}`,
          "X-Export-Desk-CSRF: 1",
          "Content-Type: application/json",
          `Content-Length: ${declared}`,
          ...extra,
          "",
          sent,
        ].join("\r\n"),
      );
    });
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("utf8")));
    socket.on("close", () => resolve({ answer, closedAfterMs: Date.now() - started }));
    socket.on("error", reject);
    socket.setTimeout(10_000, () => socket.destroy(new Error("the server kept the connection open")));
  });
}

describe("a slow request body", () => {
  it("declares 200 bytes, sends 11: 408 after the deadline, connection closed, nothing reaches Anaplan", async () => {
    const { answer, closedAfterMs } = await slowSignIn(200, '{"email":"a');
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('"code":"BODY_TIMEOUT"');
    expect(answer.toLowerCase()).toContain("content-security-policy:");
    expect(closedAfterMs).toBeGreaterThanOrEqual(DEADLINE_MS - 20);
    expect(closedAfterMs).toBeLessThan(DEADLINE_MS + 2_000);
    expect(await stack.control.requests()).toHaveLength(0);
  });

  it("a body that arrives in time is read as usual", async () => {
    const body = JSON.stringify({ email: "nobody@example.com", password: "x" });
    const { answer } = await slowSignIn(Buffer.byteLength(body), body, ["Connection: close"]);
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
  });
});
