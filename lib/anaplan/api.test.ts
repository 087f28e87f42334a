import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Task } from "@/lib/shared/types";
import { createAnaplanApi, type AnaplanApi } from "./api";
import { AnaplanError } from "./errors";
import { eventually, SEED, startSim, TOKEN_SENTINEL, type SimHandle } from "./testing/sim";

let h: SimHandle;
let api: AnaplanApi;
const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const E = SEED.exports;

beforeAll(async () => {
  h = await startSim();
});
afterAll(async () => {
  await h.sim.close();
});
beforeEach(async () => {
  await h.reset({ taskDurationMs: 200, cancelLatencyMs: 100 });
  api = createAnaplanApi({ token: await h.token(), urls: h.urls, retry: { baseDelayMs: 10 } });
  await h.control("DELETE", "requests");
});

async function caught(promise: Promise<unknown>): Promise<AnaplanError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AnaplanError);
    expect((err as Error).message).not.toContain(TOKEN_SENTINEL);
    return err as AnaplanError;
  }
  throw new Error("expected the call to fail");
}

async function runToEnd(exportId: string): Promise<Task> {
  const started = await api.startExportTask(W, M, exportId);
  return eventually(
    () => api.exportTask(W, M, exportId, started.taskId),
    (t) => t.taskState === "COMPLETE" || t.taskState === "CANCELLED",
  );
}

describe("Integration API against the simulator", () => {
  it("me()", async () => {
    const me = await api.me();
    expect(me).toMatchObject({
      id: SEED.users.ada.id,
      email: SEED.users.ada.email,
      firstName: "Ada",
      lastName: "Lovelace",
    });
    const log = await h.requests();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ method: "GET", path: "/2/0/users/me", authScheme: "AnaplanAuthToken" });
  });

  it("workspaces() and models()", async () => {
    const workspaces = await api.workspaces();
    expect(workspaces.map((w) => w.id)).toContain(W);
    for (const w of workspaces) expect(typeof w.name).toBe("string");
    const all = await api.models();
    expect(all.map((m) => m.id)).toContain(M);
    const inFinance = await api.models(W);
    expect(inFinance.map((m) => m.id)).toContain(M);
    expect(inFinance.find((m) => m.id === M)?.currentWorkspaceId).toBe(W);
    const log = await h.requests();
    expect(log.map((r) => r.path.split("?")[0])).toEqual([
      "/2/0/workspaces",
      "/2/0/models",
      `/2/0/workspaces/${W}/models`,
    ]);
  });

  it("modelStatus()", async () => {
    const status = await api.modelStatus(W, M);
    expect(typeof status).toBe("object");
    expect(status.progress === undefined || typeof status.progress === "number").toBe(true);
  });

  it("exports() and exportMetadata()", async () => {
    const exports = await api.exports(W, M);
    const revenue = exports.find((e) => e.id === E.revenueCsv);
    expect(revenue?.name).toMatch(/Revenue/);
    const meta = await api.exportMetadata(W, M, E.revenueCsv);
    expect(meta.headerNames?.length).toBeGreaterThan(0);
    expect(typeof meta.rowCount).toBe("number");
  });

  it("start → poll → list a task; the file appears in files()", async () => {
    const started = await api.startExportTask(W, M, E.revenueCsv);
    expect(started.taskId).toMatch(/^[0-9A-F]{32}$/);
    expect(typeof started.taskState).toBe("string");
    const done = await eventually(
      () => api.exportTask(W, M, E.revenueCsv, started.taskId),
      (t) => t.taskState === "COMPLETE",
    );
    expect(done.result?.successful).toBe(true);
    const tasks = await api.exportTasks(W, M, E.revenueCsv);
    expect(tasks.map((t) => t.taskId)).toContain(started.taskId);
    const files = await api.files(W, M);
    expect(files.find((f) => f.id === E.revenueCsv)?.chunkCount).toBeGreaterThan(0);
    const chunks = await api.fileChunks(W, M, E.revenueCsv);
    expect(chunks[0]?.id).toBe("0");
    const posts = await h.requests({ method: "POST" });
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toBe(`/2/0/workspaces/${W}/models/${M}/exports/${E.revenueCsv}/tasks`);
  });

  it("an empty task list (no collection key) is []", async () => {
    expect(await api.exportTasks(W, M, E.opexTxt)).toEqual([]);
  });

  it("a failing export is COMPLETE with successful=false", async () => {
    const task = await runToEnd(E.failing);
    expect(task.taskState).toBe("COMPLETE");
    expect(task.result?.successful).toBe(false);
  });

  it("cancelExportTask() moves a slow task to CANCELLING/CANCELLED", async () => {
    const started = await api.startExportTask(W, M, E.slow);
    const cancelled = await api.cancelExportTask(W, M, E.slow, started.taskId);
    expect(cancelled.taskId).toBe(started.taskId);
    expect(["CANCELLING", "CANCELLED"]).toContain(cancelled.taskState);
    const final = await eventually(
      () => api.exportTask(W, M, E.slow, started.taskId),
      (t) => t.taskState === "CANCELLED",
    );
    expect(final.taskState).toBe("CANCELLED");
    const deletes = await h.requests({ method: "DELETE" });
    expect(deletes).toHaveLength(1);
  });

  it("cancelling a finished task returns it unchanged; an uncancellable task still completes", async () => {
    const done = await runToEnd(E.revenueCsv);
    const again = await api.cancelExportTask(W, M, E.revenueCsv, done.taskId);
    expect(again.taskState).toBe("COMPLETE");
    const started = await api.startExportTask(W, M, E.uncancellable);
    await api.cancelExportTask(W, M, E.uncancellable, started.taskId);
    const final = await eventually(
      () => api.exportTask(W, M, E.uncancellable, started.taskId),
      (t) => t.taskState === "COMPLETE" || t.taskState === "CANCELLED",
    );
    expect(final.taskState).toBe("COMPLETE");
  });

  it("unknown or inaccessible things → not_found, with no retry", async () => {
    const unknownTask = "0123456789ABCDEF0123456789ABCDEF";
    expect((await caught(api.exportTask(W, M, E.revenueCsv, unknownTask))).kind).toBe("not_found");
    expect((await caught(api.exportMetadata(W, M, "116999999999"))).kind).toBe("not_found");
    const bruno = createAnaplanApi({ token: await h.token("bruno"), urls: h.urls });
    await h.control("DELETE", "requests");
    // Bruno has NO ACCESS to this model: it is listed, but its sub-resources answer 404.
    expect((await bruno.models(W)).map((m) => m.id)).toContain(SEED.models.restricted);
    expect((await caught(bruno.exports(W, SEED.models.restricted))).kind).toBe("not_found");
    expect(await h.requests({ path: /\/exports/ })).toHaveLength(1);
  });

  it("a file with no content → not_found from downloadFile()", async () => {
    expect((await caught(api.downloadFile(W, M, E.gridXls))).kind).toBe("not_found");
  });

  it("refuses ids that could escape the URL path, before any I/O", async () => {
    for (const bad of ["..", ".", "", "a/b", "%2e%2e", "x?y", "a#b", "http://evil.example"]) {
      expect((await caught(api.exportTask(W, M, E.revenueCsv, bad))).kind).toBe("bad_request");
      expect((await caught(api.exports(bad, M))).kind).toBe("bad_request");
    }
    expect(await h.requests()).toHaveLength(0);
  });

  it("an expired token → unauthorized", async () => {
    await h.control("POST", "config", { tokenLifetimeSeconds: 60 });
    const shortLived = createAnaplanApi({ token: await h.token(), urls: h.urls });
    await h.control("POST", "clock/advance", { ms: 61_000 });
    expect((await caught(shortLived.me())).kind).toBe("unauthorized");
  });
});

