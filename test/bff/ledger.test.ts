import { describe, expect, it } from "vitest";
import * as csvRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/runs.csv/route";
import * as runsRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/runs/route";
import * as activityRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/tasks/route";
import * as fileRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/file/route";
import * as taskRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/[taskId]/route";
import * as tasksRoute from "@/app/api/workspaces/[workspaceId]/models/[modelId]/exports/[exportId]/tasks/route";
import type { Run } from "@/lib/ledger";
import type { ActivityTask, Task } from "@/lib/shared/types";
import { M, SEED, W, ctx, expectNoSentinel, req, signIn, startOutside } from "./helpers";
import { setUpStack } from "./stack";

const stack = setUpStack();
const E = SEED.exports;
const ada = { email: SEED.users.ada.email, name: "Ada Lovelace" };
const bruno = { email: SEED.users.bruno.email, name: "Bruno Díaz" };
const modelPath = (m: string = M) => `/api/workspaces/${W}/models/${m}`;
const exportPath = (e: string, m: string = M) => `${modelPath(m)}/exports/${e}`;

async function start(cookie: string, exportId: string, m: string = M): Promise<Task> {
  const res = await tasksRoute.POST(
    req(`${exportPath(exportId, m)}/tasks`, { method: "POST", cookie, csrf: true, body: "{}" }),
    ctx({ workspaceId: W, modelId: m, exportId }),
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { task: Task }).task;
}

async function tasks(cookie: string, exportId: string): Promise<Task[]> {
  const res = await tasksRoute.GET(
    req(`${exportPath(exportId)}/tasks`, { cookie }),
    ctx({ workspaceId: W, modelId: M, exportId }),
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { tasks: Task[] }).tasks;
}

async function cancel(cookie: string, exportId: string, taskId: string): Promise<void> {
  const res = await taskRoute.DELETE(
    req(`${exportPath(exportId)}/tasks/${taskId}`, { method: "DELETE", cookie, csrf: true }),
    ctx({ workspaceId: W, modelId: M, exportId, taskId }),
  );
  expect(res.status).toBe(200);
}

async function runs(cookie: string, query = "", m: string = M): Promise<Response> {
  return runsRoute.GET(req(`${modelPath(m)}/runs${query}`, { cookie }), ctx({ workspaceId: W, modelId: m }));
}

async function runsOf(cookie: string, query = ""): Promise<Run[]> {
  const res = await runs(cookie, query);
  await expectNoSentinel(res);
  expect(res.status).toBe(200);
  return ((await res.json()) as { runs: Run[] }).runs;
}

/** Starts a task straight at Anaplan (the simulator), as a script or Anaplan's own UI would. */
/** Watches one task (as its task page does) until it is final, advancing the simulator's clock. */
async function watchUntilFinal(cookie: string, exportId: string, taskId: string): Promise<Task> {
  for (let i = 0; i < 40; i += 1) {
    await stack.control.advanceClock(5_000);
    const res = await taskRoute.GET(
      req(`${exportPath(exportId)}/tasks/${taskId}`, { cookie }),
      ctx({ workspaceId: W, modelId: M, exportId, taskId }),
    );
    const { task } = (await res.json()) as { task: Task };
    if (task.taskState === "COMPLETE" || task.taskState === "CANCELLED") return task;
  }
  throw new Error("the task did not finish");
}

