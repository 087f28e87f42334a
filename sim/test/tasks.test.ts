import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEED } from "../seed/ids";
import { api, exportPath, FPA, login, startTestSim, type TestSim } from "./helpers";

let t: TestSim;
let ada: ReturnType<typeof api>;
let bruno: ReturnType<typeof api>;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());
beforeEach(async () => {
  await t.ctl.reset();
  await t.ctl.configure({ taskDurationMs: 10_000, cancelLatencyMs: 1_000, slowTaskDurationMs: 60_000 });
  ada = api(t.url, await login(t.url, "ada"));
  bruno = api(t.url, await login(t.url, "bruno"));
});

const E = SEED.exports;
const start = async (who: ReturnType<typeof api>, exportId: string): Promise<string> => {
  const r = await who.post(`${exportPath(exportId)}/tasks`, { localeName: "en_US" });
  expect(r.status).toBe(200);
  expect(r.json).toMatchObject({ status: { code: 200, message: "Success" }, task: { taskState: "NOT_STARTED" } });
  expect(r.json.task.taskId).toMatch(/^[0-9A-F]{32}$/);
  return r.json.task.taskId as string;
};
const poll = async (who: ReturnType<typeof api>, exportId: string, taskId: string) =>
  (await who.get(`${exportPath(exportId)}/tasks/${taskId}`)).json.task;

