import { describe, expect, it, vi } from "vitest";
import * as detailRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/route";
import * as exportsRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/route";
import * as fileRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/file/route";
import * as modelsRoute from "@/app/api/workspaces/[workspaceId]/models/route";
import * as taskRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/[taskId]/route";
import * as tasksRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/route";
import * as workspacesRoute from "@/app/api/workspaces/route";
import { TASK_LIST_TTL_MS } from "@/lib/data/task-list-cache";
import type { ExportDefinition, Task } from "@/lib/shared/types";
import { M, SEED, W, ctx, expectNoSentinel, req, signIn } from "./helpers";
import { setUpStack } from "./stack";

let cookie: string;
const stack = setUpStack({ onSignIn: (value) => (cookie = value) });

const E = SEED.exports;
const exportPath = (e: string) => `/api/workspaces/${W}/models/${M}/exports/${e}`;

async function json<T>(res: Response): Promise<T> {
  await expectNoSentinel(res);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return (await res.json()) as T;
}

async function start(
  exportId: string,
  body = "{}",
  headers: Record<string, string> = {},
  who = cookie,
): Promise<Response> {
  return tasksRoute.POST(
    req(`${exportPath(exportId)}/tasks`, { method: "POST", cookie: who, csrf: true, body, headers }),
    ctx({ workspaceId: W, modelId: M, exportId }),
  );
}

async function getTask(exportId: string, taskId: string): Promise<Task> {
  const res = await taskRoute.GET(
    req(`${exportPath(exportId)}/tasks/${taskId}`, { cookie }),
    ctx({ workspaceId: W, modelId: M, exportId, taskId }),
  );
  expect(res.status).toBe(200);
  return (await json<{ task: Task }>(res)).task;
}

