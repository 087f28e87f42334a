/**
 * Test harness for the BFF route handlers: a simulator on an ephemeral port, the environment pointing at it,
 * requests built as NextRequest and handed straight to the exported route functions.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { unsealData } from "iron-session";
import { startSimulator, type RunningSimulator } from "@/sim/server";
import { SEED } from "@/sim/seed/ids";
import { resetConfigForTests } from "@/lib/config";
import { sessionKeys } from "@/lib/session/keys";
import { resetRefreshStateForTests } from "@/lib/session/refresh";
import { resetActivityForTests } from "@/lib/data/activity";
import { setRateLimiterForTests } from "@/lib/anaplan/rate-limit";
import { resetCatalogueCacheForTests } from "@/lib/data/catalogue-cache";
import { resetModelContextForTests } from "@/lib/data/model-context";
import { resetTaskListCacheForTests } from "@/lib/data/task-list-cache";
import { resetTaskResultsForTests } from "@/lib/data/task-results";
import { resetModelAccessForTests } from "@/lib/data/model-access";
import { resetModelStatusCacheForTests } from "@/lib/data/model-status-cache";
import { forgetLedgerWritesForTests } from "@/lib/data/team-ledger";
import { stopOutsideRunWatchesForTests } from "@/lib/data/outside-runs";
import { setEventStreamTimingForTests } from "@/lib/bff/model-events";
import { emptyLedgerForTests } from "@/lib/ledger/testing/reset";
import { resetSignInLimitForTests } from "@/lib/bff/sign-in-limit";
import type { SessionData } from "@/lib/session/data";

export const ORIGIN = "http://127.0.0.1:3123";
/** Test-only secrets (random-looking, not used anywhere else). */
export const SECRET_A = "tEsT-only-5d1c0a9e7b3f48a2b6c4e1f0d9a8b7c6";
export const SECRET_B = "tEsT-only-0f9e8d7c6b5a49382716a5b4c3d2e1f0";
export const SENTINEL = "TKN_SENTINEL_";
export const COOKIE = "export-desk";
export { SEED };

/** The simulator's own control client, under the name these tests use. */
export { SimControl as Control } from "@/sim/control";
import { SimControl as Control } from "@/sim/control";

export interface Stack {
  sim: RunningSimulator;
  control: Control;
}

/** Each test file (a worker of its own) keeps its embedded ledger apart. */
const DATA_DIR = mkdtempSync(path.join(tmpdir(), "export-desk-test-"));

/** The environment that points the configuration at a simulator. */
export function stackEnv(simUrl: string): Record<string, string> {
  return {
    ANAPLAN_AUTH_URL: simUrl,
    ANAPLAN_OAUTH_URL: simUrl,
    ANAPLAN_API_URL: `${simUrl}/2/0`,
    ANAPLAN_OAUTH_CLIENT_ID: SEED.oauthClient.clientId,
    ANAPLAN_OAUTH_CLIENT_SECRET: SEED.oauthClient.clientSecret,
    SESSION_SECRET: SECRET_A,
    APP_ORIGIN: ORIGIN,
    DATA_DIR,
  };
}

/** Starts the simulator and points the configuration at it. Call in beforeAll (`setUpStack` does). */
export async function startStack(env: Record<string, string | undefined> = {}): Promise<Stack> {
  const sim = await startSimulator({ port: 0 });
  setEnv({ ...stackEnv(sim.url), ...env });
  return { sim, control: new Control(sim.url) };
}

export function setEnv(env: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetConfigForTests();
}

/** Between tests: a clean simulator with sentinel tokens, and no in-process memory of earlier tests. */
export async function resetAll(control: Control, config: Record<string, unknown> = {}): Promise<void> {
  await resetActivityForTests();
  setRateLimiterForTests(undefined);
  await control.reset();
  await control.configure({ tokenPrefix: SENTINEL, taskDurationMs: 200, ...config });
  await control.clearRequests();
  resetRefreshStateForTests();
  resetCatalogueCacheForTests();
  resetModelContextForTests();
  resetTaskListCacheForTests();
  resetTaskResultsForTests();
  resetSignInLimitForTests();
  resetModelAccessForTests();
  resetModelStatusCacheForTests();
  forgetLedgerWritesForTests();
  stopOutsideRunWatchesForTests();
  setEventStreamTimingForTests(null);
  await emptyLedgerForTests();
}

