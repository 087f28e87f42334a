/**
 * Test support: starts the Anaplan simulator on an ephemeral port and talks to its control API.
 * Used only by lib/anaplan/*.test.ts.
 */
import { startSimulator, type RunningSimulator } from "@/sim/server";
import { SEED } from "@/sim/seed/ids";
import { authenticateBasic } from "../auth";
import type { AnaplanUrls } from "../api";

export { SEED };

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  authScheme: string;
}

export interface SimHandle {
  sim: RunningSimulator;
  urls: AnaplanUrls;
  control(method: "GET" | "POST" | "DELETE", path: string, body?: unknown): Promise<unknown>;
  reset(config?: Record<string, unknown>): Promise<void>;
  fault(spec: Record<string, unknown>): Promise<void>;
  requests(filter?: { method?: string; path?: RegExp }): Promise<LoggedRequest[]>;
  token(user?: keyof typeof SEED.users): Promise<string>;
}

/** A token prefix the tests look for in error messages: it must never appear there. */
export const TOKEN_SENTINEL = "TKN_SENTINEL_";

export async function startSim(): Promise<SimHandle> {
  const sim = await startSimulator({ port: 0 });
  const urls: AnaplanUrls = { apiUrl: `${sim.url}/2/0`, authUrl: sim.url, oauthUrl: sim.url };

  const control: SimHandle["control"] = async (method, path, body) => {
    const res = await fetch(`${sim.url}/__sim/${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data: unknown = await res.json();
    if (!res.ok) throw new Error(`sim control ${method} ${path} failed: ${res.status} ${JSON.stringify(data)}`);
    return data;
  };

  return {
    sim,
    urls,
    control,
    async reset(config = {}) {
      await control("POST", "reset");
      await control("DELETE", "faults");
      await control("POST", "config", { tokenPrefix: TOKEN_SENTINEL, ...config });
      await control("DELETE", "requests");
    },
    async fault(spec) {
      await control("POST", "faults", spec);
    },
    async requests(filter = {}) {
      const data = (await control("GET", "requests")) as { requests: LoggedRequest[] };
      return data.requests.filter(
        (r) => (!filter.method || r.method === filter.method) && (!filter.path || filter.path.test(r.path)),
      );
    },
    async token(user = "ada") {
      const info = await authenticateBasic(
        { email: SEED.users[user].email, password: SEED.password },
        { authUrl: sim.url },
      );
      return info.tokenValue;
    },
  };
}

/** Polls until `check` passes or `timeoutMs` elapses (no fixed sleeps in assertions). */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 10_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
