import "server-only";

/**
 * Pure retry arithmetic: backoff with full jitter, `Retry-After` parsing and the "may I try again?" decision.
 * No I/O here, so every branch is unit-tested.
 */

export interface RetryPolicy {
  /** A retry is only started if it can begin within this many ms of the first attempt. */
  budgetMs: number;
  /** Attempts in total, the first included. */
  maxAttempts: number;
  /** Backoff base: the n-th retry waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  budgetMs: 10_000,
  maxAttempts: 4,
  baseDelayMs: 250,
  maxDelayMs: 2_000,
});

export function resolvePolicy(overrides?: Partial<RetryPolicy>): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  return {
    budgetMs: Math.max(0, policy.budgetMs),
    maxAttempts: Math.max(1, Math.floor(policy.maxAttempts)),
    baseDelayMs: Math.max(0, policy.baseDelayMs),
    maxDelayMs: Math.max(0, policy.maxDelayMs),
  };
}

/** Statuses a GET may be retried on: rate limiting and the gateway/overload family. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504;
}

/**
 * Full-jitter exponential backoff for the `retry`-th retry (1-based).
 * `random` returns a number in [0, 1).
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, retry - 1);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

/** Refuse absurd Retry-After values (a day) so arithmetic stays sane. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * `Retry-After` (RFC 9110 §10.2.3): delta-seconds or an HTTP-date. Returns milliseconds to wait (≥ 0),
 * or undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (/^\d+$/.test(trimmed)) {
    return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS);
  }
  // Some servers send fractional seconds; tolerate them.
  if (/^\d+\.\d+$/.test(trimmed)) {
    return Math.min(Math.ceil(Number(trimmed) * 1000), MAX_RETRY_AFTER_MS);
  }
  // HTTP-date: must contain letters (a weekday/month), so "-5" or "1e3" are not dates.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - nowMs), MAX_RETRY_AFTER_MS);
}

export type RetryDecision =
  { retry: true; delayMs: number } | { retry: false; reason: "attempts" | "budget" | "retry_after_beyond_budget" };

/**
 * Whether to try again after attempt number `attempt` (1-based) failed retryably.
 * `elapsedMs` is the time since the first attempt started. A `retryAfterMs` from the server replaces the
 * backoff; if it cannot fit in the budget we stop at once rather than wait and fail anyway.
 */
export function decideRetry(input: {
  attempt: number;
  elapsedMs: number;
  policy: RetryPolicy;
  retryAfterMs?: number;
  random?: () => number;
}): RetryDecision {
  const { attempt, elapsedMs, policy } = input;
  const remaining = policy.budgetMs - elapsedMs;
  if (input.retryAfterMs !== undefined && input.retryAfterMs > remaining) {
    return { retry: false, reason: "retry_after_beyond_budget" };
  }
  if (attempt >= policy.maxAttempts) return { retry: false, reason: "attempts" };
  const delayMs = input.retryAfterMs ?? backoffDelay(attempt, policy, input.random);
  if (delayMs > remaining) return { retry: false, reason: "budget" };
  return { retry: true, delayMs };
}
