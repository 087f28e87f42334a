/**
 * Conformance of the simulator with the community OpenAPI documents (`./anaplan/openapi/`, plus the
 * overlay of `./overlay.ts`): one test per endpoint and status the Export Desk uses. Each test calls the simulator
 * with fetch, checks the HTTP status and validates the body against the response schema the document declares for
 * that (method, path template, status). A response the document does not describe makes `validate` throw, so no
 * test passes by checking nothing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { SimControl } from "../control";
import { startSimulator, type RunningSimulator } from "../server";
import { SEED } from "../seed/ids";
import {
  basicAuth,
  call,
  FPA,
  login,
  M,
  modelBase,
  startExport,
  W,
  waitForTerminal,
  X,
  type CallResult,
} from "./harness";
import { createValidator, type ApiName, type HttpMethod } from "./openapi";

const v = createValidator();
const REDIRECT_URI = "http://127.0.0.1:9/conformance/oauth/callback";
const TASK_MS = 1_000;

let sim: RunningSimulator;
let control: SimControl;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, oauthRedirectUris: [REDIRECT_URI] });
  control = new SimControl(sim.url);
});

afterAll(async () => {
  await sim?.close();
});

beforeEach(async () => {
  await control.reset();
  await control.configure({ taskDurationMs: TASK_MS });
  token = await login(sim.url, "ada");
});

type Body = Record<string, unknown>;

/** Asserts the HTTP status, a JSON content type, and that the body validates; returns the body. */
function conforms(api: ApiName, method: HttpMethod, r: CallResult, status: number): Body {
  expect(r.status, `${method} ${r.path}: HTTP status (body: ${r.text.slice(0, 300)})`).toBe(status);
  expect(r.headers.get("content-type") ?? "", `${method} ${r.path}: content type`).toMatch(/^application\/json/i);
  expect(r.json, `${method} ${r.path}: JSON body`).toBeTypeOf("object");
  const result = v.validate({ api, method, path: r.path, status, body: r.json });
  expect(result.errors, `${method} ${result.template} ${status} against ${result.schemaRef}`).toEqual([]);
  return r.json as Body;
}

/** The Integration error envelope (§4.1) must also carry the HTTP status in status.code. */
function errorEnvelope(method: HttpMethod, r: CallResult, status: number): Body {
  const body = conforms("integration", method, r, status);
  expect(body).toMatchObject({ status: { code: status }, path: expect.any(String), timestamp: expect.any(String) });
  return body;
}

const get = (path: string, t: string | undefined = token) =>
  call(sim.url, "GET", path, t === undefined ? {} : { token: t });
const advance = (ms: number) => control.advanceClock(ms).then(() => undefined);

async function finishedExport(exportId: string): Promise<CallResult> {
  const { taskPath } = await startExport(sim.url, token, exportId);
  return waitForTerminal(sim.url, token, taskPath, () => advance(TASK_MS));
}

// ---------------------------------------------------------------------------------------------------------------

describe("validator self-test", () => {
  it("rejects a task body whose taskId is a number (the suite can fail)", () => {
    const r = v.validate({
      api: "integration",
      method: "GET",
      path: `${FPA}/exports/${X.revenueCsv}/tasks/F362B99442C54425970E200037D48A91`,
      status: 200,
      body: { task: { taskId: 42, taskState: "COMPLETE" } },
    });
    expect(r.valid).toBe(false);
    expect(r.errors).toEqual([expect.stringContaining("/task/taskId must be string")]);
  });
});

