/** Tunable behaviour of the simulator (see POST /__sim/config). */
export interface Config {
  /** Duration of every normal export task; null = each export's own demo duration (8–15 s). */
  taskDurationMs: number | null;
  /** Duration of the seeded slow export. */
  slowTaskDurationMs: number;
  /** How long a task stays CANCELLING before it is CANCELLED. */
  cancelLatencyMs: number;
  /** Lifetime of auth tokens and OAuth access tokens. */
  tokenLifetimeSeconds: number;
  /** Size of one download chunk. */
  chunkSizeBytes: number;
  /** Largest page a list endpoint returns (Anaplan: 5000). */
  pageSizeCap: number;
  /** Prefix of every token, refresh token and authorization code issued from now on. */
  tokenPrefix: string;
  /** Emit `meta.paging.next` even on the last page, as Anaplan does. */
  nextOnLastPage: boolean;
}

export const MAX_PAGE = 5000;

export function defaultConfig(): Config {
  return {
    taskDurationMs: null,
    slowTaskDurationMs: 120_000,
    cancelLatencyMs: 1_500,
    tokenLifetimeSeconds: 2_100,
    chunkSizeBytes: 1024 * 1024,
    pageSizeCap: MAX_PAGE,
    tokenPrefix: "",
    nextOnLastPage: true,
  };
}

export type ConfigPatch = Partial<Config>;

const positiveInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v > 0;
const nonNegInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/** Validates a config patch; returns an error message or the cleaned patch. */
export function parseConfigPatch(input: unknown): { patch: ConfigPatch } | { error: string } {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { error: "body must be a JSON object" };
  const o = input as Record<string, unknown>;
  const patch: ConfigPatch = {};
  for (const [key, value] of Object.entries(o)) {
    switch (key) {
      case "taskDurationMs":
        if (value !== null && !nonNegInt(value)) return { error: `${key} must be a non-negative integer or null` };
        patch.taskDurationMs = value;
        break;
      case "slowTaskDurationMs":
      case "cancelLatencyMs":
        if (!nonNegInt(value)) return { error: `${key} must be a non-negative integer` };
        patch[key] = value;
        break;
      case "tokenLifetimeSeconds":
      case "chunkSizeBytes":
        if (!positiveInt(value)) return { error: `${key} must be a positive integer` };
        patch[key] = value;
        break;
      case "pageSizeCap":
        if (!positiveInt(value) || value > MAX_PAGE) return { error: `${key} must be an integer in 1..${MAX_PAGE}` };
        patch.pageSizeCap = value;
        break;
      case "tokenPrefix":
        if (typeof value !== "string" || !/^[A-Za-z0-9_.-]{0,64}$/.test(value))
          return { error: `${key} must match [A-Za-z0-9_.-]{0,64}` };
        patch.tokenPrefix = value;
        break;
      case "nextOnLastPage":
        if (typeof value !== "boolean") return { error: `${key} must be a boolean` };
        patch.nextOnLastPage = value;
        break;
      default:
        return { error: `unknown config key: ${key}` };
    }
  }
  return { patch };
}