async function runToCompletion(exportId: string): Promise<Task> {
  const res = await start(exportId);
  expect(res.status).toBe(201);
  const { task } = await json<{ task: Task }>(res);
  for (let i = 0; i < 50; i += 1) {
    await stack.control.advanceClock(1_000);
    const now = await getTask(exportId, task.taskId);
    if (now.taskState === "COMPLETE" || now.taskState === "CANCELLED") return now;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("task did not finish");
}

async function download(exportId: string, who = cookie): Promise<Response> {
  return fileRoute.GET(
    req(`${exportPath(exportId)}/file`, { cookie: who }),
    ctx({ workspaceId: W, modelId: M, exportId }),
  );
}

describe("pickers and catalogue", () => {
  it("lists workspaces, models and exports", async () => {
    const ws = await json<{ workspaces: { id: string }[] }>(
      await workspacesRoute.GET(req("/api/workspaces", { cookie })),
    );
    expect(ws.workspaces.map((w) => w.id)).toContain(W);
    const models = await json<{ models: { id: string }[] }>(
      await modelsRoute.GET(req(`/api/workspaces/${W}/models`, { cookie }), ctx({ workspaceId: W })),
    );
    expect(models.models.map((m) => m.id)).toContain(M);
    // The list is the one answer the browser may keep (revalidated by ETag; test/bff/catalogue-list.test.ts).
    const listed = await exportsRoute.GET(
      req(`/api/workspaces/${W}/models/${M}/exports`, { cookie }),
      ctx({ workspaceId: W, modelId: M }),
    );
    await expectNoSentinel(listed);
    const cat = (await listed.json()) as { exports: ExportDefinition[] };
    expect(cat.exports.find((e) => e.id === E.revenueCsv)?.name).toBe("Revenue by Region - Data.csv");
  });

  it("export detail has the metadata and the definition", async () => {
    const body = await json<{ exportMetadata: { headerNames?: string[] }; export: ExportDefinition }>(
      await detailRoute.GET(
        req(exportPath(E.revenueCsv), { cookie }),
        ctx({ workspaceId: W, modelId: M, exportId: E.revenueCsv }),
      ),
    );
    expect(body.export.id).toBe(E.revenueCsv);
    expect(body.exportMetadata.headerNames?.length).toBeGreaterThan(0);
  });

  it("an export that does not exist → 404 with the access sentence", async () => {
    const res = await detailRoute.GET(
      req(exportPath("116999999999"), { cookie }),
      ctx({ workspaceId: W, modelId: M, exportId: "116999999999" }),
    );
    expect(res.status).toBe(404);
    expect(await json(res)).toEqual({
      error: { code: "NOT_FOUND", message: "This model or export does not exist, or you have no access to it." },
    });
  });

  it("each user acts as themselves: a model Bruno has no access to is a 404 for him, with only his token upstream", async () => {
    const bruno = await signIn("bruno");
    const restricted = SEED.models.restricted;
    const res = await exportsRoute.GET(
      req(`/api/workspaces/${W}/models/${restricted}/exports`, { cookie: bruno }),
      ctx({ workspaceId: W, modelId: restricted }),
    );
    expect(res.status).toBe(404);
    const ada = await exportsRoute.GET(
      req(`/api/workspaces/${W}/models/${restricted}/exports`, { cookie }),
      ctx({ workspaceId: W, modelId: restricted }),
    );
    expect(ada.status).toBe(200);
  });

  it("an archived model answers with a 4xx, never a 500", async () => {
    const archived = SEED.models.archived;
    const res = await start(E.revenueCsv, "{}", {}, cookie).then(() =>
      tasksRoute.POST(
        req(`/api/workspaces/${W}/models/${archived}/exports/116000000201/tasks`, {
          method: "POST",
          cookie,
          csrf: true,
          body: "{}",
        }),
        ctx({ workspaceId: W, modelId: archived, exportId: "116000000201" }),
      ),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });
});

describe("tasks", () => {
  it("starts exactly one task, with the locale from Accept-Language, and lists it", async () => {
    const res = await start(E.revenueCsv, "", { "accept-language": "de-DE,de;q=0.9" });
    expect(res.status).toBe(201);
    const { task } = await json<{ task: Task }>(res);
    expect(task.taskId).toMatch(/^[0-9A-F]{32}$/);
    const posts = (await stack.control.requests()).filter((r) => r.method === "POST" && /\/tasks$/.test(r.path));
    expect(posts).toHaveLength(1);
    const list = await json<{ tasks: Task[] }>(
      await tasksRoute.GET(
        req(`${exportPath(E.revenueCsv)}/tasks`, { cookie }),
        ctx({ workspaceId: W, modelId: M, exportId: E.revenueCsv }),
      ),
    );
    expect(list.tasks.map((t) => t.taskId)).toContain(task.taskId);
  });

  it("accepts an explicit localeName", async () => {
    expect((await start(E.opexTxt, JSON.stringify({ localeName: "fr_FR" }))).status).toBe(201);
  });

  it("cancels a running task", async () => {
    const { task } = await json<{ task: Task }>(await start(E.slow));
    const res = await taskRoute.DELETE(
      req(`${exportPath(E.slow)}/tasks/${task.taskId}`, { method: "DELETE", cookie, csrf: true }),
      ctx({ workspaceId: W, modelId: M, exportId: E.slow, taskId: task.taskId }),
    );
    expect(res.status).toBe(200);
    const body = await json<{ task: Task }>(res);
    expect(["CANCELLING", "CANCELLED", "COMPLETE"]).toContain(body.task.taskState);
  });
});

describe("download", () => {
  it("before anyone ran the export → 404 explaining files are private to whoever ran it", async () => {
    const res = await download(E.gridXls);
    expect(res.status).toBe(404);
    const body = await json<{ error: { code: string; message: string } }>(res);
    expect(body.error.code).toBe("FILE_NOT_AVAILABLE");
    expect(body.error.message).toMatch(/private to whoever ran the export/);
  });

  it.each([
    [E.revenueCsv, "text/csv; charset=utf-8", 'attachment; filename="Revenue by Region - Data.csv"'],
    [E.opexTxt, "text/plain; charset=utf-8", 'attachment; filename="Opex by Cost Center - Data.txt"'],
    [E.gridXls, "application/vnd.ms-excel", 'attachment; filename="Revenue - Grid.xls"'],
    [
      E.nonAscii,
      "text/csv; charset=utf-8",
      `attachment; filename="Personalkosten M_nchen _ _bersicht.csv"; ` +
        `filename*=UTF-8''Personalkosten%20M%C3%BCnchen%20%E2%80%93%20%C3%9Cbersicht.csv`,
    ],
  ])("streams %s as an attachment with the right type and name", async (exportId, type, disposition) => {
    const done = await runToCompletion(exportId);
    expect(done.result?.successful).toBe(true);
    const res = await download(exportId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(type);
    expect(res.headers.get("content-disposition")).toBe(disposition);
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("set-cookie")).toBeNull();
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(new TextDecoder().decode(bytes)).not.toContain("TKN_SENTINEL_");
  });

  it("another user's file is private: 404 for Bruno after Ada ran the export", async () => {
    await runToCompletion(E.revenueCsv);
    const bruno = await signIn("bruno");
    expect((await download(E.revenueCsv, bruno)).status).toBe(404);
  });
});

describe("task lists", () => {
  const list = () =>
    tasksRoute.GET(
      req(`${exportPath(E.failing)}/tasks`, { cookie }),
      ctx({ workspaceId: W, modelId: M, exportId: E.failing }),
    );

  it("carry each finished task's result, so a failed export never reads as a success, looked up once", async () => {
    const done = await runToCompletion(E.failing);
    await stack.control.clearRequests();
    const { tasks } = await json<{ tasks: Task[] }>(await list());
    const listed = tasks.find((t) => t.taskId === done.taskId);
    expect(listed?.taskState).toBe("COMPLETE");
    expect(listed?.result?.successful).toBe(false);
    expect(listed?.result?.details?.[0]?.localMessageText).toMatch(/could not be completed/);

    const realNow = Date.now;
    const spy = vi.spyOn(Date, "now").mockImplementation(() => realNow() + TASK_LIST_TTL_MS + 1);
    try {
      await json(await list());
    } finally {
      spy.mockRestore();
    }
    const oneTaskReads = (await stack.control.requests()).filter((r) => r.path.includes(`/tasks/${done.taskId}`));
    expect(oneTaskReads).toHaveLength(1);
  });
});