describe("Authentication service /token/*", () => {
  it("POST /token/authenticate (Basic) → 201 with tokenInfo", async () => {
    const r = await call(sim.url, "POST", "/token/authenticate", {
      authorization: basicAuth(SEED.users.ada.email, SEED.password),
    });
    const body = conforms("authentication", "POST", r, 201);
    expect(body).toMatchObject({
      status: "SUCCESS",
      statusMessage: "Login successful",
      tokenInfo: { tokenValue: expect.any(String) },
    });
    // §1.2: expiresAt is milliseconds since epoch, 35 minutes ahead.
    const inSeconds = (((body.tokenInfo as Body).expiresAt as number) - Date.now()) / 1000;
    expect(inSeconds).toBeGreaterThan(2_100 - 60);
    expect(inSeconds).toBeLessThanOrEqual(2_100 + 1);
  });

  it("POST /token/authenticate with a wrong password → 401 FAILURE_BAD_CREDENTIAL", async () => {
    const r = await call(sim.url, "POST", "/token/authenticate", {
      authorization: basicAuth(SEED.users.ada.email, "wrong-password"),
    });
    expect(conforms("authentication", "POST", r, 401).status).toBe("FAILURE_BAD_CREDENTIAL");
  });

  it("POST /token/authenticate with a malformed Authorization header → 400 FAILURE_BAD_HEADER (overlay: 400 undeclared)", async () => {
    const r = await call(sim.url, "POST", "/token/authenticate", { authorization: "Basic %%%not-base64%%%" });
    expect(conforms("authentication", "POST", r, 400).status).toBe("FAILURE_BAD_HEADER");
  });

  it("POST /token/refresh → 200, same tokenValue, statusMessage 'Token refreshed'", async () => {
    const r = await call(sim.url, "POST", "/token/refresh", { token });
    const body = conforms("authentication", "POST", r, 200);
    expect(body).toMatchObject({ statusMessage: "Token refreshed", tokenInfo: { tokenValue: token } });
  });

  it("POST /token/refresh with a Bearer header → 400 FAILURE_BAD_HEADER", async () => {
    const r = await call(sim.url, "POST", "/token/refresh", { authorization: `Bearer ${token}` });
    expect(conforms("authentication", "POST", r, 400).status).toBe("FAILURE_BAD_HEADER");
  });

  it("GET /token/validate → 200 with tokenInfo and userInfo", async () => {
    const body = conforms("authentication", "GET", await call(sim.url, "GET", "/token/validate", { token }), 200);
    expect(body).toMatchObject({ statusMessage: "Token validated", userInfo: { userId: SEED.users.ada.email } });
  });

  it("GET /token/validate with an unknown token → 401 FAILURE_BAD_CREDENTIAL", async () => {
    const r = await call(sim.url, "GET", "/token/validate", { token: "not-a-token" });
    expect(conforms("authentication", "GET", r, 401).status).toBe("FAILURE_BAD_CREDENTIAL");
  });

  it("POST /token/logout → 204 with an empty body; the token then fails validate (401) and logout (401)", async () => {
    const r = await call(sim.url, "POST", "/token/logout", { token });
    expect(r.status).toBe(204);
    expect(r.bytes.length).toBe(0);
    expect(v.locate("authentication", "POST", r.path, 204).contentTypes).toEqual([]);
    conforms("authentication", "GET", await call(sim.url, "GET", "/token/validate", { token }), 401);
    conforms("authentication", "POST", await call(sim.url, "POST", "/token/logout", { token }), 401);
  });
});

// ---------------------------------------------------------------------------------------------------------------

function decodeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** Drives the sign-in form of /auth/authorize with fetch; returns the code from the redirect to REDIRECT_URI. */
async function authorizationCode(state = "conformance-state"): Promise<string> {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: SEED.oauthClient.clientId,
    redirect_uri: REDIRECT_URI,
    scope: "openid profile email offline_access",
    state,
  });
  let page = await call(sim.url, "GET", `/auth/authorize?${query.toString()}`);
  for (let hops = 0; page.status === 302 && hops < 5; hops++) {
    const location = new URL(page.headers.get("location") ?? "", sim.url);
    expect(location.origin, "authorize redirects to the (simulated) login page").toBe(new URL(sim.url).origin);
    page = await call(sim.url, "GET", location.pathname + location.search);
  }
  expect(page.status, "sign-in page").toBe(200);
  const form = /<form[^>]*method="post"[^>]*action="([^"]*)"/i.exec(page.text);
  expect(form, "the page has a POST form").not.toBeNull();
  const fields = new URLSearchParams();
  for (const m of page.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.set(decodeHtml(m[1] ?? ""), decodeHtml(m[2] ?? ""));
  }
  fields.set("email", SEED.users.ada.email);
  fields.set("password", SEED.password);
  fields.set("decision", "allow");
  const submit = await call(sim.url, "POST", decodeHtml(form?.[1] ?? ""), {
    body: fields.toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  expect(submit.status, "the form redirects back to the client").toBe(302);
  const back = new URL(submit.headers.get("location") ?? "");
  expect(back.origin + back.pathname).toBe(REDIRECT_URI);
  expect(back.searchParams.get("state")).toBe(state);
  const code = back.searchParams.get("code");
  expect(code).toBeTruthy();
  return code ?? "";
}

const tokenRequest = (body: Record<string, string>) => call(sim.url, "POST", "/oauth/token", { body });
const codeGrant = (code: string) =>
  tokenRequest({
    grant_type: "authorization_code",
    client_id: SEED.oauthClient.clientId,
    client_secret: SEED.oauthClient.clientSecret,
    code,
    redirect_uri: REDIRECT_URI,
  });
const refreshGrant = (refreshToken: string) =>
  tokenRequest({
    grant_type: "refresh_token",
    client_id: SEED.oauthClient.clientId,
    client_secret: SEED.oauthClient.clientSecret,
    refresh_token: refreshToken,
  });

describe("OAuth service", () => {
  it("GET /auth/authorize answers a status the document declares (302 to the login page, reference §1.3)", async () => {
    const query = new URLSearchParams({
      response_type: "code",
      client_id: SEED.oauthClient.clientId,
      redirect_uri: REDIRECT_URI,
      state: "s",
    });
    const r = await call(sim.url, "GET", `/auth/authorize?${query.toString()}`);
    expect(() => v.locate("oauth", "GET", r.path, r.status), `HTTP ${r.status}`).not.toThrow();
  });

  it("POST /oauth/token grant_type=authorization_code → 200 token response, usable as Bearer on the Integration API", async () => {
    const body = conforms("oauth", "POST", await codeGrant(await authorizationCode()), 200);
    expect(body).toMatchObject({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: 2100,
      token_type: "Bearer",
    });
    expect(String(body.scope).split(" ")).not.toContain("profile");
    const me = await call(sim.url, "GET", "/2/0/users/me", { authorization: `Bearer ${String(body.access_token)}` });
    conforms("integration", "GET", me, 200);
  });

  it("POST /oauth/token grant_type=refresh_token → 200 with a rotated refresh token", async () => {
    const first = conforms("oauth", "POST", await codeGrant(await authorizationCode()), 200);
    const second = conforms("oauth", "POST", await refreshGrant(String(first.refresh_token)), 200);
    expect(second).toMatchObject({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: "Bearer",
    });
    expect(second.refresh_token).not.toBe(first.refresh_token);
  });

  it("POST /oauth/token reusing a rotated refresh token → 400 invalid_grant", async () => {
    const first = conforms("oauth", "POST", await codeGrant(await authorizationCode()), 200);
    conforms("oauth", "POST", await refreshGrant(String(first.refresh_token)), 200);
    expect(conforms("oauth", "POST", await refreshGrant(String(first.refresh_token)), 400).error).toBe("invalid_grant");
  });

  it("POST /oauth/token replaying an authorization code → 400 invalid_grant", async () => {
    const code = await authorizationCode();
    conforms("oauth", "POST", await codeGrant(code), 200);
    expect(conforms("oauth", "POST", await codeGrant(code), 400).error).toBe("invalid_grant");
  });

  it("POST /oauth/token with an unknown grant_type → 400 unsupported_grant_type", async () => {
    const r = await tokenRequest({
      grant_type: "password",
      client_id: SEED.oauthClient.clientId,
      username: "x",
      password: "y",
    });
    expect(conforms("oauth", "POST", r, 400).error).toBe("unsupported_grant_type");
  });

  it("POST /oauth/token without grant_type → 400 invalid_request", async () => {
    expect(conforms("oauth", "POST", await tokenRequest({ client_id: SEED.oauthClient.clientId }), 400).error).toBe(
      "invalid_request",
    );
  });

  it("POST /oauth/token with a wrong client_secret → 401 OAuth error body", async () => {
    const r = await tokenRequest({
      grant_type: "authorization_code",
      client_id: SEED.oauthClient.clientId,
      client_secret: "wrong",
      code: "whatever",
      redirect_uri: REDIRECT_URI,
    });
    conforms("oauth", "POST", r, 401);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("Integration API /2/0 — users, workspaces, models", () => {
  it("GET /users/me → 200", async () => {
    const body = conforms("integration", "GET", await get("/2/0/users/me"), 200);
    expect(body).toMatchObject({ user: { id: SEED.users.ada.id, email: SEED.users.ada.email } });
  });

  it("GET /workspaces?tenantDetails=true → 200 with sizeAllowance and currentSize", async () => {
    const body = conforms("integration", "GET", await get("/2/0/workspaces?tenantDetails=true"), 200);
    const list = body.workspaces as Body[];
    expect(list.length).toBeGreaterThan(0);
    for (const w of list)
      expect(w).toMatchObject({ sizeAllowance: expect.any(Number), currentSize: expect.any(Number) });
  });

  it("GET /models → 200", async () => {
    const body = conforms("integration", "GET", await get("/2/0/models"), 200);
    expect((body.models as Body[]).map((m) => m.id)).toContain(M.fpa);
  });

  it("GET /models?modelDetails=true → 200 with memoryUsage", async () => {
    const body = conforms("integration", "GET", await get("/2/0/models?modelDetails=true"), 200);
    for (const m of body.models as Body[]) expect(m.memoryUsage).toEqual(expect.any(Number));
  });

  it("GET /workspaces/{workspaceId}/models → 200", async () => {
    const body = conforms("integration", "GET", await get(`/2/0/workspaces/${W.finance}/models`), 200);
    for (const m of body.models as Body[]) expect(m.currentWorkspaceId).toBe(W.finance);
  });

  it("GET /models/{modelId} → 200", async () => {
    const body = conforms("integration", "GET", await get(`/2/0/models/${M.fpa}?modelDetails=true`), 200);
    expect(body).toMatchObject({ model: { id: M.fpa, modelTransactionRunning: false } });
  });

  it("GET /models/{modelId}/status (idle) → 200 bare requestStatus", async () => {
    const body = conforms("integration", "GET", await get(`/2/0/models/${M.fpa}/status`), 200);
    expect(Object.keys(body)).toEqual(["requestStatus"]);
  });

  it("GET /models/{modelId}/status (export running) → 200 with the running taskId", async () => {
    await startExport(sim.url, token, X.slow);
    await advance(1_000);
    const body = conforms("integration", "GET", await get(`/2/0/models/${M.fpa}/status`), 200);
    expect((body.requestStatus as Body).taskId).toEqual(expect.any(String));
  });
});

describe("Integration API /2/0 — exports", () => {
  it("GET …/exports → 200 (first page: paging meta and next)", async () => {
    const body = conforms("integration", "GET", await get(`${FPA}/exports?limit=5&offset=0`), 200);
    const paging = (body.meta as Body).paging as Body;
    expect(paging).toMatchObject({
      currentPageSize: 5,
      offset: 0,
      totalSize: expect.any(Number),
      next: expect.any(String),
    });
    expect(body.exports).toHaveLength(5);
    // §2.2: ready-made URLs echoing limit/offset.
    const next = new URL(String(paging.next));
    expect([next.searchParams.get("limit"), next.searchParams.get("offset")]).toEqual(["5", "5"]);
  });

  it("GET …/exports → 200 (last page: next link still present, previous present)", async () => {
    const total = ((conforms("integration", "GET", await get(`${FPA}/exports`), 200).meta as Body).paging as Body)
      .totalSize as number;
    const body = conforms("integration", "GET", await get(`${FPA}/exports?limit=5&offset=${total - 2}`), 200);
    const paging = (body.meta as Body).paging as Body;
    expect(paging).toMatchObject({
      currentPageSize: 2,
      offset: total - 2,
      totalSize: total,
      next: expect.any(String),
      previous: expect.any(String),
    });
  });

  it("GET …/exports → 200 (page past the end: collection key omitted)", async () => {
    const body = conforms("integration", "GET", await get(`${FPA}/exports?limit=5&offset=100000`), 200);
    expect(body).not.toHaveProperty("exports");
    expect((body.meta as Body).paging).toMatchObject({ currentPageSize: 0 });
  });

  it("GET /models/{modelId}/exports (model-only path form) → 200", async () => {
    conforms("integration", "GET", await get(`/2/0/models/${M.fpa}/exports`), 200);
  });

  it("GET …/exports/{exportId} → 200 exportMetadata", async () => {
    const body = conforms("integration", "GET", await get(`${FPA}/exports/${X.revenueCsv}`), 200);
    expect(body.exportMetadata).toMatchObject({ headerNames: expect.any(Array), dataTypes: expect.any(Array) });
  });

  it("GET …/exports/{exportId} for an xls export → 200 exportMetadata", async () => {
    conforms("integration", "GET", await get(`${FPA}/exports/${X.gridXls}`), 200);
  });

  it("GET …/exports/{unknown} → 404 error envelope", async () => {
    errorEnvelope("GET", await get(`${FPA}/exports/116999999999`), 404);
  });
});

describe("Integration API /2/0 — export tasks", () => {
  it("POST …/exports/{exportId}/tasks → 200 task", async () => {
    const { result } = await startExport(sim.url, token, X.revenueCsv);
    expect(conforms("integration", "POST", result, 200).task).toMatchObject({
      taskId: expect.stringMatching(/^[0-9A-F]{32}$/),
    });
  });

  it("GET …/exports/{exportId}/tasks → 200 with tasks", async () => {
    await startExport(sim.url, token, X.revenueCsv);
    await startExport(sim.url, token, X.revenueCsv);
    const body = conforms("integration", "GET", await get(`${FPA}/exports/${X.revenueCsv}/tasks`), 200);
    expect(body.tasks).toHaveLength(2);
  });

  it("GET …/exports/{exportId}/tasks (none yet) → 200 without the tasks key", async () => {
    const body = conforms("integration", "GET", await get(`${FPA}/exports/${X.revenueCsv}/tasks`), 200);
    expect(body).not.toHaveProperty("tasks");
  });

  it("GET …/tasks/{taskId} (in progress) → 200 task", async () => {
    const { taskPath } = await startExport(sim.url, token, X.slow);
    await advance(1_000);
    expect(conforms("integration", "GET", await get(taskPath), 200).task).toMatchObject({ taskState: "IN_PROGRESS" });
  });

  it("GET …/tasks/{taskId} (complete, successful) → 200 task with result", async () => {
    const body = conforms("integration", "GET", await finishedExport(X.revenueCsv), 200);
    expect(body.task).toMatchObject({ taskState: "COMPLETE", result: { successful: true, objectId: X.revenueCsv } });
  });

  it("GET …/tasks/{taskId} (complete, failed) → 200 task with result details", async () => {
    const body = conforms("integration", "GET", await finishedExport(X.failing), 200);
    expect(body.task).toMatchObject({
      taskState: "COMPLETE",
      currentStep: "Failed.",
      result: { successful: false, details: expect.any(Array) },
    });
  });

  it("DELETE …/tasks/{taskId} → 200 task (CANCELLING), then GET → CANCELLED (overlay: DELETE undeclared)", async () => {
    const { taskPath } = await startExport(sim.url, token, X.slow);
    await advance(1_000);
    const del = conforms("integration", "DELETE", await call(sim.url, "DELETE", taskPath, { token }), 200);
    expect(del.task).toMatchObject({ taskState: "CANCELLING" });
    await advance(5_000);
    expect(conforms("integration", "GET", await get(taskPath), 200).task).toMatchObject({ taskState: "CANCELLED" });
  });

  it("DELETE …/tasks/{taskId} on a finished task → 200 unchanged task", async () => {
    const done = await finishedExport(X.revenueCsv);
    const taskId = (done.json as { task: { taskId: string } }).task.taskId;
    const del = conforms(
      "integration",
      "DELETE",
      await call(sim.url, "DELETE", `${FPA}/exports/${X.revenueCsv}/tasks/${taskId}`, { token }),
      200,
    );
    expect(del.task).toMatchObject({ taskState: "COMPLETE" });
  });

  it("GET …/tasks/{unknown taskId} → 404 error envelope", async () => {
    errorEnvelope("GET", await get(`${FPA}/exports/${X.revenueCsv}/tasks/00000000000000000000000000000000`), 404);
  });
});

describe("Integration API /2/0 — files and chunks", () => {
  it("GET …/files → 200", async () => {
    await finishedExport(X.revenueCsv);
    const body = conforms("integration", "GET", await get(`${FPA}/files`), 200);
    const file = (body.files as Body[]).find((f) => f.id === X.revenueCsv);
    expect(file?.chunkCount).toBeGreaterThan(0);
  });

  it("GET …/files/{fileId}/chunks → 200", async () => {
    await control.configure({ chunkSizeBytes: 4096 });
    await finishedExport(X.revenueCsv);
    const body = conforms("integration", "GET", await get(`${FPA}/files/${X.revenueCsv}/chunks`), 200);
    expect((body.chunks as Body[])[0]).toEqual({ id: "0", name: "Chunk 0" });
  });

  it("GET …/files/{fileId}/chunks before any run → 200 without the chunks key", async () => {
    const body = conforms("integration", "GET", await get(`${FPA}/files/${X.revenueCsv}/chunks`), 200);
    expect(body).not.toHaveProperty("chunks");
  });

  it("GET …/files/{fileId}/chunks/{chunkId} and …/files/{fileId} → 200 application/octet-stream (binary, no schema)", async () => {
    await control.configure({ chunkSizeBytes: 4096 });
    await finishedExport(X.revenueCsv);
    const chunkPath = `${FPA}/files/${X.revenueCsv}/chunks/0`;
    const filePath = `${FPA}/files/${X.revenueCsv}`;
    expect(v.locate("integration", "GET", chunkPath, 200).contentTypes).toEqual(["application/octet-stream"]);
    expect(v.locate("integration", "GET", filePath, 200).contentTypes).toEqual(["application/octet-stream"]);
    const list = conforms("integration", "GET", await get(`${FPA}/files/${X.revenueCsv}/chunks`), 200).chunks as Body[];
    const parts: Buffer[] = [];
    for (const c of list) {
      const r = await get(`${FPA}/files/${X.revenueCsv}/chunks/${String(c.id)}`);
      expect(r.status).toBe(200);
      expect(r.headers.get("content-type")).toMatch(/^application\/octet-stream/);
      parts.push(r.bytes);
    }
    expect(parts[0]?.length).toBe(4096);
    const whole = await get(filePath);
    expect(whole.status).toBe(200);
    expect(whole.headers.get("content-type")).toMatch(/^application\/octet-stream/);
    expect(Buffer.concat(parts).equals(whole.bytes)).toBe(true);
  });

  it("GET …/files/{fileId} with no content → 404 error envelope (overlay: document gives the 404 no body)", async () => {
    errorEnvelope("GET", await get(`${FPA}/files/${X.revenueCsv}`), 404);
  });

  it("GET …/files/{fileId}/chunks/{chunkId} with no content → 404 error envelope", async () => {
    errorEnvelope("GET", await get(`${FPA}/files/${X.revenueCsv}/chunks/0`), 404);
  });
});

describe("Integration API /2/0 — error envelope", () => {
  it("GET /users/me without a token → 401 (overlay: 401 undeclared)", async () => {
    errorEnvelope("GET", await call(sim.url, "GET", "/2/0/users/me"), 401);
  });

  it("GET …/exports with an expired token → 401", async () => {
    await advance(2_101_000);
    errorEnvelope("GET", await get(`${FPA}/exports`), 401);
  });

  it("GET …/exports of a NO ACCESS model → 404 (never 403)", async () => {
    const bruno = await login(sim.url, "bruno");
    errorEnvelope("GET", await get(`${modelBase(W.finance, M.restricted)}/exports`, bruno), 404);
  });

  it("GET …/exports of an unknown model → 404", async () => {
    errorEnvelope("GET", await get(`${modelBase(W.finance, "00000000000000000000000000000000")}/exports`), 404);
  });

  it("GET /workspaces/{workspaceId}/models/{modelId} → 405 (overlay: path absent from the document)", async () => {
    errorEnvelope("GET", await get(modelBase(W.finance, M.fpa)), 405);
  });
});