describe("the team ledger through the BFF", () => {
  it("remembers who ran an export, how it ended and who downloaded it; a teammate sees the name", async () => {
    const adaCookie = await signIn("ada");
    const brunoCookie = await signIn("bruno");
    const task = await start(adaCookie, E.revenueCsv);
    expect(task.startedBy).toEqual(ada);

    // Bruno's live table names who started it.
    const seenByBruno = (await tasks(brunoCookie, E.revenueCsv)).find((t) => t.taskId === task.taskId);
    expect(seenByBruno?.startedBy).toEqual(ada);

    const done = await watchUntilFinal(adaCookie, E.revenueCsv, task.taskId);
    expect(done.taskState).toBe("COMPLETE");
    const file = await fileRoute.GET(
      req(`${exportPath(E.revenueCsv)}/file`, { cookie: adaCookie }),
      ctx({ workspaceId: W, modelId: M, exportId: E.revenueCsv }),
    );
    expect(file.status).toBe(200);
    const bytes = (await file.arrayBuffer()).byteLength;

    const [run] = await runsOf(brunoCookie);
    expect(run).toMatchObject({
      taskId: task.taskId,
      exportId: E.revenueCsv,
      exportName: "Revenue by Region - Data.csv",
      startedBy: ada,
      outcome: "succeeded",
      failure: null,
      cancelledBy: null,
    });
    expect(run?.finishedAt).not.toBeNull();
    expect(run?.durationMs).toBeGreaterThanOrEqual(0);
    await expect
      .poll(async () => (await runsOf(brunoCookie))[0]?.downloads)
      .toEqual([{ by: ada, at: expect.any(String), bytes, complete: true }]);
  });

  it("records a failure with Anaplan's message, and a cancel with who asked", async () => {
    const adaCookie = await signIn("ada");
    const brunoCookie = await signIn("bruno");
    const failing = await start(adaCookie, E.failing);
    await watchUntilFinal(adaCookie, E.failing, failing.taskId);
    const slow = await start(adaCookie, E.slow);
    await cancel(brunoCookie, E.slow, slow.taskId);
    await watchUntilFinal(adaCookie, E.slow, slow.taskId);

    const byExport = new Map((await runsOf(adaCookie)).map((r) => [r.exportId, r]));
    expect(byExport.get(E.failing)).toMatchObject({ outcome: "failed", failure: expect.stringMatching(/\S/) });
    expect(byExport.get(E.slow)).toMatchObject({ outcome: "cancelled", startedBy: ada, cancelledBy: bruno });
    expect((await runsOf(adaCookie, "?outcome=failed")).map((r) => r.exportId)).toEqual([E.failing]);
    expect(
      (await runsOf(adaCookie, `?export=${E.slow}&by=${encodeURIComponent(ada.email)}`)).map((r) => r.outcome),
    ).toEqual(["cancelled"]);
  });

  it("records tasks started outside Export Desk with no starter", async () => {
    const adaCookie = await signIn("ada");
    const outside = await startOutside(stack.sim.url, "bruno", E.opexTxt);
    const seen = (await tasks(adaCookie, E.opexTxt)).find((t) => t.taskId === outside);
    expect(seen?.startedBy).toBeNull();
    expect((await runsOf(adaCookie)).find((r) => r.taskId === outside)).toMatchObject({
      startedBy: null,
      exportName: "",
    });
  });

  it("brings a run nobody watches to its end when the ledger is read, asking Anaplan at most once per 30 s", async () => {
    const adaCookie = await signIn("ada");
    const task = await start(adaCookie, E.revenueCsv);
    await stack.control.advanceClock(60_000);
    await stack.control.clearRequests();
    const taskReads = async () =>
      (await stack.control.requests()).filter((r) => r.path.endsWith(`/tasks/${task.taskId}`)).length;

    expect((await runsOf(adaCookie))[0]).toMatchObject({ taskId: task.taskId, outcome: "succeeded" });
    expect(await taskReads()).toBe(1);
    await runsOf(adaCookie);
    expect(await taskReads()).toBe(1);
  });

  it("shows the model's activity with who started each task", async () => {
    const adaCookie = await signIn("ada");
    const task = await start(adaCookie, E.revenueCsv);
    const res = await activityRoute.GET(
      req(`${modelPath()}/tasks`, { cookie: await signIn("bruno") }),
      ctx({ workspaceId: W, modelId: M }),
    );
    const body = (await res.json()) as { tasks: ActivityTask[] };
    expect(body.tasks.find((t) => t.taskId === task.taskId)?.startedBy).toEqual(ada);
  });

  it("answers 404 for a model the reader cannot open, exactly as for an unknown model, in the API and the CSV", async () => {
    const adaCookie = await signIn("ada");
    const brunoCookie = await signIn("bruno");
    await start(adaCookie, "116000000101", SEED.models.restricted);
    expect(((await (await runs(adaCookie, "", SEED.models.restricted)).json()) as { runs: Run[] }).runs).toHaveLength(
      1,
    );

    const denied = await runs(brunoCookie, "", SEED.models.restricted);
    const unknown = await runs(brunoCookie, "", "0123456789ABCDEF0123456789ABCDEF");
    expect(denied.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await denied.json()).toEqual(await unknown.json());
    const csv = await csvRoute.GET(
      req(`${modelPath(SEED.models.restricted)}/runs.csv`, { cookie: brunoCookie }),
      ctx({ workspaceId: W, modelId: SEED.models.restricted }),
    );
    expect(csv.status).toBe(404);
  });

  it.each([
    ["an unknown outcome", "?outcome=exploded"],
    ["a malformed date", "?from=yesterday"],
    ["a forged cursor", "?cursor=eyJmb3JnZWQiOnRydWV9"],
    ["an over-long value", `?by=${"a".repeat(300)}@example.com`],
    ["a limit over 500", "?limit=501"],
    ["an unknown parameter", "?token=x"],
  ])("answers 400 for %s with zero Anaplan calls", async (_name, query) => {
    const cookie = await signIn("ada");
    await stack.control.clearRequests();
    const res = await runs(cookie, query);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "INVALID_QUERY",
    });
    expect(await stack.control.requests()).toHaveLength(0);
  });

  it("downloads the filtered runs as a CSV spreadsheets open safely", async () => {
    const adaCookie = await signIn("ada");
    await start(adaCookie, E.revenueCsv);
    await start(adaCookie, E.nonAscii);
    const res = await csvRoute.GET(
      req(`${modelPath()}/runs.csv?export=${E.revenueCsv}`, { cookie: adaCookie }),
      ctx({ workspaceId: W, modelId: M }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="export-desk-runs-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder()
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^taskId,exportId,exportName,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Revenue by Region - Data.csv");
  });
});
