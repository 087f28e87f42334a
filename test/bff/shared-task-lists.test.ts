import { describe, expect, it } from "vitest";
import * as taskRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/[taskId]/route";
import * as tasksRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/route";
import type { Task } from "@/lib/shared/types";
import { M, SEED, W, ctx, req, signIn } from "./helpers";
import { setUpStack } from "./stack";

const stack = setUpStack();

async function list(cookie: string, modelId: string, exportId: string): Promise<Response> {
  return tasksRoute.GET(
    req(`/api/workspaces/${W}/models/${modelId}/exports/${exportId}/tasks`, { cookie }),
    ctx({ workspaceId: W, modelId, exportId }),
  );
}

const reads = async (suffix: string) =>
  (await stack.control.requests()).filter((r) => r.path.split("?")[0]!.endsWith(suffix));

describe("task lists shared by a team", () => {
  it("ten teammates watching one export cost one task-list read per window, plus one access check each", async () => {
    const users = ["ada", "bruno", "chloe"] as const;
    const cookies: string[] = [];
    for (let i = 0; i < 10; i++) cookies.push(await signIn(users[i % 3]!));
    await stack.control.clearRequests();
    const answers = await Promise.all(cookies.map((cookie) => list(cookie, M, SEED.exports.revenueCsv)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await reads(`/exports/${SEED.exports.revenueCsv}/tasks`)).toHaveLength(1);
    // One model-status read per user, remembered for five minutes.
    expect(await reads(`/models/${M}/status`)).toHaveLength(3);
  });

  it("ten teammates watching one task's page cost one task read per window, and a cancel shows at once", async () => {
    const users = ["ada", "bruno", "chloe"] as const;
    const cookies: string[] = [];
    for (let i = 0; i < 10; i++) cookies.push(await signIn(users[i % 3]!));
    const E = SEED.exports.slow;
    const base = `/api/workspaces/${W}/models/${M}/exports/${E}/tasks`;
    const started = await tasksRoute.POST(
      req(base, { method: "POST", cookie: cookies[0], csrf: true, body: "{}" }),
      ctx({ workspaceId: W, modelId: M, exportId: E }),
    );
    const { task } = (await started.json()) as { task: Task };
    const one = (cookie: string) =>
      taskRoute.GET(
        req(`${base}/${task.taskId}`, { cookie }),
        ctx({ workspaceId: W, modelId: M, exportId: E, taskId: task.taskId }),
      );
    await stack.control.clearRequests();
    const answers = await Promise.all(cookies.map(one));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await reads(`/tasks/${task.taskId}`)).toHaveLength(1);

    const cancelled = await taskRoute.DELETE(
      req(`${base}/${task.taskId}`, { method: "DELETE", cookie: cookies[1], csrf: true }),
      ctx({ workspaceId: W, modelId: M, exportId: E, taskId: task.taskId }),
    );
    expect(cancelled.status).toBe(200);
    const after = (await (await one(cookies[2]!)).json()) as { task: Task };
    expect(["CANCELLING", "CANCELLED"]).toContain(after.task.taskState);
  });

  it("a teammate's read that fails on their own access does not fail the others waiting on it", async () => {
    const ada = await signIn("ada");
    const bruno = await signIn("bruno");
    const E = SEED.exports.revenueCsv;
    // Both users' access to the model is checked and remembered (through another export), so both reads of E go
    // straight to the shared list; the first to reach Anaplan (Ada's, started first) is refused after a while, as
    // when her access was removed minutes ago.
    await Promise.all([list(ada, M, SEED.exports.slow), list(bruno, M, SEED.exports.slow)]);
    await stack.control.injectFault({ path: `/exports/${E}/tasks$`, status: 403, delayMs: 300, times: 1 });
    await stack.control.clearRequests();
    const [adas, brunos] = await Promise.all([list(ada, M, E), list(bruno, M, E)]);
    expect(adas.status).toBe(403);
    expect(brunos.status).toBe(200);
    expect(Array.isArray(((await brunos.json()) as { tasks: Task[] }).tasks)).toBe(true);
    expect(await reads(`/exports/${E}/tasks`)).toHaveLength(2);
  });

  it("a teammate without access to the model gets 404, even while the list is cached for others", async () => {
    const ada = await signIn("ada");
    const bruno = await signIn("bruno");
    const restricted = SEED.models.restricted;
    expect((await list(ada, restricted, "116000000101")).status).toBe(200);
    const denied = await list(bruno, restricted, "116000000101");
    expect(denied.status).toBe(404);
    expect(((await denied.json()) as { error: { code: string } }).error.code).toBe("NOT_FOUND");
  });
});
