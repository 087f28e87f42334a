import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAnaplanApi, type AnaplanApiOptions } from "./api";
import { AnaplanError } from "./errors";
import { eventually, SEED, startSim, TOKEN_SENTINEL, type SimHandle } from "./testing/sim";

/** The client under the simulator's fault injection (security plan §3). */

let h: SimHandle;
let token: string;
const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const E = SEED.exports.revenueCsv;
const EXPORTS_PATH = `^/2/0/workspaces/${W}/models/${M}/exports$`;
const TASKS_PATH = `^/2/0/workspaces/${W}/models/${M}/exports/${E}/tasks$`;

beforeAll(async () => {
  h = await startSim();
});
afterAll(async () => {
  await h.sim.close();
});
beforeEach(async () => {
  await h.reset({ taskDurationMs: 200 });
  token = await h.token();
  await h.control("DELETE", "requests");
});

function client(extra: Partial<AnaplanApiOptions> = {}) {
  return createAnaplanApi({ token, urls: h.urls, retry: { baseDelayMs: 20, maxDelayMs: 100 }, ...extra });
}

async function caught(promise: Promise<unknown>): Promise<AnaplanError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AnaplanError);
    const e = err as AnaplanError;
    expect(e.message).not.toContain(TOKEN_SENTINEL);
    expect(JSON.stringify(e)).not.toContain(TOKEN_SENTINEL);
    return e;
  }
  throw new Error("expected the call to fail");
}

