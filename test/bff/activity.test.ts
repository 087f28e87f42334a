import { describe, expect, it, vi } from "vitest";
import * as activityRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/tasks/route";
import * as tasksRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/route";
import { setRateLimiterForTests } from "@/lib/anaplan/rate-limit";
import { createAnaplanApi } from "@/lib/anaplan/api";
import { MAX_HOT, modelActivityForPage } from "@/lib/data/activity";
import { tenantOf, userKeyOf } from "@/lib/session";
import { runningSweep } from "@/lib/data/activity-sweep";
import { MODEL_STATUS_TTL_MS } from "@/lib/data/model-status-cache";
import { TASK_LIST_TTL_MS } from "@/lib/data/task-list-cache";
import type { ActivityResponse } from "@/lib/shared/responses";
import type { Task } from "@/lib/shared/types";
import { CUSTOMER_ID } from "@/sim/seed/directory";
import { M, SEED, W, ctx, expectNoSentinel, req, setEnv, signIn, unsealCookie } from "./helpers";
import { setUpStack } from "./stack";

let cookie: string;
const stack = setUpStack({ onSignIn: (value) => (cookie = value) });
const E = SEED.exports;
const BIG = SEED.models.bigCatalogue;
const TENANT = CUSTOMER_ID;

const activity = (modelId: string = M, who = cookie) =>
  activityRoute.GET(
    req(`/api/workspaces/${W}/models/${modelId}/tasks`, { cookie: who }),
    ctx({ workspaceId: W, modelId }),
  );

async function body(res: Response): Promise<ActivityResponse> {
  await expectNoSentinel(res);
  expect(res.status).toBe(200);
  return (await res.json()) as ActivityResponse;
}

async function start(exportId: string, who = cookie): Promise<Task> {
  const res = await tasksRoute.POST(
    req(`/api/workspaces/${W}/models/${M}/exports/${exportId}/tasks`, {
      method: "POST",
      cookie: who,
      csrf: true,
      body: "{}",
    }),
    ctx({ workspaceId: W, modelId: M, exportId }),
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { task: Task }).task;
}

const taskListReads = async () =>
  (await stack.control.requests()).filter((r) => r.method === "GET" && /\/exports\/\d+\/tasks(\?|$)/.test(r.path));

/** A fast sweep, so a test can watch a whole pass of the small model. */
function fastSweep(): void {
  setEnv({ ANAPLAN_RATE_BACKGROUND_PER_SECOND: "200" });
  setRateLimiterForTests(undefined);
}

async function sweepDone(tenant: string, modelId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const running = runningSweep(tenant, W, modelId);
    if (!running) return;
    await running;
  }
}