describe("paging", () => {
  it("reads every page by totalSize and the served page size when the server caps pages", async () => {
    await h.control("POST", "config", { pageSizeCap: 7 });
    const exports = await api.exports(W, M);
    const gets = await h.requests({ path: /\/exports\?/ });
    expect(gets.length).toBe(Math.ceil(exports.length / 7));
    expect(new Set(exports.map((e) => e.id)).size).toBe(exports.length);
    const offsets = gets.map((r) => new URL(r.path, "http://x").searchParams.get("offset"));
    expect(offsets).toEqual(Array.from({ length: gets.length }, (_, i) => String(i * 7)));
  });

  it("reads the 5000-export model (one page at the default cap, several when capped)", async () => {
    const big = await api.exports(W, SEED.models.bigCatalogue).catch(async (err: unknown) => {
      // the big model may live in another workspace
      if (err instanceof AnaplanError && err.kind === "not_found") {
        const models = await api.models();
        const ws = models.find((m) => m.id === SEED.models.bigCatalogue)?.currentWorkspaceId ?? W;
        return api.exports(ws, SEED.models.bigCatalogue);
      }
      throw err;
    });
    expect(big.length).toBeGreaterThanOrEqual(5000);
    expect(new Set(big.map((e) => e.id)).size).toBe(big.length);
  });

  it("with pageSizeCap 1000 the 5000-export model takes 5 pages", async () => {
    const models = await api.models();
    const ws = models.find((m) => m.id === SEED.models.bigCatalogue)?.currentWorkspaceId ?? W;
    await h.control("POST", "config", { pageSizeCap: 1000 });
    await h.control("DELETE", "requests");
    const big = await api.exports(ws, SEED.models.bigCatalogue);
    expect(new Set(big.map((e) => e.id)).size).toBe(big.length);
    const gets = await h.requests({ path: /\/exports\?/ });
    expect(gets).toHaveLength(Math.ceil(big.length / 1000));
  });
});