/** A port nothing listens on: bind an ephemeral one, then close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const exportGets = () => h.requests({ method: "GET", path: /\/exports\?/ });
const taskPosts = () => h.requests({ method: "POST", path: /\/tasks$/ });

describe("GET retries", () => {
  it("retries 429 honouring Retry-After in seconds", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, status: 429, retryAfter: "1", times: 1 });
    const t0 = Date.now();
    const exports = await client().exports(W, M);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(exports.length).toBeGreaterThan(0);
    expect((await exportGets()).map((r) => r.status)).toEqual([429, 200]);
  });

  it("retries 429 honouring Retry-After as an HTTP date", async () => {
    const at = new Date(Date.now() + 2000).toUTCString();
    await h.fault({ method: "GET", path: EXPORTS_PATH, status: 429, retryAfter: at, times: 1 });
    const t0 = Date.now();
    await client().exports(W, M);
    const waited = Date.now() - t0;
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(3000);
    expect((await exportGets()).map((r) => r.status)).toEqual([429, 200]);
  });

  it("a Retry-After beyond the budget fails at once with rate_limited and retryAfterMs", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, status: 429, retryAfter: "30", times: 5 });
    const t0 = Date.now();
    const e = await caught(client().exports(W, M));
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(e.kind).toBe("rate_limited");
    expect(e.status).toBe(429);
    expect(e.retryAfterMs).toBe(30_000);
    expect(await exportGets()).toHaveLength(1);
  });

  it("retries 503, 502 and 504", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, status: 503, times: 1 });
    await h.fault({ method: "GET", path: EXPORTS_PATH, status: 502, times: 1 });
    await h.fault({ method: "GET", path: EXPORTS_PATH, status: 504, times: 1 });
    await client().exports(W, M);
    expect((await exportGets()).map((r) => r.status)).toEqual([503, 502, 504, 200]);
  });

  it("retries a connection reset", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, mode: "reset", times: 1 });
    const exports = await client().exports(W, M);
    expect(exports.length).toBeGreaterThan(0);
    expect(await exportGets()).toHaveLength(2);
  });

  it("stops within the budget when the fault persists", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, status: 503, times: 1000 });
    const t0 = Date.now();
    const e = await caught(
      client({ retry: { budgetMs: 1000, maxAttempts: 100, baseDelayMs: 100, maxDelayMs: 300 } }).exports(W, M),
    );
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(e.kind).toBe("upstream_error");
    expect(e.status).toBe(503);
    expect((await exportGets()).length).toBeGreaterThan(1);
  });

  it("stops after maxAttempts", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, status: 503, times: 1000 });
    const e = await caught(client({ retry: { maxAttempts: 3, baseDelayMs: 1 } }).exports(W, M));
    expect(e.kind).toBe("upstream_error");
    expect(await exportGets()).toHaveLength(3);
  });

  it.each([
    [400, "bad_request"],
    [403, "forbidden"],
    [404, "not_found"],
    [409, "conflict"],
    [422, "archived"],
    [423, "locked"],
    [500, "upstream_error"],
  ] as const)("does not retry %i (→ %s)", async (status, kind) => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, status, times: 5 });
    const e = await caught(client().exports(W, M));
    expect(e.kind).toBe(kind);
    expect(e.status).toBe(status);
    expect(await exportGets()).toHaveLength(1);
  });

  it("a timeout is retried, then reported as timeout", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, mode: "delay", delayMs: 1000, times: 10 });
    const t0 = Date.now();
    const e = await caught(client({ timeoutMs: 200, retry: { budgetMs: 500, baseDelayMs: 10 } }).exports(W, M));
    expect(e.kind).toBe("timeout");
    expect(Date.now() - t0).toBeLessThan(2500);
  });

  it("one slow answer within the timeout is fine", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, mode: "delay", delayMs: 300, times: 1 });
    await expect(client({ timeoutMs: 2000 }).exports(W, M)).resolves.not.toHaveLength(0);
  });
});

describe("bodies Export Desk cannot read", () => {
  it("malformed JSON → invalid_response, not retried", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, mode: "malformed-json", times: 5 });
    const e = await caught(client().exports(W, M));
    expect(e.kind).toBe("invalid_response");
    expect(await exportGets()).toHaveLength(1);
  });

  it("a truncated body is retried, and → invalid_response when it keeps happening", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, mode: "truncate", times: 1 });
    await expect(client().exports(W, M)).resolves.not.toHaveLength(0);
    await h.control("DELETE", "requests");
    await h.fault({ method: "GET", path: EXPORTS_PATH, mode: "truncate", times: 100 });
    const e = await caught(client({ retry: { maxAttempts: 2 } }).exports(W, M));
    expect(e.kind).toBe("invalid_response");
    expect(await exportGets()).toHaveLength(2);
  });

  it("messages carry no upstream text", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, status: 400, times: 1 });
    const e = await caught(client().exports(W, M));
    expect(e.message).not.toMatch(/Bad Request|timestamp|\/2\/0/);
  });
});

describe("starting a task is never repeated once it may have reached Anaplan", () => {
  it("500 → status_unknown, exactly one POST", async () => {
    await h.fault({ method: "POST", path: TASKS_PATH, status: 500, times: 5 });
    const e = await caught(client().startExportTask(W, M, E));
    expect(e.kind).toBe("status_unknown");
    expect(e.status).toBe(500);
    expect(await taskPosts()).toHaveLength(1);
  });

  it.each([502, 503, 504])("%i → status_unknown, exactly one POST", async (status) => {
    await h.fault({ method: "POST", path: TASKS_PATH, status, times: 5 });
    expect((await caught(client().startExportTask(W, M, E))).kind).toBe("status_unknown");
    expect(await taskPosts()).toHaveLength(1);
  });

  it("a timeout → status_unknown, exactly one POST", async () => {
    await h.fault({ method: "POST", path: TASKS_PATH, mode: "delay", delayMs: 3000, times: 5 });
    const t0 = Date.now();
    const e = await caught(client({ timeoutMs: 300 }).startExportTask(W, M, E));
    expect(e.kind).toBe("status_unknown");
    expect(Date.now() - t0).toBeLessThan(2500);
    // the delayed request is logged when the simulator finishes or sees the close
    await eventually(taskPosts, (posts) => posts.length > 0, 5000);
    await new Promise((r) => setTimeout(r, 300));
    expect(await taskPosts()).toHaveLength(1);
  });

  it("a reset after sending → status_unknown, exactly one POST", async () => {
    await h.fault({ method: "POST", path: TASKS_PATH, mode: "reset", times: 5 });
    expect((await caught(client().startExportTask(W, M, E))).kind).toBe("status_unknown");
    expect(await taskPosts()).toHaveLength(1);
  });

  it("a truncated or malformed 200 → status_unknown (the task probably started)", async () => {
    await h.fault({ method: "POST", path: TASKS_PATH, mode: "truncate", times: 1 });
    expect((await caught(client().startExportTask(W, M, E))).kind).toBe("status_unknown");
    await h.fault({ method: "POST", path: TASKS_PATH, mode: "malformed-json", times: 1 });
    expect((await caught(client().startExportTask(W, M, E))).kind).toBe("status_unknown");
    expect(await taskPosts()).toHaveLength(2);
  });

  it("429 is retried (Anaplan refused it unprocessed): two POSTs, one task", async () => {
    await h.fault({ method: "POST", path: TASKS_PATH, status: 429, retryAfter: "0", times: 1 });
    const task = await client().startExportTask(W, M, E);
    expect(task.taskId).toBeTruthy();
    expect((await taskPosts()).map((r) => r.status)).toEqual([429, 200]);
    const tasks = await client().exportTasks(W, M, E);
    expect(tasks).toHaveLength(1);
  });

  it("400/404/409 are reported as such, one POST", async () => {
    await h.fault({ method: "POST", path: TASKS_PATH, status: 409, times: 1 });
    expect((await caught(client().startExportTask(W, M, E))).kind).toBe("conflict");
    expect(await taskPosts()).toHaveLength(1);
  });

  it("connection refused (nothing sent) is retried, then → network", async () => {
    const port = await closedPort();
    const closed = createAnaplanApi({
      token,
      urls: { apiUrl: `http://127.0.0.1:${port}/2/0` },
      retry: { baseDelayMs: 10, maxAttempts: 3 },
    });
    const e = await caught(closed.startExportTask(W, M, E));
    expect(e.kind).toBe("network");
  });
});

describe("abort", () => {
  it("the caller's signal aborts a call in flight", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, mode: "delay", delayMs: 3000, times: 1 });
    const controller = new AbortController();
    const t0 = Date.now();
    setTimeout(() => controller.abort(), 100);
    const e = await caught(client({ signal: controller.signal }).exports(W, M));
    expect(e.kind).toBe("aborted");
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it("aborting during a retry wait stops at once", async () => {
    await h.fault({ method: "GET", path: EXPORTS_PATH, status: 429, retryAfter: "5", times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const t0 = Date.now();
    const e = await caught(client({ signal: controller.signal }).exports(W, M));
    expect(e.kind).toBe("aborted");
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(await exportGets()).toHaveLength(1);
  });

  it("an already-aborted signal makes no request", async () => {
    const e = await caught(client({ signal: AbortSignal.abort() }).me());
    expect(e.kind).toBe("aborted");
    expect(await h.requests()).toHaveLength(0);
  });
});
