/**
 * Self-tests of the conformance validator and its overlay. They need no simulator: they prove the validator can
 * fail (wrong bodies are rejected), that each overlay entry is needed and does what its comment says, and that the
 * recorded fixtures (real shapes, reference §7) validate against the overlaid documents.
 */
import { describe, expect, it } from "vitest";

import {
  createValidator,
  loadDocuments,
  matchPathTemplate,
  readFixture,
  type ApiName,
  type HttpMethod,
} from "./openapi";
import { OVERLAY, applyOverlay } from "./overlay";

const v = createValidator();
const raw = createValidator({ overlay: false });

const W = "8a81948849b9c4e2014a30802f5a02e4";
const M = "75A40874E6B64FA3AE0743278996850F";
const TASK_URL = `/2/0/workspaces/${W}/models/${M}/exports/116000000001/tasks/F362B99442C54425970E200037D48A91`;

const goodTask = {
  meta: { schema: "https://api.anaplan.com/2/0/models/X/objects/task" },
  status: { code: 200, message: "Success" },
  task: {
    type: "taskInformation",
    taskId: "F362B99442C54425970E200037D48A91",
    taskState: "IN_PROGRESS",
    creationTime: 1787000000000,
    currentStep: "Processing ...",
    progress: 0.44,
  },
};

describe("validator self-tests (no simulator needed)", () => {
  it("accepts a well-formed task body (reference §3 example)", () => {
    expect(
      v.validate({ api: "integration", method: "GET", path: TASK_URL, status: 200, body: goodTask }).errors,
    ).toEqual([]);
  });

  it("rejects a task whose taskId is a number", () => {
    const bad = { ...goodTask, task: { ...goodTask.task, taskId: 12345 } };
    const r = v.validate({ api: "integration", method: "GET", path: TASK_URL, status: 200, body: bad });
    expect(r.valid).toBe(false);
    expect(r.errors.join("\n")).toContain("/task/taskId must be string");
  });

  it("rejects wrong types deep inside a recursive schema (TaskResult.nestedResults)", () => {
    const bad = {
      task: {
        taskId: "A",
        taskState: "COMPLETE",
        result: { successful: true, nestedResults: [{ successful: "yes" }] },
      },
    };
    const r = v.validate({ api: "integration", method: "GET", path: TASK_URL, status: 200, body: bad });
    expect(r.errors.join("\n")).toContain("/task/result/nestedResults/0/successful must be boolean");
  });

  it("rejects a paging block without totalSize, and a meta without schema", () => {
    const bad = {
      meta: { paging: { currentPageSize: 1, offset: 0 } },
      status: { code: 200, message: "Success" },
      exports: [],
    };
    const r = v.validate({
      api: "integration",
      method: "GET",
      path: `/2/0/workspaces/${W}/models/${M}/exports`,
      status: 200,
      body: bad,
    });
    expect(r.errors.join("\n")).toMatch(/must have required property 'totalSize'/);
    expect(r.errors.join("\n")).toMatch(/must have required property 'schema'/);
  });

  it("rejects an error envelope whose timestamp is not a date-time (formats are checked)", () => {
    const r = v.validate({
      api: "integration",
      method: "GET",
      path: `/2/0/workspaces/${W}/models/${M}/exports`,
      status: 404,
      body: { status: { code: 404, message: "Not Found" }, path: "/x", timestamp: "yesterday" },
    });
    expect(r.errors.join("\n")).toContain('/timestamp must match format "date-time"');
  });

  it("rejects auth bodies with the wrong status / statusMessage / tokenInfo types", () => {
    const r = v.validate({
      api: "authentication",
      method: "POST",
      path: "/token/authenticate",
      status: 201,
      body: {
        meta: { validationUrl: "https://h/token/validate" },
        status: "OK",
        statusMessage: "Token refreshed",
        tokenInfo: { tokenId: "not-a-uuid", expiresAt: "soon" },
      },
    });
    const text = r.errors.join("\n");
    expect(text).toContain("/status must be equal to one of the allowed values");
    expect(text).toContain("/statusMessage must be equal to one of the allowed values");
    expect(text).toContain('/tokenInfo/tokenId must match format "uuid"');
    expect(text).toContain("/tokenInfo/expiresAt must be integer");
  });

  it("rejects an OAuth error without error_description, and a made-up error code", () => {
    const r = v.validate({
      api: "oauth",
      method: "POST",
      path: "/oauth/token",
      status: 400,
      body: { error: "bad_things" },
    });
    expect(r.errors.join("\n")).toMatch(/required property 'error_description'/);
    expect(r.errors.join("\n")).toMatch(/\/error must be equal to one of the allowed values/);
  });

  it("converts OpenAPI `nullable` (ModelStatus.taskId null ok, number not)", () => {
    const path = `/2/0/models/${M}/status`;
    const ok = {
      requestStatus: {
        currentStep: "Open",
        progress: -1,
        creationTime: 1,
        taskId: null,
        tooltip: null,
        exportTaskType: null,
        peakMemoryUsageEstimate: null,
        peakMemoryUsageTime: null,
      },
    };
    expect(v.validate({ api: "integration", method: "GET", path, status: 200, body: ok }).errors).toEqual([]);
    const bad = { requestStatus: { ...ok.requestStatus, taskId: 5 } };
    expect(v.validate({ api: "integration", method: "GET", path, status: 200, body: bad }).valid).toBe(false);
  });

  it("throws instead of passing when the document has no such path, status or JSON body", () => {
    expect(() =>
      v.validate({ api: "integration", method: "GET", path: "/2/0/nowhere/at/all", status: 200, body: {} }),
    ).toThrow(/no path template/);
    expect(() =>
      v.validate({
        api: "integration",
        method: "GET",
        path: `/2/0/workspaces/${W}/models/${M}/exports`,
        status: 418,
        body: {},
      }),
    ).toThrow(/declares no 418 response/);
    expect(() =>
      v.validate({ api: "integration", method: "PATCH", path: "/2/0/users/me", status: 200, body: {} }),
    ).toThrow(/no PATCH operation/);
    expect(() =>
      v.validate({
        api: "integration",
        method: "GET",
        path: `${TASK_URL.split("/exports")[0]}/files/116000000001/chunks/0`,
        status: 200,
        body: {},
      }),
    ).toThrow(/no application\/json schema/);
    expect(() =>
      v.validate({ api: "authentication", method: "POST", path: "/token/logout", status: 204, body: {} }),
    ).toThrow(/no application\/json schema/);
  });

  it("matches concrete paths to the most specific template, ignoring the query and the /2/0 base", () => {
    const docs = loadDocuments();
    expect(matchPathTemplate(docs.integration, `/2/0/models/${M}/exports?limit=2&offset=0`)).toBe(
      "/models/{modelId}/exports",
    );
    expect(matchPathTemplate(docs.integration, `/2/0/workspaces/${W}/models/${M}/files/116000000001/chunks/0`)).toBe(
      "/workspaces/{workspaceId}/models/{modelId}/files/{fileId}/chunks/{chunkId}",
    );
    expect(matchPathTemplate(docs.integration, "/2/0/users/me")).toBe("/users/me");
    expect(matchPathTemplate(docs.integration, "/users/me")).toBeUndefined();
    expect(matchPathTemplate(docs.authentication, "/token/validate")).toBe("/token/validate");
  });
});