describe("model activity, from what is cheap", () => {
  it("shows a run started here at once, with its export's name, from the ledger and a live read", async () => {
    const task = await start(E.revenueCsv);
    const answer = await body(await activity());
    const found = answer.tasks.find((t) => t.taskId === task.taskId);
    expect(found?.exportId).toBe(E.revenueCsv);
    expect(found?.exportName).toBe("Revenue by Region - Data.csv");
    expect(answer.modelStatus).not.toBeUndefined();
  });

  it("opens the 5,000-export model with a handful of calls: no task list is read before the answer", async () => {
    const answer = await body(await activity(BIG));
    const calls = await stack.control.requests();
    // Two model-status reads (the access check, then the shared status); the sweep has at most begun.
    expect(calls.length).toBeLessThanOrEqual(6);
    expect(answer.sweep?.exportsRead ?? 0).toBeLessThanOrEqual(2);
  });

  it("sweeps slowly: background reads keep to their share of the tenant's calls", async () => {
    setEnv({ ANAPLAN_RATE_BACKGROUND_PER_SECOND: "4" });
    setRateLimiterForTests(undefined);
    await body(await activity(BIG));
    await new Promise((r) => setTimeout(r, 2_000));
    // About 4 a second, plus the export list: never a burst.
    const reads = await taskListReads();
    expect(reads.length).toBeGreaterThan(2);
    expect(reads.length).toBeLessThanOrEqual(4 * 2 + 2);
  });

  it("finds a run started outside Export Desk through the sweep, and shares it with teammates", async () => {
    fastSweep();
    const outside = await startOutside("bruno", E.opexTxt);
    await body(await activity());
    await sweepDone(TENANT, M);
    const bruno = await signIn("bruno");
    await stack.control.clearRequests();
    const seen = (await body(await activity(M, bruno))).tasks.find((t) => t.taskId === outside);
    expect(seen?.exportId).toBe(E.opexTxt);
    // Bruno's first read cost him his own access check, and no sweep of his own.
    expect((await stack.control.requests()).filter((r) => r.path.endsWith("/status")).length).toBeGreaterThanOrEqual(1);
    expect(runningSweep(TENANT, W, M)).toBeNull();
  });

  it("after a pass an idle model is not re-read; an active export is read once per window by every table", async () => {
    fastSweep();
    await body(await activity());
    await sweepDone(TENANT, M);
    await stack.control.clearRequests();
    const realNow = Date.now;
    const later = (ms: number) => vi.spyOn(Date, "now").mockImplementation(() => realNow() + ms);

    let spy = later(TASK_LIST_TTL_MS + 1);
    try {
      await body(await activity());
    } finally {
      spy.mockRestore();
    }
    expect(await taskListReads()).toEqual([]);

    await start(E.revenueCsv);
    await stack.control.clearRequests();
    spy = later(2 * TASK_LIST_TTL_MS + 2);
    try {
      const list = () =>
        tasksRoute.GET(
          req(`/api/workspaces/${W}/models/${M}/exports/${E.revenueCsv}/tasks`, { cookie }),
          ctx({ workspaceId: W, modelId: M, exportId: E.revenueCsv }),
        );
      const answers = await Promise.all([list(), list(), list(), activity(), activity()]);
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    } finally {
      spy.mockRestore();
    }
    expect((await taskListReads()).map((r) => r.path.split("?")[0])).toEqual([
      `/2/0/workspaces/${W}/models/${M}/exports/${E.revenueCsv}/tasks`,
    ]);
  });

  it("ten pollers share one answer per window; at most MAX_HOT live reads a round", async () => {
    for (const exportId of [E.revenueCsv, E.opexTxt, E.gridXls]) await start(exportId);
    await stack.control.clearRequests();
    const users = await Promise.all((["ada", "bruno", "chloe"] as const).map((u) => signIn(u)));
    await Promise.all(Array.from({ length: 10 }, (_, i) => activity(M, users[i % 3])));
    const perExport = new Map<string, number>();
    for (const r of await taskListReads()) {
      const path = r.path.split("?")[0]!;
      perExport.set(path, (perExport.get(path) ?? 0) + 1);
    }
    expect(Math.max(...perExport.values())).toBe(1);
    expect(perExport.size).toBeLessThanOrEqual(MAX_HOT + 1);
  });

  it("a page render shows the last answer at once while a fresh one is computed behind it, after the user's own access check", async () => {
    const reader = async (who: string) => {
      const session = await unsealCookie(who);
      return {
        api: createAnaplanApi({ token: session.token }),
        userKey: userKeyOf(session),
        tenantId: tenantOf(session),
      };
    };
    const ada = await reader(cookie);
    const first = await modelActivityForPage(ada, W, M);
    expect(await modelActivityForPage(ada, W, M)).toBe(first);

    const realNow = Date.now;
    const spy = vi.spyOn(Date, "now").mockImplementation(() => realNow() + MODEL_STATUS_TTL_MS + 1);
    try {
      // The fresh answer waits on the model's status; the page does not.
      await stack.control.injectFault({
        method: "GET",
        path: `/models/${M}/status$`,
        times: 1,
        mode: "delay",
        delayMs: 800,
      });
      await stack.control.clearRequests();
      expect(await modelActivityForPage(ada, W, M)).toBe(first);
      expect((await stack.control.requests()).filter((r) => r.path.endsWith("/status"))).toEqual([]);
      await vi.waitFor(async () => expect(await modelActivityForPage(ada, W, M)).not.toBe(first), { timeout: 5_000 });
      expect((await stack.control.requests()).filter((r) => r.path.endsWith(`${M}/status`))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }

    // Someone without access to the model never sees the answer kept for the tenant.
    const restricted = SEED.models.restricted;
    await modelActivityForPage(ada, W, restricted);
    await expect(modelActivityForPage(await reader(await signIn("bruno")), W, restricted)).rejects.toMatchObject({
      kind: "not_found",
    });
  });

  it("a user without access to the model gets 404, even while the answer is cached for others", async () => {
    const restricted = SEED.models.restricted;
    await body(await activity(restricted));
    const bruno = await signIn("bruno");
    const denied = await activity(restricted, bruno);
    expect(denied.status).toBe(404);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});

/** Starts a task straight at Anaplan (the simulator), as a script or Anaplan's own UI would. */
async function startOutside(user: keyof typeof SEED.users, exportId: string): Promise<string> {
  const basic = Buffer.from(`${SEED.users[user].email}:${SEED.password}`).toString("base64");
  const auth = await fetch(`${stack.sim.url}/token/authenticate`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}` },
  });
  const token = ((await auth.json()) as { tokenInfo: { tokenValue: string } }).tokenInfo.tokenValue;
  const res = await fetch(`${stack.sim.url}/2/0/workspaces/${W}/models/${M}/exports/${exportId}/tasks`, {
    method: "POST",
    headers: { Authorization: `AnaplanAuthToken ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ localeName: "en_US" }),
  });
  return ((await res.json()) as { task: { taskId: string } }).task.taskId;
}
