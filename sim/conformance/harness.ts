/** Small helpers the conformance tests share: plain fetch calls against a running simulator. */
import { SEED } from "../seed/ids";

export type SeedUserName = keyof typeof SEED.users;

export interface CallResult {
  status: number;
  headers: Headers;
  /** Raw body bytes. */
  bytes: Buffer;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
  text: string;
  /** The request path as sent (pathname + search), for the validator. */
  path: string;
}

export interface CallOptions {
  token?: string;
  /** Authorization header verbatim (overrides `token`). */
  authorization?: string;
  headers?: Record<string, string>;
  body?: unknown;
  redirect?: RequestRedirect;
}

export function basicAuth(email: string, password: string): string {
  return `Basic ${Buffer.from(`${email}:${password}`, "utf8").toString("base64")}`;
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.authorization !== undefined) headers.Authorization = options.authorization;
  else if (options.token !== undefined) headers.Authorization = `AnaplanAuthToken ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    if (typeof options.body === "string") body = options.body;
    else {
      body = JSON.stringify(options.body);
      headers["Content-Type"] ??= "application/json";
    }
  }
  const res = await fetch(new URL(path, baseUrl), { method, headers, body, redirect: options.redirect ?? "manual" });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString("utf8");
  let json: unknown;
  if (text.length > 0 && /json/i.test(res.headers.get("content-type") ?? "")) {
    try {
      json = JSON.parse(text) as unknown;
    } catch {
      json = undefined;
    }
  }
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    json,
    text,
    path: new URL(path, baseUrl).pathname + new URL(path, baseUrl).search,
  };
}

/** Basic login at the auth service; returns the token value. */
export async function login(baseUrl: string, user: SeedUserName = "ada"): Promise<string> {
  const r = await call(baseUrl, "POST", "/token/authenticate", {
    authorization: basicAuth(SEED.users[user].email, SEED.password),
  });
  const token = (r.json as { tokenInfo?: { tokenValue?: unknown } } | undefined)?.tokenInfo?.tokenValue;
  if (r.status !== 201 || typeof token !== "string") throw new Error(`login as ${user} failed: HTTP ${r.status}`);
  return token;
}

export const W = SEED.workspaces;
export const M = SEED.models;
export const X = SEED.exports;

export const modelBase = (ws: string, model: string): string => `/2/0/workspaces/${ws}/models/${model}`;
export const FPA = modelBase(W.finance, M.fpa);

export interface TaskBody {
  task: { taskId: string; taskState: string; [key: string]: unknown };
}

export function isTaskBody(value: unknown): value is TaskBody {
  const task = (value as { task?: { taskId?: unknown; taskState?: unknown } } | undefined)?.task;
  return typeof task?.taskId === "string";
}

/** Polls a task until it reaches `COMPLETE` or `CANCELLED` (bounded), calling `tick` between polls. */
export async function waitForTerminal(
  baseUrl: string,
  token: string,
  taskPath: string,
  tick: () => Promise<void>,
  attempts = 40,
): Promise<CallResult> {
  for (let i = 0; i < attempts; i++) {
    const r = await call(baseUrl, "GET", taskPath, { token });
    const state = (r.json as TaskBody | undefined)?.task?.taskState;
    if (r.status !== 200 || state === "COMPLETE" || state === "CANCELLED") return r;
    await tick();
  }
  throw new Error(`task ${taskPath} did not finish`);
}

/** Starts an export and returns the task path. */
export async function startExport(
  baseUrl: string,
  token: string,
  exportId: string,
  base = FPA,
): Promise<{ result: CallResult; taskPath: string }> {
  const result = await call(baseUrl, "POST", `${base}/exports/${exportId}/tasks`, {
    token,
    body: { localeName: "en_US" },
  });
  if (!isTaskBody(result.json))
    throw new Error(`starting export ${exportId} failed: HTTP ${result.status} ${result.text.slice(0, 200)}`);
  return { result, taskPath: `${base}/exports/${exportId}/tasks/${result.json.task.taskId}` };
}
