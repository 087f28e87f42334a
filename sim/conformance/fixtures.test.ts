/**
 * The simulator's bodies against the recorded fixtures of `./anaplan/fixtures/` (Anaplan Connect's test
 * responses, reference §7), "field for field": the same keys at every level and the same JSON type per key.
 *
 * Differences are only accepted through the allow-lists below, each entry citing the reference section that
 * documents it. The fixtures are partly hand-edited (§7: `next` on the last page, placeholder ids); values are
 * never compared, only structure.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { SimControl } from "../control";
import { startSimulator, type RunningSimulator } from "../server";
import { SEED } from "../seed/ids";
import { basicAuth, call, FPA, login, startExport, waitForTerminal, X, type CallResult } from "./harness";
import { readFixture } from "./openapi";
import { unexplainedDifferences, type AllowedDifference } from "./shape";

let sim: RunningSimulator;
let control: SimControl;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  control = new SimControl(sim.url);
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  await control.reset();
  token = await login(sim.url, "ada");
});

/** Advances the simulated clock far enough for a short task to finish. */
const tick = () => control.advanceClock(1_000).then(() => undefined);

async function completedTask(exportId: string): Promise<CallResult> {
  await control.configure({ taskDurationMs: 500 });
  const { taskPath } = await startExport(sim.url, token, exportId);
  return waitForTerminal(sim.url, token, taskPath, tick);
}

function compare(fixture: string, r: CallResult, status: number, allowed: readonly AllowedDifference[] = []): void {
  expect(r.status, `${r.path}: HTTP status`).toBe(status);
  expect(r.json, `${r.path}: JSON body`).toBeDefined();
  expect(unexplainedDifferences(readFixture(fixture), r.json, allowed)).toEqual([]);
}

// ----- documented differences ---------------------------------------------------------------------------------

/** §2.2: `next` is unreliable (present on last pages in real and fixture responses) and §8.4 makes it configurable. */
const NEXT_EITHER_WAY: AllowedDifference[] = [
  { kind: "extra", path: "meta.paging.next", reason: "reference §2.2/§8.4: next may appear even on the last page" },
  {
    kind: "missing",
    path: "meta.paging.next",
    reason: "reference §2.2/§8.4: next is hand-added to this fixture (§7) and optional",
  },
];

/** §2.3 model fields [live + anaplan-sdk]; the fixtures (§7) carry only id/name/activeState(/currentWorkspaceId). */
const MODEL_FIELDS = [
  "currentWorkspaceId",
  "currentWorkspaceName",
  "modelUrl",
  "categoryValues",
  "isoCreationDate",
  "lastModified",
  "lastModifiedByUserGuid",
  "lastSavedSerialNumber",
];
const extraModelFields = (except: string[] = []): AllowedDifference[] =>
  MODEL_FIELDS.filter((f) => !except.includes(f)).map((f) => ({
    kind: "extra",
    path: `models[].${f}`,
    reason: "reference §2.3 model fields",
  }));

describe("auth service bodies vs fixtures", () => {
  it("POST /token/authenticate ↔ auth_response.json", async () => {
    const r = await call(sim.url, "POST", "/token/authenticate", {
      authorization: basicAuth(SEED.users.ada.email, SEED.password),
    });
    compare("auth_response", r, 201, [
      // §1.2 "New (2026)": an optional refreshToken field in the authenticate response; clients must tolerate it.
      { kind: "extra", path: "tokenInfo.refreshToken", reason: "reference §1.2 optional refreshToken (2026)" },
    ]);
  });

  it("POST /token/refresh ↔ auth_refresh_token.json", async () => {
    const r = await call(sim.url, "POST", "/token/refresh", { token });
    compare("auth_refresh_token", r, 200);
  });
});

