/** Injected faults (POST /__sim/faults). Each fires for `times` matching requests, first registered first. */
export type FaultMode = "status" | "reset" | "truncate" | "malformed-json" | "delay";

export interface FaultSpec {
  method?: string;
  /** Regular expression tested against the request pathname. */
  path: string;
  times: number;
  status?: number;
  retryAfter?: string;
  delayMs?: number;
  mode?: FaultMode;
}

export interface ActiveFault {
  method?: string;
  path: RegExp;
  remaining: number;
  mode: FaultMode;
  status?: number;
  retryAfter?: string;
  delayMs: number;
}

const MODES: readonly FaultMode[] = ["status", "reset", "truncate", "malformed-json", "delay"];

export function parseFault(input: unknown): { fault: ActiveFault } | { error: string } {
  if (typeof input !== "object" || input === null) return { error: "body must be a JSON object" };
  const f = input as Record<string, unknown>;
  if (typeof f.path !== "string") return { error: "path (a regular expression) is required" };
  let path: RegExp;
  try {
    path = new RegExp(f.path);
  } catch {
    return { error: "path is not a valid regular expression" };
  }
  const times = f.times ?? 1;
  if (typeof times !== "number" || !Number.isInteger(times) || times < 1)
    return { error: "times must be a positive integer" };
  if (f.method !== undefined && typeof f.method !== "string") return { error: "method must be a string" };
  if (
    f.status !== undefined &&
    (typeof f.status !== "number" || !Number.isInteger(f.status) || f.status < 100 || f.status > 599)
  ) {
    return { error: "status must be an HTTP status code" };
  }
  if (f.retryAfter !== undefined && typeof f.retryAfter !== "string") return { error: "retryAfter must be a string" };
  const delayMs = f.delayMs ?? 0;
  if (typeof delayMs !== "number" || delayMs < 0) return { error: "delayMs must be a non-negative number" };
  const mode = f.mode ?? (f.status !== undefined ? "status" : "delay");
  if (!MODES.includes(mode as FaultMode)) return { error: `mode must be one of ${MODES.join(", ")}` };
  if (mode === "status" && f.status === undefined) return { error: "mode status needs a status" };
  return {
    fault: {
      method: f.method?.toUpperCase(),
      path,
      remaining: times,
      mode: mode as FaultMode,
      status: f.status as number | undefined,
      retryAfter: f.retryAfter as string | undefined,
      delayMs,
    },
  };
}

export class FaultStore {
  private faults: ActiveFault[] = [];

  add(fault: ActiveFault): void {
    this.faults.push(fault);
  }

  /** Takes (and counts down) the first fault matching this request. */
  take(method: string, pathname: string): ActiveFault | undefined {
    const fault = this.faults.find(
      (f) => f.remaining > 0 && (!f.method || f.method === method.toUpperCase()) && f.path.test(pathname),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return fault;
  }

  count(): number {
    return this.faults.length;
  }

  clear(): void {
    this.faults = [];
  }
}
