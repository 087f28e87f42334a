/** Typed client of the simulator's control API (/__sim/*), for vitest and Playwright. */
import type { Config } from "./state/config";
import type { FaultSpec } from "./state/faults";
import type { LoggedRequest } from "./state/request-log";

export type { Config } from "./state/config";
export type { FaultSpec } from "./state/faults";
export type { LoggedRequest } from "./state/request-log";

export class SimControl {
  private readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/__sim${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`simulator control ${method} ${path} failed: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** Back to the seed: default timing, no tasks, tokens, faults or logged requests. */
  async reset(): Promise<void> {
    await this.call("POST", "/reset");
  }

  async configure(cfg: Partial<Config>): Promise<Config> {
    return (await this.call<{ config: Config }>("POST", "/config", cfg)).config;
  }

  /** Moves the simulated clock forward; returns the new simulated time (ms since epoch). */
  async advanceClock(ms: number): Promise<number> {
    return (await this.call<{ now: number }>("POST", "/clock/advance", { ms })).now;
  }

  async injectFault(f: FaultSpec): Promise<void> {
    await this.call("POST", "/faults", f);
  }

  async clearFaults(): Promise<void> {
    await this.call("DELETE", "/faults");
  }

  async requests(): Promise<LoggedRequest[]> {
    return (await this.call<{ requests: LoggedRequest[] }>("GET", "/requests")).requests;
  }

  async clearRequests(): Promise<void> {
    await this.call("DELETE", "/requests");
  }

  async health(): Promise<{ ok: boolean; now: number }> {
    return this.call("GET", "/health");
  }
}
