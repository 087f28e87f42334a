import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAnaplanApi } from "./api";
import { AnaplanError } from "./errors";
import { buildUrl } from "./http";

/**
 * Faults the simulator does not produce (redirects, HTML with 200, oversized JSON, stalled bodies), served by a
 * tiny real HTTP server — still no mocked fetch.
 */

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let base: string;
let handler: Handler;
let hits: string[];

function listen(h: Handler): Promise<{ server: Server; url: string }> {
  const s = createServer((req, res) => h(req, res));
  return new Promise((resolve) =>
    s.listen(0, "127.0.0.1", () =>
      resolve({ server: s, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}` }),
    ),
  );
}

beforeAll(async () => {
  const started = await listen((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  server = started.server;
  base = started.url;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  hits = [];
});

const W = "8a81948849b9c4e2014a30802f5a02e4";
const M = "75A40874E6B64FA3AE0743278996850F";
const api = () =>
  createAnaplanApi({
    token: "TKN_SENTINEL_x",
    urls: { apiUrl: `${base}/2/0` },
    retry: { baseDelayMs: 5 },
    downloadTimeoutMs: 300,
  });

async function caught(promise: Promise<unknown>): Promise<AnaplanError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AnaplanError);
    expect((err as Error).message).not.toContain("TKN_SENTINEL");
    return err as AnaplanError;
  }
  throw new Error("expected the call to fail");
}

const pathOf = (req: IncomingMessage) => new URL(req.url ?? "/", "http://x").pathname;

function json(res: ServerResponse, body: unknown, status = 200) {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

describe("responses the client refuses", () => {
  it("does not follow a redirect (the token would go elsewhere)", async () => {
    const evil = await listen((_req, res) => json(res, { user: { id: "x", email: "x@y" } }));
    let evilHits = 0;
    evil.server.on("request", () => evilHits++);
    handler = (_req, res) => {
      res.writeHead(302, { Location: `${evil.url}/steal` });
      res.end();
    };
    const e = await caught(api().me());
    expect(e.kind).toBe("upstream_error");
    expect(e.status).toBe(302);
    expect(evilHits).toBe(0);
    await new Promise((r) => evil.server.close(r));
  });

  it("an HTML maintenance page with 200 → invalid_response", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html>Down for maintenance</html>");
    };
    const e = await caught(api().me());
    expect(e.kind).toBe("invalid_response");
    expect(e.message).not.toContain("maintenance");
  });

  it("an oversized JSON body → invalid_response without reading it all", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"exports":[');
      const row = JSON.stringify({ id: "116000000001", name: "x".repeat(1000) });
      let sent = 0;
      const pump = () => {
        while (sent < 20_000) {
          sent++;
          if (!res.write(`${row},`)) {
            res.once("drain", pump);
            return;
          }
        }
        res.end(`${row}]}`);
      };
      pump();
    };
    const e = await caught(api().exports(W, M));
    expect(e.kind).toBe("invalid_response");
    expect(e.message).toMatch(/too large/);
  });

  it("a schema mismatch names the field, not the value", async () => {
    handler = (_req, res) => json(res, { exports: [{ id: "116000000001", name: 42, secret: "UPSTREAM_TEXT" }] });
    const e = await caught(api().exports(W, M));
    expect(e.kind).toBe("invalid_response");
    expect(e.message).toContain("exports.0.name");
    expect(e.message).not.toContain("UPSTREAM_TEXT");
  });

  it("paging: a server that returns nothing while totalSize says more does not loop", async () => {
    handler = (req, res) => {
      const offset = Number(new URL(req.url ?? "/", "http://x").searchParams.get("offset"));
      if (offset === 0) {
        json(res, {
          meta: { paging: { currentPageSize: 1, offset: 0, totalSize: 1_000_000 } },
          exports: [{ id: "1", name: "a" }],
        });
      } else {
        json(res, { meta: { paging: { currentPageSize: 0, offset, totalSize: 1_000_000 } } });
      }
    };
    const exports = await api().exports(W, M);
    expect(exports).toEqual([{ id: "1", name: "a" }]);
    expect(hits).toHaveLength(2);
  });

  it("sends AnaplanAuthToken, Accept JSON, and no cookie", async () => {
    let headers: IncomingMessage["headers"] = {};
    handler = (req, res) => {
      headers = req.headers;
      json(res, { user: { id: "u", email: "u@example.com" } });
    };
    await api().me();
    expect(headers.authorization).toBe("AnaplanAuthToken TKN_SENTINEL_x");
    expect(headers.accept).toBe("application/json");
    expect(headers.cookie).toBeUndefined();
  });
});

describe("download stalls", () => {
  const chunkList = (n: number) => ({
    meta: { paging: { currentPageSize: n, offset: 0, totalSize: n } },
    chunks: Array.from({ length: n }, (_, i) => ({ id: String(i), name: `Chunk ${i}` })),
  });

  it("a chunk that stalls mid-body errors the stream with a timeout", async () => {
    handler = (req, res) => {
      if (pathOf(req).endsWith("/chunks")) return json(res, chunkList(1));
      res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": "100" });
      res.write("x".repeat(10)); // then silence
    };
    const { stream } = await api().downloadFile(W, M, "116000000001");
    const reader = stream.getReader();
    const first = await reader.read();
    expect(first.value?.byteLength).toBe(10);
    const e = await reader.read().then(
      () => undefined,
      (err: unknown) => err as AnaplanError,
    );
    expect(e?.kind).toBe("timeout");
  });

  it("a chunk that stalls before its first byte is retried", async () => {
    let attempts = 0;
    handler = (req, res) => {
      if (pathOf(req).endsWith("/chunks")) return json(res, chunkList(2));
      if (req.url?.endsWith("/chunks/1") && attempts++ === 0) {
        res.writeHead(200, { "Content-Type": "application/octet-stream", "Content-Length": "5" });
        return; // headers, then nothing
      }
      res.writeHead(200, { "Content-Type": "application/octet-stream" });
      res.end(req.url?.endsWith("/chunks/0") ? "hello " : "world");
    };
    const { stream } = await api().downloadFile(W, M, "116000000001");
    const text = await new Response(stream).text();
    expect(text).toBe("hello world");
    expect(hits.filter((h) => h.endsWith("/chunks/1"))).toHaveLength(2);
  });

  it("a chunk list with no chunks → not_found", async () => {
    handler = (_req, res) => json(res, { meta: { paging: { currentPageSize: 0, offset: 0, totalSize: 0 } } });
    expect((await caught(api().downloadFile(W, M, "116000000001"))).kind).toBe("not_found");
  });
});

describe("buildUrl", () => {
  it("encodes segments and keeps the configured base", () => {
    expect(buildUrl("https://api.anaplan.com/2/0", ["workspaces", "a b", "models"], { offset: 0, limit: 5000 })).toBe(
      "https://api.anaplan.com/2/0/workspaces/a%20b/models?offset=0&limit=5000",
    );
    expect(buildUrl("https://API.anaplan.com/2/0/", ["users", "me"])).toBe("https://api.anaplan.com/2/0/users/me");
  });

  it("refuses segments that would leave the path", () => {
    for (const bad of ["", ".", ".."]) {
      expect(() => buildUrl("https://api.anaplan.com/2/0", ["workspaces", bad])).toThrow(AnaplanError);
    }
    expect(buildUrl("https://api.anaplan.com/2/0", ["//evil.example"])).toBe(
      "https://api.anaplan.com/2/0/%2F%2Fevil.example",
    );
    expect(buildUrl("https://api.anaplan.com/2/0", ["http://evil.example/"])).toMatch(
      /^https:\/\/api\.anaplan\.com\/2\/0\//,
    );
  });
});
