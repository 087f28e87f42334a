import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED } from "../seed/ids";
import { api, exportPath, FPA, login, startTestSim, type TestSim } from "./helpers";

let t: TestSim;
let ada: ReturnType<typeof api>;
let bruno: ReturnType<typeof api>;
let chloe: ReturnType<typeof api>;
beforeAll(async () => {
  t = await startTestSim();
  ada = api(t.url, await login(t.url, "ada"));
  bruno = api(t.url, await login(t.url, "bruno"));
  chloe = api(t.url, await login(t.url, "chloe"));
});
afterAll(() => t.sim.close());

const { finance, sales } = SEED.workspaces;
const M = SEED.models;

describe("Integration API resources", () => {
  it("GET /users/me", async () => {
    const r = await ada.get("/users/me");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      meta: { schema: expect.any(String) },
      status: { code: 200, message: "Success" },
      user: {
        id: SEED.users.ada.id,
        email: SEED.users.ada.email,
        firstName: "Ada",
        lastName: "Lovelace",
        active: true,
      },
    });
  });

  it("lists workspaces per user, with tenantDetails", async () => {
    const all = await ada.get("/workspaces?tenantDetails=true");
    expect(all.json.workspaces.map((w: { id: string }) => w.id)).toEqual(expect.arrayContaining([finance, sales]));
    expect(all.json.workspaces[0]).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: expect.any(String),
      active: true,
      sizeAllowance: expect.any(Number),
      currentSize: expect.any(Number),
    });
    expect(Object.keys((await ada.get("/workspaces")).json.workspaces[0])).toEqual(["id", "name", "active"]);
    const c = await chloe.get("/workspaces");
    expect(c.json.workspaces.map((w: { id: string }) => w.id)).toEqual([finance]);
  });

  it("GET /workspaces/{ws} answers workspace admins only", async () => {
    expect((await ada.get(`/workspaces/${finance}`)).json.workspace.id).toBe(finance);
    expect((await bruno.get(`/workspaces/${finance}`)).status).toBe(404);
  });

  it("lists models, including ARCHIVED, and per workspace", async () => {
    const r = await ada.get("/models?modelDetails=true");
    const models = r.json.models as { id: string; activeState: string; memoryUsage?: number }[];
    expect(models.length).toBeGreaterThanOrEqual(5);
    for (const m of models) expect(m.id).toMatch(/^[0-9A-F]{32}$/);
    expect(models.find((m) => m.id === M.archived)?.activeState).toBe("ARCHIVED");
    expect(models.every((m) => typeof m.memoryUsage === "number")).toBe(true);
    const ws = await ada.get(`/workspaces/${sales}/models`);
    expect(ws.json.models.map((m: { id: string }) => m.id)).toContain(M.salesPlanning);
    expect(ws.json.models.every((m: { currentWorkspaceId: string }) => m.currentWorkspaceId === sales)).toBe(true);
    const c = await chloe.get("/models");
    expect(c.json.models.map((m: { id: string }) => m.id)).not.toContain(M.salesPlanning);
    expect((await chloe.get(`/workspaces/${sales}/models`)).status).toBe(404);
  });

  it("validates sort on /models", async () => {
    const sorted = await ada.get("/models?sort=%2Bname");
    const names = sorted.json.models.map((m: { name: string }) => m.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    expect((await ada.get("/models?sort=name")).status).toBe(400);
    expect((await ada.get("/models?sort=-colour")).status).toBe(400);
  });

  it("GET /models/{m}, 405 on the workspace form", async () => {
    const r = await ada.get(`/models/${M.fpa}`);
    expect(r.json.model).toMatchObject({ id: M.fpa, name: "FP&A Planning", modelTransactionRunning: false });
    const w = await ada.get(`/workspaces/${finance}/models/${M.fpa}`);
    expect(w.status).toBe(405);
    expect(w.json).toMatchObject({ status: { code: 405, message: "Method Not Allowed" } });
  });

  it("lists exports and metadata in both path forms", async () => {
    const a = await ada.get(`${FPA}/exports`);
    const b = await ada.get(`/models/${M.fpa}/exports`);
    expect(a.json.exports).toEqual(b.json.exports);
    expect(a.json.exports.length).toBeGreaterThanOrEqual(20);
    for (const e of a.json.exports) expect(e.id).toMatch(/^116\d{9}$/);
    const xls = a.json.exports.find((e: { id: string }) => e.id === SEED.exports.gridXls);
    expect(xls).toEqual({
      id: SEED.exports.gridXls,
      name: expect.any(String),
      exportType: "GRID_CURRENT_PAGE",
      exportFormat: "application/vnd.ms-excel",
      layout: "GRID_CURRENT_PAGE",
    });
    const meta = await ada.get(exportPath(SEED.exports.opexTxt));
    expect(meta.json.exportMetadata).toMatchObject({ exportFormat: "text/plain", separator: "\t", encoding: "UTF-8" });
    const md = meta.json.exportMetadata;
    expect(md.headerNames.length).toBe(md.columnCount);
    expect(md.dataTypes.length).toBe(md.columnCount);
    expect(
      (await ada.get(`/models/${M.fpa}/exports/${SEED.exports.nonAscii}`)).json.exportMetadata.headerNames,
    ).toContain("Gehalt (€)");
  });

  it("masks a NO ACCESS model as 404 on sub-resources, but lists it", async () => {
    expect((await bruno.get(`/models/${M.restricted}`)).status).toBe(200);
    expect((await bruno.get(`/workspaces/${finance}/models`)).json.models.map((m: { id: string }) => m.id)).toContain(
      M.restricted,
    );
    for (const path of ["/exports", "/files", "/status", "/exports/116000000101"]) {
      const r = await bruno.get(`/models/${M.restricted}${path}`);
      expect(r.status).toBe(404);
      expect(r.json).toMatchObject({
        status: { code: 404, message: "Not Found" },
        path: `/2/0/models/${M.restricted}${path}`,
      });
      expect(r.json.timestamp).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    }
    expect((await bruno.post(`/workspaces/${finance}/models/${M.restricted}/exports/116000000101/tasks`)).status).toBe(
      404,
    );
    expect((await ada.get(`/models/${M.restricted}/exports`)).status).toBe(200);
    expect((await chloe.get(`/models/${M.salesPlanning}`)).status).toBe(404);
    expect((await chloe.get(`/models/${M.salesPlanning}/exports`)).status).toBe(404);
  });

  it("answers 404 for unknown ids and paths, and for a model under the wrong workspace", async () => {
    expect((await ada.get(`/models/${"A".repeat(32)}`)).status).toBe(404);
    expect((await ada.get(`${FPA}/exports/116999999999`)).status).toBe(404);
    expect((await ada.get(`${FPA}/exports/${SEED.exports.revenueCsv}/tasks/${"B".repeat(32)}`)).status).toBe(404);
    expect((await ada.get(`/workspaces/${sales}/models/${M.fpa}/exports`)).status).toBe(404);
    expect((await ada.get("/no/such/thing")).status).toBe(404);
  });

  it("task lists answer 200 without a collection key for unknown parents", async () => {
    const r = await ada.get(`${FPA}/exports/116999999999/tasks`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      meta: { paging: { currentPageSize: 0, offset: 0, totalSize: 0 }, schema: expect.any(String) },
      status: { code: 200, message: "Success" },
    });
  });

  it("answers 401 without a token or with a bad one", async () => {
    const none = await fetch(`${t.url}/2/0/workspaces`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ status: { code: 401 }, path: "/2/0/workspaces" });
    expect((await api(t.url, "garbage").get("/workspaces")).status).toBe(401);
  });

  it("model status is a bare requestStatus when idle", async () => {
    const r = await ada.get(`/models/${M.fpa}/status`);
    expect(Object.keys(r.json)).toEqual(["requestStatus"]);
    expect(r.json.requestStatus).toMatchObject({ progress: -1, taskId: null, tooltip: null, currentStep: "Open" });
    expect((await ada.get(`${FPA}/status`)).status).toBe(200);
  });

  it("refuses to start an export in an archived model with 422", async () => {
    const r = await ada.post(`/workspaces/${finance}/models/${M.archived}/exports/116000000201/tasks`);
    expect(r.status).toBe(422);
  });

  it("rejects a malformed task body with 400", async () => {
    const res = await fetch(`${t.url}/2/0${exportPath(SEED.exports.revenueCsv)}/tasks`, {
      method: "POST",
      headers: { Authorization: `AnaplanAuthToken ${await login(t.url, "ada")}`, "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(res.status).toBe(400);
  });
});

describe("paging", () => {
  const big = `/workspaces/${finance}/models/${M.bigCatalogue}/exports`;

  it("returns the 5000-export catalogue in one default page with a next link", async () => {
    const r = await ada.get(big);
    expect(r.json.exports).toHaveLength(5000);
    expect(r.json.meta.paging).toMatchObject({ currentPageSize: 5000, offset: 0, totalSize: 5000 });
    expect(r.json.meta.paging.next).toContain("offset=5000");
    expect(r.json.meta.paging.previous).toBeUndefined();
  });

  it("honours offset/limit, caps limit at 5000, and links next/previous even on the last page", async () => {
    const r = await ada.get(`${big}?offset=4990&limit=20`);
    expect(r.json.exports).toHaveLength(10);
    expect(r.json.meta.paging).toMatchObject({ currentPageSize: 10, offset: 4990, totalSize: 5000 });
    expect(new URL(r.json.meta.paging.next).searchParams.get("offset")).toBe("5010");
    expect(new URL(r.json.meta.paging.previous).searchParams.get("offset")).toBe("4970");
    expect((await ada.get(`${big}?limit=9000`)).json.meta.paging.currentPageSize).toBe(5000);
    const past = await ada.get(`${big}?offset=6000`);
    expect(past.json.exports).toBeUndefined();
    expect(past.json.meta.paging).toMatchObject({ currentPageSize: 0, totalSize: 5000 });
    expect((await ada.get(`${big}?offset=-1`)).status).toBe(400);
    expect((await ada.get(`${big}?limit=abc`)).status).toBe(400);
  });

  it("the next link works when followed", async () => {
    const first = await ada.get(`${big}?limit=2`);
    const res = await fetch(first.json.meta.paging.next, {
      headers: { Authorization: `AnaplanAuthToken ${await login(t.url, "ada")}` },
    });
    const second = await res.json();
    expect(second.meta.paging.offset).toBe(2);
    expect(second.exports[0].id).not.toBe(first.json.exports[0].id);
  });

  it("can drop the last-page next link (nextOnLastPage: false)", async () => {
    await t.ctl.configure({ nextOnLastPage: false });
    const last = await ada.get(`${big}?offset=4998&limit=10`);
    expect(last.json.meta.paging.next).toBeUndefined();
    expect((await ada.get(`${big}?limit=10`)).json.meta.paging.next).toContain("offset=10");
    await t.ctl.configure({ nextOnLastPage: true });
  });

  it("applies a configured lower page cap (truncation)", async () => {
    await t.ctl.configure({ pageSizeCap: 250 });
    const r = await ada.get(`${big}?limit=1000`);
    expect(r.json.meta.paging).toMatchObject({ currentPageSize: 250, totalSize: 5000 });
    await t.ctl.reset();
    ada = api(t.url, await login(t.url, "ada"));
  });

  it("sorts model resources by name (prefix optional) and ignores unknown fields", async () => {
    const r = await ada.get(`${FPA}/exports?sort=-name`);
    const names = r.json.exports.map((e: { name: string }) => e.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => b.localeCompare(a)));
    expect((await ada.get(`${FPA}/exports?sort=colour`)).status).toBe(200);
  });
});