describe("overlay (reference §6 mistakes / gaps)", () => {
  it.each(OVERLAY.map((e) => [e.id, e] as const))("%s changes its document and cites its source", (_id, entry) => {
    expect(entry.reason).toMatch(/reference §\d|fixture/);
    const before = loadDocuments();
    const after = loadDocuments();
    applyOverlay(after, [entry]);
    expect(JSON.stringify(after[entry.api])).not.toEqual(JSON.stringify(before[entry.api]));
  });

  it("adds DELETE on the export task (absent from the document), answering the GET's task body", () => {
    expect(() => raw.locate("integration", "DELETE", TASK_URL, 200)).toThrow(/no DELETE operation/);
    expect(
      v.validate({ api: "integration", method: "DELETE", path: TASK_URL, status: 200, body: goodTask }).errors,
    ).toEqual([]);
    const bad = { task: { taskId: 1 } };
    expect(v.validate({ api: "integration", method: "DELETE", path: TASK_URL, status: 200, body: bad }).valid).toBe(
      false,
    );
  });

  it("keeps taskState / exportType / activeState / dataTypes open, but still typed as strings", () => {
    const cases: [ApiName, HttpMethod, string, unknown, unknown][] = [
      [
        "integration",
        "GET",
        TASK_URL,
        { task: { taskId: "A", taskState: "PAUSED_IN_FUTURE" } },
        { task: { taskId: "A", taskState: 3 } },
      ],
      [
        "integration",
        "GET",
        `/2/0/workspaces/${W}/models/${M}/exports`,
        { exports: [{ id: "116000000002", name: "x", exportType: "TABULAR_SINGLE_COLUMN" }] },
        { exports: [{ id: "116000000002", exportType: 1 }] },
      ],
      [
        "integration",
        "GET",
        "/2/0/models",
        { models: [{ id: M, activeState: "ACTIVE" }] },
        { models: [{ id: M, activeState: false }] },
      ],
      [
        "integration",
        "GET",
        `/2/0/workspaces/${W}/models/${M}/exports/116000000001`,
        { exportMetadata: { dataTypes: ["NUMBER", "SOMETHING_NEW"] } },
        { exportMetadata: { dataTypes: [1] } },
      ],
    ];
    for (const [api, method, path, open, wrongType] of cases) {
      expect(raw.validate({ api, method, path, status: 200, body: open }).valid, `${path} raw document rejects`).toBe(
        false,
      );
      expect(v.validate({ api, method, path, status: 200, body: open }).errors, `${path} overlay accepts`).toEqual([]);
      expect(v.validate({ api, method, path, status: 200, body: wrongType }).valid, `${path} wrong type`).toBe(false);
    }
  });

  it("declares 401 (error envelope) on Integration operations and 405 on GET /workspaces/{ws}/models/{m}", () => {
    const envelope = {
      status: { code: 401, message: "Unauthorized" },
      path: "/2/0/users/me",
      timestamp: "2026-07-14T13:55:12.198Z",
    };
    expect(() => raw.locate("integration", "GET", "/2/0/users/me", 401)).toThrow(/declares no 401/);
    expect(
      v.validate({ api: "integration", method: "GET", path: "/2/0/users/me", status: 401, body: envelope }).errors,
    ).toEqual([]);
    expect(
      v.validate({
        api: "integration",
        method: "GET",
        path: "/2/0/users/me",
        status: 401,
        body: { status: "Unauthorized" },
      }).valid,
    ).toBe(false);
    expect(() => raw.locate("integration", "GET", `/2/0/workspaces/${W}/models/${M}`, 405)).toThrow();
    expect(v.locate("integration", "GET", `/2/0/workspaces/${W}/models/${M}`, 405).jsonSchemaPointer).toBeDefined();
  });

  it("gives the whole-file 404 a body schema, and /token/authenticate a 400", () => {
    const file = `/2/0/workspaces/${W}/models/${M}/files/116000000001`;
    expect(raw.locate("integration", "GET", file, 404).jsonSchemaPointer).toBeUndefined();
    expect(v.locate("integration", "GET", file, 404).jsonSchemaPointer).toBeDefined();
    expect(() => raw.locate("authentication", "POST", "/token/authenticate", 400)).toThrow(/declares no 400/);
    const bad = { status: "FAILURE_BAD_HEADER", statusMessage: "Invalid header. Verify the header." };
    expect(
      v.validate({ api: "authentication", method: "POST", path: "/token/authenticate", status: 400, body: bad }).errors,
    ).toEqual([]);
  });

  it("accepts any auth host's validationUrl but still requires …/token/validate", () => {
    const body = (url: string) => ({
      meta: { validationUrl: url },
      status: "SUCCESS",
      statusMessage: "Token refreshed",
    });
    expect(
      raw.validate({
        api: "authentication",
        method: "POST",
        path: "/token/refresh",
        status: 200,
        body: body("http://127.0.0.1:4010/token/validate"),
      }).valid,
    ).toBe(false);
    expect(
      v.validate({
        api: "authentication",
        method: "POST",
        path: "/token/refresh",
        status: 200,
        body: body("http://127.0.0.1:4010/token/validate"),
      }).errors,
    ).toEqual([]);
    expect(
      v.validate({
        api: "authentication",
        method: "POST",
        path: "/token/refresh",
        status: 200,
        body: body("http://127.0.0.1:4010/token/other"),
      }).valid,
    ).toBe(false);
  });

  it("widens OAuth error codes to the RFC 6749/8628 registry only", () => {
    const body = { error: "invalid_client", error_description: "Client authentication failed" };
    expect(raw.validate({ api: "oauth", method: "POST", path: "/oauth/token", status: 401, body }).valid).toBe(false);
    expect(v.validate({ api: "oauth", method: "POST", path: "/oauth/token", status: 401, body }).errors).toEqual([]);
  });
});