describe("Integration API bodies vs fixtures", () => {
  it("GET /users/me ↔ users_me.json", async () => {
    const r = await call(sim.url, "GET", "/2/0/users/me", { token });
    // §2.3: `{user:{id, email, firstName, lastName, active, emailOptIn, lastLoginDate, customerId?}}`.
    compare("users_me", r, 200, [{ kind: "extra", path: "user.customerId", reason: "reference §2.3 customerId?" }]);
  });

  it("GET /workspaces?tenantDetails=true ↔ list_of_workspaces_response.json", async () => {
    const r = await call(sim.url, "GET", "/2/0/workspaces?tenantDetails=true", { token });
    compare("list_of_workspaces_response", r, 200, [
      // §2.3: with tenantDetails=true also sizeAllowance and currentSize (the fixture shows only sizeAllowance).
      { kind: "extra", path: "workspaces[].currentSize", reason: "reference §2.3 tenantDetails adds currentSize" },
      { kind: "extra", path: "meta.paging.next", reason: "reference §2.2/§8.4: next may appear even on the last page" },
    ]);
  });

  it("GET /workspaces/{workspaceId}?tenantDetails=true ↔ workspace_response.json", async () => {
    const r = await call(sim.url, "GET", `/2/0/workspaces/${SEED.workspaces.finance}?tenantDetails=true`, { token });
    compare("workspace_response", r, 200, [
      { kind: "extra", path: "workspace.currentSize", reason: "reference §2.3 tenantDetails adds currentSize" },
    ]);
  });

  it("GET /models/{modelId}?modelDetails=true ↔ model_response.json", async () => {
    const r = await call(sim.url, "GET", `/2/0/models/${SEED.models.fpa}?modelDetails=true`, { token });
    compare("model_response", r, 200, [
      // The fixture (hand-edited, §7) keeps only id and name; §2.3 lists the model fields, modelDetails=true adds
      // memoryUsage and GET /models/{id} adds modelTransactionRunning.
      ...["activeState", ...MODEL_FIELDS, "memoryUsage", "modelTransactionRunning"].map((f): AllowedDifference => ({
        kind: "extra",
        path: `model.${f}`,
        reason: "reference §2.3 model fields",
      })),
    ]);
  });

  it("GET /models ↔ list_of_models_response.json", async () => {
    const r = await call(sim.url, "GET", "/2/0/models", { token });
    compare("list_of_models_response", r, 200, [...extraModelFields(), ...NEXT_EITHER_WAY]);
  });

  it("GET /models?limit=4&offset=0 ↔ page1_response.json (first of two pages)", async () => {
    const r = await call(sim.url, "GET", "/2/0/models?limit=4&offset=0", { token });
    const paging = (r.json as { meta?: { paging?: { totalSize?: number } } }).meta?.paging;
    expect(paging?.totalSize, "needs more than one page of models").toBeGreaterThan(4);
    compare("page1_response", r, 200, [
      ...extraModelFields(["currentWorkspaceId"]),
      // §2.2: next is a ready-made URL when further results remain (the fixture, hand-edited per §7, has none).
      { kind: "extra", path: "meta.paging.next", reason: "reference §2.2 next when more results remain" },
    ]);
  });

  it("GET /models?limit=4&offset=4 ↔ page2_response.json (last page)", async () => {
    const r = await call(sim.url, "GET", "/2/0/models?limit=4&offset=4", { token });
    compare("page2_response", r, 200, [
      ...extraModelFields(["currentWorkspaceId"]),
      // §2.2: optional `next` and (when offset > 0) `previous`.
      { kind: "extra", path: "meta.paging.previous", reason: "reference §2.2 previous when offset > 0" },
      { kind: "extra", path: "meta.paging.next", reason: "reference §2.2/§8.4: next may appear even on the last page" },
    ]);
  });

  it("an empty task list ↔ empty_response.json (collection key omitted)", async () => {
    const r = await call(sim.url, "GET", `${FPA}/exports/${X.revenueCsv}/tasks`, { token });
    compare("empty_response", r, 200, [
      { kind: "extra", path: "meta.paging.next", reason: "reference §2.2/§8.4: next may appear even on the last page" },
    ]);
  });

  it("GET …/exports ↔ list_of_exports_response.json", async () => {
    const r = await call(sim.url, "GET", `${FPA}/exports`, { token });
    compare("list_of_exports_response", r, 200, [
      // §2.4: export entries carry exportFormat, encoding (absent on xls) and layout besides id/name/exportType.
      { kind: "extra", path: "exports[].exportFormat", reason: "reference §2.4" },
      { kind: "extra", path: "exports[].encoding", reason: "reference §2.4" },
      { kind: "extra", path: "exports[].layout", reason: "reference §2.4" },
      ...NEXT_EITHER_WAY,
    ]);
  });

  it("GET …/files (after an export ran) ↔ list_of_files_response.json", async () => {
    const done = await completedTask(X.revenueCsv);
    expect((done.json as { task?: { taskState?: string } }).task?.taskState).toBe("COMPLETE");
    const r = await call(sim.url, "GET", `${FPA}/files`, { token });
    compare("list_of_files_response", r, 200, [
      // §2.6: "Export entries carry fewer fields (e.g. {id, name, chunkCount, firstDataRow, headerRow}) [doc]";
      // the fixture lists import files (113…), which also carry these four.
      { kind: "missing", path: "files[].delimiter", reason: "reference §2.6 export files carry fewer fields" },
      { kind: "missing", path: "files[].encoding", reason: "reference §2.6 export files carry fewer fields" },
      { kind: "missing", path: "files[].format", reason: "reference §2.6 export files carry fewer fields" },
      { kind: "missing", path: "files[].separator", reason: "reference §2.6 export files carry fewer fields" },
      ...NEXT_EITHER_WAY,
    ]);
  });

  it("GET …/files/{id}/chunks of a one-chunk file ↔ file_chunks_response.json", async () => {
    await completedTask(X.revenueCsv);
    const r = await call(sim.url, "GET", `${FPA}/files/${X.revenueCsv}/chunks`, { token });
    expect((r.json as { chunks?: unknown[] }).chunks).toHaveLength(1);
    compare("file_chunks_response", r, 200, [
      { kind: "extra", path: "meta.paging.next", reason: "reference §2.2/§8.4: next may appear even on the last page" },
    ]);
  });

  it("GET …/files/{id}/chunks of a multi-chunk file ↔ file_multi_chunks_response.json", async () => {
    await control.configure({ chunkSizeBytes: 4096 });
    await completedTask(X.revenueCsv);
    const r = await call(sim.url, "GET", `${FPA}/files/${X.revenueCsv}/chunks`, { token });
    expect((r.json as { chunks?: unknown[] }).chunks?.length).toBeGreaterThan(1);
    compare("file_multi_chunks_response", r, 200, [
      { kind: "extra", path: "meta.paging.next", reason: "reference §2.2/§8.4: next may appear even on the last page" },
    ]);
  });

  it("POST …/exports/{id}/tasks ↔ create_task_response.json", async () => {
    const { result } = await startExport(sim.url, token, X.revenueCsv);
    compare("create_task_response", result, 200, [
      // §2.5: Anaplan's export example returns only {taskId}; "Simulator: return all three" (taskId, taskState, creationTime).
      { kind: "extra", path: "task.taskState", reason: "reference §2.5 simulator returns taskState" },
      { kind: "extra", path: "task.creationTime", reason: "reference §2.5 simulator returns creationTime" },
    ]);
  });

  /** §3: the fixture is an *import* task; an export's task has creationTime and may name its object. */
  const TASK_EXTRAS: AllowedDifference[] = [
    { kind: "extra", path: "task.creationTime", reason: "reference §3 creationTime (ms since epoch)" },
    { kind: "extra", path: "task.result.objectName", reason: "reference §3 result.objectName?" },
  ];

  it("GET …/tasks/{taskId} of a successful export ↔ task_success_response.json", async () => {
    const r = await completedTask(X.revenueCsv);
    compare("task_success_response", r, 200, [
      ...TASK_EXTRAS,
      // §3: the successful export example has no result.details (details are the import rows-processed report).
      { kind: "missing", path: "task.result.details", reason: "reference §3 export success has no details" },
    ]);
  });

  it("GET …/tasks/{taskId} of a failed export ↔ task_success_response.json (details shape)", async () => {
    const r = await completedTask(X.failing);
    expect((r.json as { task?: { result?: { successful?: boolean } } }).task?.result?.successful).toBe(false);
    compare("task_success_response", r, 200, [
      ...TASK_EXTRAS,
      // §3 failed-export example: `details: [{type, localMessageText, occurrences: 0, values: []}]` — values is empty.
      { kind: "empty", path: "task.result.details[].values", reason: "reference §3 failed export has values: []" },
    ]);
  });
});