export interface ReqInit {
  method?: string;
  cookie?: string;
  headers?: Record<string, string>;
  body?: string;
  csrf?: boolean;
}

export function req(path: string, init: ReqInit = {}): NextRequest {
  const headers = new Headers(init.headers);
  if (init.cookie !== undefined) headers.set("cookie", `${COOKIE}=${init.cookie}`);
  if (init.csrf) {
    headers.set("origin", ORIGIN);
    headers.set("x-export-desk-csrf", "1");
    if (!headers.has("content-type") && (init.method ?? "GET") === "POST")
      headers.set("content-type", "application/json");
  }
  return new NextRequest(`${ORIGIN}${path}`, { method: init.method ?? "GET", headers, body: init.body });
}

export function ctx<P extends Record<string, string>>(params: P): { params: Promise<P> } {
  return { params: Promise.resolve(params) };
}

/** The session cookie value a response sets ("" when it clears it), or undefined when it sets none. */
export function setCookieValue(res: Response, name = COOKIE): string | undefined {
  const all = res.headers.getSetCookie();
  let found: string | undefined;
  for (const line of all) {
    const [pair] = line.split(";");
    const eq = pair?.indexOf("=") ?? -1;
    if (pair && pair.slice(0, eq) === name) found = pair.slice(eq + 1);
  }
  return found;
}

export function setCookieLine(res: Response, name = COOKIE): string | undefined {
  return res.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
}

export async function signIn(user: keyof typeof SEED.users = "ada"): Promise<string> {
  const { POST } = await import("@/app/api/session/route");
  const res = await POST(
    req("/api/session", {
      method: "POST",
      csrf: true,
      body: JSON.stringify({ email: SEED.users[user].email, password: SEED.password }),
    }),
  );
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  const value = setCookieValue(res);
  if (!value) throw new Error("sign-in set no cookie");
  return value;
}

export async function unsealCookie(value: string, secrets: string[] = [SECRET_A, SECRET_B]): Promise<SessionData> {
  return unsealData<SessionData>(value, { password: sessionKeys(secrets).unseal, ttl: 13 * 3600 });
}

/** Body text plus every header, to search for things that must never appear. */
async function everything(res: Response): Promise<string> {
  const headers = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n");
  const body = res.body ? await res.clone().text() : "";
  return `${headers}\n\n${body}`;
}

export async function expectNoSentinel(res: Response): Promise<void> {
  const text = await everything(res);
  const cookieless = text
    .split("\n")
    .filter((line) => !line.toLowerCase().startsWith("set-cookie"))
    .join("\n");
  if (cookieless.includes(SENTINEL) || text.includes(SEED.password))
    throw new Error("a token or password leaked into a response");
  // The sealed cookie is encrypted: the sentinel must not be readable in it either.
  for (const line of res.headers.getSetCookie()) {
    if (line.includes(SENTINEL)) throw new Error("a token leaked into a cookie in clear text");
  }
}

export const W = SEED.workspaces.finance;
export const M = SEED.models.fpa;

/** Starts an export straight at the simulator, as Anaplan's UI or a script would: Export Desk hears nothing of it. */
export async function startOutside(
  simUrl: string,
  user: keyof typeof SEED.users,
  exportId: string,
  modelId = M,
): Promise<string> {
  const basic = Buffer.from(`${SEED.users[user].email}:${SEED.password}`).toString("base64");
  const auth = await fetch(`${simUrl}/token/authenticate`, {
    method: "POST",
    headers: { Authorization: `Basic ${basic}` },
  });
  const token = ((await auth.json()) as { tokenInfo: { tokenValue: string } }).tokenInfo.tokenValue;
  const res = await fetch(`${simUrl}/2/0/workspaces/${W}/models/${modelId}/exports/${exportId}/tasks`, {
    method: "POST",
    headers: { Authorization: `AnaplanAuthToken ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ localeName: "en_US" }),
  });
  return ((await res.json()) as { task: { taskId: string } }).task.taskId;
}

/** A local port with nothing listening (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const { createServer } = await import("node:net");
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
