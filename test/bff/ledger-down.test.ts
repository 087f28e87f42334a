import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as fileRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/file/route";
import * as runsRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/runs/route";
import * as taskRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/[taskId]/route";
import * as tasksRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/route";
import type { Task } from "@/lib/shared/types";
import { M, SEED, W, closedPortUrl, ctx, req, signIn } from "./helpers";
import { setUpStack } from "./stack";

// The ledger's server is down for this whole file: a PostgreSQL URL on a port where nothing listens.
beforeAll(async () => {
  process.env.DATABASE_URL = (await closedPortUrl()).replace("http://", "postgres://postgres@") + "/export_desk";
  process.env.EXPORT_DESK_LOG_IN_TESTS = "1";
});
afterAll(() => {
  delete process.env.DATABASE_URL;
  delete process.env.EXPORT_DESK_LOG_IN_TESTS;
});
const stack = setUpStack();
const E = SEED.exports.revenueCsv;
const exportPath = `/api/workspaces/${W}/models/${M}/exports/${E}`;
const ids = { workspaceId: W, modelId: M, exportId: E };

describe("the ledger is history, not a gate", () => {
  it("runs, cancels and downloads work with the database unreachable; the runs answer says history is not recorded", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const cookie = await signIn("ada");
    const started = await tasksRoute.POST(
      req(`${exportPath}/tasks`, { method: "POST", cookie, csrf: true, body: "{}" }),
      ctx(ids),
    );
    expect(started.status).toBe(201);
    const { task } = (await started.json()) as { task: Task };

    const list = await tasksRoute.GET(req(`${exportPath}/tasks`, { cookie }), ctx(ids));
    expect(list.status).toBe(200);
    const cancelled = await taskRoute.DELETE(
      req(`${exportPath}/tasks/${task.taskId}`, { method: "DELETE", cookie, csrf: true }),
      ctx({ ...ids, taskId: task.taskId }),
    );
    expect(cancelled.status).toBe(200);

    const second = await tasksRoute.POST(
      req(`${exportPath}/tasks`, { method: "POST", cookie, csrf: true, body: "{}" }),
      ctx(ids),
    );
    expect(second.status).toBe(201);
    await stack.control.advanceClock(120_000);
    const file = await fileRoute.GET(req(`${exportPath}/file`, { cookie }), ctx(ids));
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(0);

    const runs = await runsRoute.GET(
      req(`/api/workspaces/${W}/models/${M}/runs`, { cookie }),
      ctx({ workspaceId: W, modelId: M }),
    );
    expect(runs.status).toBe(200);
    expect(await runs.json()).toEqual({ runs: [], next: null, history: "unavailable" });

    const events = warn.mock.calls.map(
      ([line]) => JSON.parse(String(line)) as { event: string; code?: string; engine?: string },
    );
    const outages = events.filter((e) => e.event === "ledger_unavailable");
    expect(outages).toHaveLength(1);
    expect(outages[0]).toMatchObject({ engine: "postgres", code: "ECONNREFUSED" });
    expect(JSON.stringify(warn.mock.calls)).not.toContain("postgres://");
    warn.mockRestore();
  });
});