/**
 * Recorded fixtures (reference §7: real shapes from Anaplan Connect's tests, partly hand-edited) validated against
 * the overlaid documents. `expectedErrors` lists the only errors each one may have: the hand-edited placeholder ids
 * (`testUserId`, `testModelGuid`, `testWorkspaceNameOrId`) that break the documents' 32-hex id patterns.
 */
const FIXTURE_OPERATIONS: {
  fixture: string;
  api: ApiName;
  method: HttpMethod;
  path: string;
  status: number;
  expectedErrors?: RegExp[];
}[] = [
  { fixture: "auth_response", api: "authentication", method: "POST", path: "/token/authenticate", status: 201 },
  { fixture: "auth_refresh_token", api: "authentication", method: "POST", path: "/token/refresh", status: 200 },
  {
    fixture: "users_me",
    api: "integration",
    method: "GET",
    path: "/2/0/users/me",
    status: 200,
    expectedErrors: [/^\/user\/id must match pattern/],
  },
  {
    fixture: "list_of_workspaces_response",
    api: "integration",
    method: "GET",
    path: "/2/0/workspaces",
    status: 200,
    expectedErrors: [/^\/workspaces\/0\/id must match pattern/],
  },
  {
    fixture: "workspace_response",
    api: "integration",
    method: "GET",
    path: `/2/0/workspaces/${W}`,
    status: 200,
    expectedErrors: [/^\/workspace\/id must match pattern/],
  },
  {
    fixture: "list_of_models_response",
    api: "integration",
    method: "GET",
    path: "/2/0/models",
    status: 200,
    expectedErrors: [/^\/models\/0\/id must match pattern/],
  },
  {
    fixture: "model_response",
    api: "integration",
    method: "GET",
    path: `/2/0/models/${M}`,
    status: 200,
    expectedErrors: [/^\/model\/id must match pattern/],
  },
  {
    fixture: "page1_response",
    api: "integration",
    method: "GET",
    path: "/2/0/models",
    status: 200,
    expectedErrors: [/^\/models\/0\/id must match pattern/],
  },
  {
    fixture: "page2_response",
    api: "integration",
    method: "GET",
    path: "/2/0/models",
    status: 200,
    expectedErrors: [/^\/models\/[02]\/id must match pattern/],
  },
  { fixture: "empty_response", api: "integration", method: "GET", path: "/2/0/models", status: 200 },
  {
    fixture: "list_of_exports_response",
    api: "integration",
    method: "GET",
    path: `/2/0/workspaces/${W}/models/${M}/exports`,
    status: 200,
  },
  {
    fixture: "list_of_files_response",
    api: "integration",
    method: "GET",
    path: `/2/0/workspaces/${W}/models/${M}/files`,
    status: 200,
  },
  {
    fixture: "file_chunks_response",
    api: "integration",
    method: "GET",
    path: `/2/0/workspaces/${W}/models/${M}/files/116000000001/chunks`,
    status: 200,
  },
  {
    fixture: "file_multi_chunks_response",
    api: "integration",
    method: "GET",
    path: `/2/0/workspaces/${W}/models/${M}/files/116000000001/chunks`,
    status: 200,
  },
  {
    fixture: "create_task_response",
    api: "integration",
    method: "POST",
    path: `/2/0/workspaces/${W}/models/${M}/exports/116000000001/tasks`,
    status: 200,
  },
  { fixture: "task_success_response", api: "integration", method: "GET", path: TASK_URL, status: 200 },
];

describe("recorded fixtures validate against the overlaid documents", () => {
  it.each(FIXTURE_OPERATIONS.map((f) => [f.fixture, f] as const))("%s", (_name, f) => {
    const r = v.validate({
      api: f.api,
      method: f.method,
      path: f.path,
      status: f.status,
      body: readFixture(f.fixture),
    });
    const unexpected = r.errors.filter((e) => !(f.expectedErrors ?? []).some((re) => re.test(e)));
    expect(unexpected).toEqual([]);
  });

  it("users_me.json is rejected by the raw document's double-escaped email pattern (why the overlay entry exists)", () => {
    const r = raw.validate({
      api: "integration",
      method: "GET",
      path: "/2/0/users/me",
      status: 200,
      body: readFixture("users_me"),
    });
    expect(r.errors.some((e) => e.startsWith("/user/email must match pattern"))).toBe(true);
  });
});
