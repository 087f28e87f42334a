import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as exportsRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/route";
import * as taskRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/[taskId]/route";
import * as tasksRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/route";
import { setApiOptionsForTests } from "@/lib/bff/handler";
import { M, SEED, W, closedPortUrl, ctx, expectNoSentinel, req, setCookieLine, setEnv } from "./helpers";
import { setUpStack } from "./stack";

/**
 * security-plan §3: upstream faults injected in the simulator. No 500 from the BFF, the right status and a
 * sentence, the session kept, and never a second task started by a retry.
 */
let cookie: string;
const E = SEED.exports.revenueCsv;
const CATALOGUE = `^/2/0/workspaces/${W}/models/${M}/exports$`;
const START = `^/2/0/workspaces/${W}/models/${M}/exports/${E}/tasks$`;

const logged: string[] = [];
beforeAll(() => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.name} ${a.message} ${a.stack}` : String(a))).join(" "));
    });
  }
  process.env.EXPORT_DESK_LOG_IN_TESTS = "1";
  setApiOptionsForTests({ timeoutMs: 700, retry: { budgetMs: 1_500, baseDelayMs: 20, maxDelayMs: 100 } });
});
const stack = setUpStack({ onSignIn: (value) => (cookie = value) });
afterAll(() => {
  vi.restoreAllMocks();
  delete process.env.EXPORT_DESK_LOG_IN_TESTS;
  expect(logged.some((line) => line.includes('"event":"upstream_fault"'))).toBe(true);
  // T-C2: nothing logged during the whole fault suite carries a token or the password.
  expect(logged.join("\n")).not.toContain("TKN_SENTINEL_");
  expect(logged.join("\n")).not.toContain(SEED.password);
  setApiOptionsForTests({});
});

const catalogue = () =>
  exportsRoute.GET(req(`/api/workspaces/${W}/models/${M}/exports`, { cookie }), ctx({ workspaceId: W, modelId: M }));
const startTask = () =>
  tasksRoute.POST(
    req(`/api/workspaces/${W}/models/${M}/exports/${E}/tasks`, { method: "POST", cookie, csrf: true, body: "{}" }),
    ctx({ workspaceId: W, modelId: M, exportId: E }),
  );

async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  await expectNoSentinel(res);
  expect(res.headers.get("cache-control")).toBe("no-store");
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(body.error.message.length).toBeGreaterThan(20);
  expect(body.error.message).not.toMatch(/stack|at \w+ \(|Exception|<html/i);
  return body.error;
}

const postsToStart = async () =>
  (await stack.control.requests()).filter(
    (r) => r.method === "POST" && new RegExp(START).test(r.path.split("?")[0] as string),
  );

async function tasksStartedUpstream(): Promise<number> {
  const res = await tasksRoute.GET(
    req(`/api/workspaces/${W}/models/${M}/exports/${E}/tasks`, { cookie }),
    ctx({ workspaceId: W, modelId: M, exportId: E }),
  );
  return ((await res.json()) as { tasks: unknown[] }).tasks.length;
}

type Fault = Record<string, unknown>;

describe("GET (the catalogue) under upstream faults", () => {
  const cases: [string, Fault, number, string][] = [
    ["F-02 403", { status: 403 }, 403, "FORBIDDEN"],
    ["F-03 404", { status: 404 }, 404, "NOT_FOUND"],
    ["F-04 409 busy", { status: 409 }, 409, "MODEL_BUSY"],
    ["F-04 423 locked", { status: 423 }, 409, "MODEL_LOCKED"],
    ["F-04 422 archived", { status: 422 }, 422, "MODEL_ARCHIVED"],
    ["F-05 429 with Retry-After", { status: 429, retryAfter: "30" }, 429, "RATE_LIMITED"],
    ["F-06 500", { status: 500 }, 502, "UPSTREAM_ERROR"],
    ["F-07 503", { status: 503 }, 503, "UPSTREAM_UNAVAILABLE"],
    ["502", { status: 502 }, 502, "UPSTREAM_ERROR"],
    ["504", { status: 504 }, 502, "UPSTREAM_ERROR"],
    ["F-08b reset", { mode: "reset" }, 502, "UPSTREAM_UNREACHABLE"],
    ["F-09 slow headers", { mode: "delay", delayMs: 3_000 }, 504, "UPSTREAM_TIMEOUT"],
    ["F-11 truncated body", { mode: "truncate" }, 502, "BAD_UPSTREAM_RESPONSE"],
    ["F-12 malformed JSON", { mode: "malformed-json" }, 502, "BAD_UPSTREAM_RESPONSE"],
  ];
  it.each(cases)(
    "%s → %s",
    async (_label, fault, status, code) => {
      await stack.control.injectFault({ method: "GET", path: CATALOGUE, times: 20, ...fault });
      const res = await catalogue();
      expect(res.status).not.toBe(500);
      expect(res.status).toBe(status);
      if (status === 429) expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      const error = await errorOf(res);
      expect(error.code).toBe(code);
      expect(setCookieLine(res) ?? "").not.toMatch(/Max-Age=0/);
    },
    15_000,
  );

  it("F-05: a short Retry-After is waited for and the retry succeeds", async () => {
    await stack.control.injectFault({ method: "GET", path: CATALOGUE, times: 1, status: 429, retryAfter: "0" });
    expect((await catalogue()).status).toBe(200);
  });

  it("F-06: one 5xx is retried and the user never sees it", async () => {
    await stack.control.injectFault({ method: "GET", path: CATALOGUE, times: 1, status: 503 });
    expect((await catalogue()).status).toBe(200);
  });

  it("F-08: Anaplan unreachable (connection refused) → 502 UPSTREAM_UNREACHABLE, session kept", async () => {
    setEnv({ ANAPLAN_API_URL: `${await closedPortUrl()}/2/0` });
    const res = await catalogue();
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe("UPSTREAM_UNREACHABLE");
    expect(setCookieLine(res) ?? "").not.toMatch(/Max-Age=0/);
  });

  it("polling one task under 404 → 404 NOT_FOUND (the UI stops polling)", async () => {
    const t = "F362B99442C54425970E200037D48A91";
    const res = await taskRoute.GET(
      req(`/api/workspaces/${W}/models/${M}/exports/${E}/tasks/${t}`, { cookie }),
      ctx({ workspaceId: W, modelId: M, exportId: E, taskId: t }),
    );
    expect(res.status).toBe(404);
  });
});

describe("POST (start a task) under upstream faults: never started twice", () => {
  const cases: [string, Fault, number, string][] = [
    ["F-06 500", { status: 500 }, 502, "STATUS_UNKNOWN"],
    ["F-07 503", { status: 503 }, 502, "STATUS_UNKNOWN"],
    ["504", { status: 504 }, 502, "STATUS_UNKNOWN"],
    ["F-08b reset", { mode: "reset" }, 502, "STATUS_UNKNOWN"],
    ["F-09 slow headers", { mode: "delay", delayMs: 3_000 }, 502, "STATUS_UNKNOWN"],
    ["F-11 truncated body", { mode: "truncate" }, 502, "STATUS_UNKNOWN"],
    ["F-12 malformed JSON", { mode: "malformed-json" }, 502, "STATUS_UNKNOWN"],
    ["F-02 403", { status: 403 }, 403, "FORBIDDEN"],
    ["F-03 404", { status: 404 }, 404, "NOT_FOUND"],
    ["F-04 409 busy", { status: 409 }, 409, "MODEL_BUSY"],
    ["F-04 422 archived", { status: 422 }, 422, "MODEL_ARCHIVED"],
  ];
  it.each(cases)(
    "%s → %s, exactly one POST upstream",
    async (_label, fault, status, code) => {
      await stack.control.injectFault({ method: "POST", path: START, times: 20, ...fault });
      const res = await startTask();
      expect(res.status).not.toBe(500);
      expect(res.status).toBe(status);
      const error = await errorOf(res);
      expect(error.code).toBe(code);
      if (code === "STATUS_UNKNOWN") expect(error.message).toMatch(/task list/);
      // A delayed request is logged by the simulator only when it answers.
      for (let i = 0; i < 40 && (await postsToStart()).length === 0; i += 1)
        await new Promise((r) => setTimeout(r, 100));
      expect(await postsToStart()).toHaveLength(1);
      await stack.control.clearFaults();
      expect(await tasksStartedUpstream()).toBeLessThanOrEqual(1);
    },
    15_000,
  );

  it("F-05 429: refused unprocessed → 429 with Retry-After, and no task was started", async () => {
    await stack.control.injectFault({ method: "POST", path: START, times: 20, status: 429, retryAfter: "30" });
    const res = await startTask();
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await errorOf(res)).code).toBe("RATE_LIMITED");
    await stack.control.clearFaults();
    expect(await tasksStartedUpstream()).toBe(0);
  });

  it("F-01 401 once: one refresh, one retry, exactly one task", async () => {
    await stack.control.injectFault({ method: "POST", path: START, times: 1, status: 401 });
    const res = await startTask();
    expect(res.status).toBe(201);
    const log = await stack.control.requests();
    expect(log.filter((r) => r.path.startsWith("/token/refresh"))).toHaveLength(1);
    expect(log.filter((r) => r.method === "POST" && r.status < 300 && new RegExp(START).test(r.path))).toHaveLength(1);
    expect(await tasksStartedUpstream()).toBe(1);
  });

  it("F-08 connection refused → 502 UPSTREAM_UNREACHABLE, nothing started", async () => {
    setEnv({ ANAPLAN_API_URL: `${await closedPortUrl()}/2/0` });
    const res = await startTask();
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe("UPSTREAM_UNREACHABLE");
    setEnv({ ANAPLAN_API_URL: `${stack.sim.url}/2/0` });
    expect(await tasksStartedUpstream()).toBe(0);
  });

  it("F-17 refresh endpoint down during a 401 → 503 AUTH_UNAVAILABLE, session kept", async () => {
    await stack.control.injectFault({ method: "POST", path: START, times: 1, status: 401 });
    await stack.control.injectFault({ path: "^/token/refresh", times: 20, status: 503 });
    const res = await startTask();
    expect(res.status).toBe(503);
    expect((await errorOf(res)).code).toBe("AUTH_UNAVAILABLE");
    expect(setCookieLine(res)).toBeUndefined();
  });
});