describe("export task lifecycle", () => {
  it("runs IN_PROGRESS with rising progress, then COMPLETE with a result", async () => {
    const id = await start(ada, E.revenueCsv);
    await t.ctl.advanceClock(2_000);
    const a = await poll(ada, E.revenueCsv, id);
    expect(a).toMatchObject({
      type: "taskInformation",
      taskId: id,
      taskState: "IN_PROGRESS",
      currentStep: expect.any(String),
    });
    await t.ctl.advanceClock(5_000);
    const b = await poll(ada, E.revenueCsv, id);
    expect(b.progress).toBeGreaterThan(a.progress);
    expect(b.result).toBeUndefined();
    await t.ctl.advanceClock(4_000);
    const c = await poll(ada, E.revenueCsv, id);
    expect(c).toMatchObject({
      taskState: "COMPLETE",
      currentStep: "Complete.",
      progress: 1,
      result: { successful: true, failureDumpAvailable: false, objectId: E.revenueCsv },
    });
  });

  it("holds the model lock: later tasks wait NOT_STARTED in FIFO order", async () => {
    const first = await start(ada, E.revenueCsv);
    const second = await start(bruno, E.opexTxt);
    const third = await start(ada, E.gridXls);
    await t.ctl.advanceClock(1_000);
    expect((await poll(ada, E.revenueCsv, first)).taskState).toBe("IN_PROGRESS");
    expect((await poll(ada, E.opexTxt, second)).taskState).toBe("NOT_STARTED");
    expect((await poll(ada, E.gridXls, third)).taskState).toBe("NOT_STARTED");
    const status = (await ada.get(`/models/${SEED.models.fpa}/status`)).json.requestStatus;
    expect(status.taskId).toBe(first);
    expect(status.tooltip).toBe(
      "The system is currently processing an Export (Revenue by Region - Data.csv) started by user Ada Lovelace.",
    );
    expect((await ada.get(`/models/${SEED.models.fpa}`)).json.model.modelTransactionRunning).toBe(true);
    await t.ctl.advanceClock(10_000);
    expect((await poll(ada, E.revenueCsv, first)).taskState).toBe("COMPLETE");
    expect((await poll(ada, E.opexTxt, second)).taskState).toBe("IN_PROGRESS");
    expect((await poll(ada, E.gridXls, third)).taskState).toBe("NOT_STARTED");
    const teammate = (await bruno.get(`/models/${SEED.models.fpa}/status`)).json.requestStatus;
    expect(teammate.tooltip).toContain("started by user Bruno Díaz.");
    await t.ctl.advanceClock(10_000);
    expect((await poll(ada, E.gridXls, third)).taskState).toBe("IN_PROGRESS");
  });

  it("another model is not blocked", async () => {
    await start(ada, E.revenueCsv);
    const r = await ada.post(
      `/workspaces/${SEED.workspaces.sales}/models/${SEED.models.salesPlanning}/exports/116000000301/tasks`,
    );
    await t.ctl.advanceClock(500);
    const s = await ada.get(
      `/workspaces/${SEED.workspaces.sales}/models/${SEED.models.salesPlanning}/exports/116000000301/tasks/${r.json.task.taskId}`,
    );
    expect(s.json.task.taskState).toBe("IN_PROGRESS");
  });

  it("lists tasks (paged) for every user with access, in both path forms", async () => {
    const a = await start(ada, E.revenueCsv);
    const b = await start(bruno, E.revenueCsv);
    const list = await bruno.get(`${exportPath(E.revenueCsv)}/tasks`);
    expect(list.json.tasks.map((x: { taskId: string }) => x.taskId)).toEqual([a, b]);
    expect(list.json.tasks[0]).toEqual({ taskId: a, taskState: expect.any(String), creationTime: expect.any(Number) });
    expect(list.json.meta.paging).toMatchObject({ totalSize: 2, currentPageSize: 2 });
    const paged = await ada.get(`/models/${SEED.models.fpa}/exports/${E.revenueCsv}/tasks?limit=1&offset=1`);
    expect(paged.json.tasks.map((x: { taskId: string }) => x.taskId)).toEqual([b]);
    const sorted = await ada.get(`${exportPath(E.revenueCsv)}/tasks?sort=-creationDate`);
    expect(sorted.json.tasks[0].taskId).toBe(b);
    expect((await ada.get(`/models/${SEED.models.fpa}/exports/${E.revenueCsv}/tasks/${a}`)).json.task.taskId).toBe(a);
  });

  it("a failing export ends COMPLETE, successful false, Failed. with details", async () => {
    const id = await start(ada, E.failing);
    await t.ctl.advanceClock(10_000);
    const task = await poll(ada, E.failing, id);
    expect(task).toMatchObject({
      taskState: "COMPLETE",
      currentStep: "Failed.",
      result: { successful: false, failureDumpAvailable: false, objectId: E.failing },
    });
    expect(task.result.details[0].localMessageText).toBe(
      "The export could not be completed: the saved view 'Revenue by Region' no longer exists.",
    );
    expect((await ada.get(`${FPA}/files/${E.failing}`)).status).toBe(404);
  });

  it("cancels a running task: CANCELLING, then CANCELLED with cancelledBy; the lock frees", async () => {
    const id = await start(ada, E.revenueCsv);
    const next = await start(ada, E.opexTxt);
    await t.ctl.advanceClock(3_000);
    const del = await bruno.del(`${exportPath(E.revenueCsv)}/tasks/${id}`);
    expect(del.status).toBe(200);
    expect(del.json.task).toMatchObject({ taskId: id, taskState: "CANCELLING", cancelledBy: "Bruno Díaz" });
    await t.ctl.advanceClock(1_500);
    const done = await poll(ada, E.revenueCsv, id);
    expect(done).toMatchObject({ taskState: "CANCELLED", cancelledBy: "Bruno Díaz", currentStep: "Cancelled." });
    expect(done.progress).toBeGreaterThan(0);
    expect((await poll(ada, E.opexTxt, next)).taskState).toBe("IN_PROGRESS");
    expect((await ada.get(`${FPA}/files/${E.revenueCsv}/chunks`)).json.chunks).toBeUndefined();
  });

  it("cancels a waiting task without disturbing the running one", async () => {
    const running = await start(ada, E.revenueCsv);
    const waiting = await start(ada, E.opexTxt);
    await t.ctl.advanceClock(1_000);
    const del = await ada.del(`${exportPath(E.opexTxt)}/tasks/${waiting}`);
    expect(del.json.task.taskState).toBe("CANCELLING");
    await t.ctl.advanceClock(1_500);
    expect((await poll(ada, E.opexTxt, waiting)).taskState).toBe("CANCELLED");
    expect((await poll(ada, E.revenueCsv, running)).taskState).toBe("IN_PROGRESS");
  });

  it("returns a finished task unchanged on DELETE", async () => {
    const id = await start(ada, E.revenueCsv);
    await t.ctl.advanceClock(11_000);
    const before = await poll(ada, E.revenueCsv, id);
    const del = await ada.del(`${exportPath(E.revenueCsv)}/tasks/${id}`);
    expect(del.status).toBe(200);
    expect(del.json.task).toEqual(before);
    await t.ctl.advanceClock(5_000);
    expect(await poll(ada, E.revenueCsv, id)).toEqual(before);
  });

  it("the uncancellable export completes anyway", async () => {
    const id = await start(ada, E.uncancellable);
    await t.ctl.advanceClock(2_000);
    await ada.del(`${exportPath(E.uncancellable)}/tasks/${id}`);
    await t.ctl.advanceClock(9_000);
    expect(await poll(ada, E.uncancellable, id)).toMatchObject({ taskState: "COMPLETE", result: { successful: true } });
  });

  it("the slow export uses slowTaskDurationMs", async () => {
    const id = await start(ada, E.slow);
    await t.ctl.advanceClock(30_000);
    const mid = await poll(ada, E.slow, id);
    expect(mid.taskState).toBe("IN_PROGRESS");
    expect(mid.progress).toBeGreaterThanOrEqual(0.45);
    await t.ctl.advanceClock(31_000);
    expect((await poll(ada, E.slow, id)).taskState).toBe("COMPLETE");
  });

  it("uses the per-export demo duration (8–15 s) by default", async () => {
    await t.ctl.configure({ taskDurationMs: null });
    const id = await start(ada, E.revenueCsv);
    await t.ctl.advanceClock(7_500);
    expect((await poll(ada, E.revenueCsv, id)).taskState).toBe("IN_PROGRESS");
    await t.ctl.advanceClock(8_000);
    expect((await poll(ada, E.revenueCsv, id)).taskState).toBe("COMPLETE");
  });
});
