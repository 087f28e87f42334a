import { describe, expect, it } from "vitest";
import * as activityRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/tasks/route";
import * as detailRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/route";
import * as exportsRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/route";
import * as workspacesRoute from "@/app/api/workspaces/route";
import * as runsRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/runs/route";
import * as taskRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/[taskId]/route";
import * as tasksRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/route";
import { setRateLimiterForTests } from "@/lib/anaplan/rate-limit";
import type { ExportDefinition, Task } from "@/lib/shared/types";
import type { LoggedRequest } from "@/sim/control";
import { SEED, W, ctx, req, setEnv, signIn } from "./helpers";
import { setUpStack } from "./stack";

/**
 * The proof of "never flood Anaplan": three teammates open every page of the 5,000-export model at once and keep
 * watching, under a deliberately tight ceiling, and the simulator's own request log shows that no user and not
 * the tenant ever went over it — and that Model activity's first open stayed cheap.
 */
const stack = setUpStack();
const M = SEED.models.bigCatalogue;
// Tighter than what the pages ask for when all three open them at once (without a ceiling the busiest half second
// holds 15 calls, and one user's busiest second 7), so the ceiling is reached and has to hold.
const LIMITS = { userPerSecond: 1, userBurst: 4, tenantPerSecond: 3, tenantBurst: 10 };
const base = `/api/workspaces/${W}/models/${M}`;

const get = async (
  handler: (r: ReturnType<typeof req>, c: ReturnType<typeof ctx>) => Promise<Response>,
  path: string,
  params: Record<string, string>,
  cookie: string,
) => handler(req(`${base}${path}`, { cookie }), ctx({ workspaceId: W, modelId: M, ...params }));

/** Every page a person opens on the model, as its route handlers answer the browser; then a few polls. */
async function openEveryPage(cookie: string, exportId: string): Promise<number[]> {
  const statuses: number[] = [];
  const ok = async (res: Promise<Response>) => {
    const answer = await res;
    statuses.push(answer.status);
    return answer;
  };
  await ok(get(activityRoute.GET, "/tasks", {}, cookie));
  await ok(get(exportsRoute.GET, "/exports", {}, cookie));
  await ok(get(runsRoute.GET, "/runs", {}, cookie));
  await ok(get(detailRoute.GET, `/exports/${exportId}`, { exportId }, cookie));
  await ok(get(tasksRoute.GET, `/exports/${exportId}/tasks`, { exportId }, cookie));
  const started = await ok(
    tasksRoute.POST(
      req(`${base}/exports/${exportId}/tasks`, { method: "POST", cookie, csrf: true, body: "{}" }),
      ctx({ workspaceId: W, modelId: M, exportId }),
    ),
  );
  const { task } = (await started.json()) as { task: Task };
  const taskPath = `/exports/${exportId}/tasks/${task.taskId}`;
  await ok(get(taskRoute.GET, taskPath, { exportId, taskId: task.taskId }, cookie));
  // Watching: the task page, the export page and activity, polled together once a second.
  for (let round = 0; round < 3; round++) {
    await new Promise((r) => setTimeout(r, 1_000));
    await Promise.all([
      ok(get(taskRoute.GET, taskPath, { exportId, taskId: task.taskId }, cookie)),
      ok(get(tasksRoute.GET, `/exports/${exportId}/tasks`, { exportId }, cookie)),
      ok(get(activityRoute.GET, "/tasks", {}, cookie)),
    ]);
  }
  return statuses;
}

/** The most requests that reached the simulator within any `ms` window. */
function busiest(requests: readonly LoggedRequest[], ms: number): number {
  const times = requests.map((r) => Date.parse(r.time)).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= ms) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

// A call is counted when the limiter lets it go and logged when it reaches the simulator: allow that much jitter.
const JITTER = 1;
const WINDOWS_MS = [100, 500, 1_000, 3_000, 10_000];

describe("never flood Anaplan: three users open every page of the 5,000-export model at once", () => {
  it("no user and not the tenant goes over the ceiling, and activity's first open stays cheap", async () => {
    setEnv({
      ANAPLAN_RATE_USER_PER_SECOND: String(LIMITS.userPerSecond),
      ANAPLAN_RATE_USER_BURST: String(LIMITS.userBurst),
      ANAPLAN_RATE_TENANT_PER_SECOND: String(LIMITS.tenantPerSecond),
      ANAPLAN_RATE_TENANT_BURST: String(LIMITS.tenantBurst),
    });
    setRateLimiterForTests(undefined);
    const users = ["ada", "bruno", "chloe"] as const;
    const cookies = await Promise.all(users.map((u) => signIn(u)));
    const list = await get(exportsRoute.GET, "/exports", {}, cookies[0]!);
    const exportIds = ((await list.json()) as { exports: ExportDefinition[] }).exports.slice(0, 3).map((e) => e.id);
    setRateLimiterForTests(undefined);
    await stack.control.clearRequests();

    // First open of Model activity, all three at once.
    const first = await Promise.all(cookies.map((cookie) => get(activityRoute.GET, "/tasks", {}, cookie)));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200]);
    const firstOpen = await stack.control.requests();
    for (const user of users) {
      expect(firstOpen.filter((r) => r.userId === SEED.users[user].id).length).toBeLessThanOrEqual(60);
    }
    expect(firstOpen.length).toBeLessThanOrEqual(60);

    const statuses = await Promise.all(cookies.map((cookie, i) => openEveryPage(cookie, exportIds[i]!)));
    for (const each of statuses) expect(each.every((s) => s === 200 || s === 201)).toBe(true);

    const log = (await stack.control.requests()).filter((r) => r.path.startsWith("/2/0/"));
    expect(log.length).toBeGreaterThan(20);
    for (const ms of WINDOWS_MS) {
      const seconds = ms / 1000;
      expect(busiest(log, ms)).toBeLessThanOrEqual(
        LIMITS.tenantBurst + Math.ceil(LIMITS.tenantPerSecond * seconds) + JITTER,
      );
      for (const user of users) {
        const own = log.filter((r) => r.userId === SEED.users[user].id);
        expect(own.length).toBeGreaterThan(5);
        expect(busiest(own, ms)).toBeLessThanOrEqual(
          LIMITS.userBurst + Math.ceil(LIMITS.userPerSecond * seconds) + JITTER,
        );
      }
    }
    // The ceiling is the whole story only if it was reached: the tenant did have to wait.
    expect(busiest(log, 10_000)).toBeGreaterThan(LIMITS.tenantBurst);
  }, 120_000);

  it("a person over their ceiling gets 429 RATE_LIMITED with Retry-After at once, and the simulator sees nothing", async () => {
    setEnv({ ANAPLAN_RATE_USER_PER_SECOND: "0.05", ANAPLAN_RATE_USER_BURST: "1" });
    setRateLimiterForTests(undefined);
    const cookie = await signIn("ada");
    await stack.control.clearRequests();
    // The first read is the whole burst; the second would wait 20 s, past the 10 s a person is made to wait.
    const workspaces = () => workspacesRoute.GET(req("/api/workspaces", { cookie }), ctx({}));
    expect((await workspaces()).status).toBe(200);
    const refused = await workspaces();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("20");
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("RATE_LIMITED");
    expect(error.message).toMatch(/try again/);
    expect((await stack.control.requests()).filter((r) => r.path.split("?")[0]!.endsWith("/workspaces"))).toHaveLength(
      1,
    );
  });
});
