import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRetryAfter,
  resolvePolicy,
} from "./retry";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-11-28T12:00:00Z");

  it("reads delta-seconds", () => {
    expect(parseRetryAfter("0", now)).toBe(0);
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 120 ", now)).toBe(120_000);
    expect(parseRetryAfter("1.5", now)).toBe(1500);
  });

  it("reads an HTTP-date relative to now, never negative", () => {
    expect(parseRetryAfter("Sat, 28 Nov 2026 12:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Sat, 28 Nov 2026 11:59:00 GMT", now)).toBe(0);
    expect(parseRetryAfter(new Date(now + 2500).toUTCString(), now)).toBe(2000); // HTTP-dates have whole seconds
  });

  it("ignores absent or unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
    expect(parseRetryAfter("1e3", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });

  it("caps absurd values at a day", () => {
    expect(parseRetryAfter("999999999", now)).toBe(24 * 3600 * 1000);
  });
});

describe("backoffDelay", () => {
  const policy = resolvePolicy({ baseDelayMs: 100, maxDelayMs: 1000 });

  it("grows exponentially with full jitter and a cap", () => {
    expect(backoffDelay(1, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(2, policy, () => 0.999)).toBe(199);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
    expect(backoffDelay(10, policy, () => 0.999)).toBe(999);
    expect(backoffDelay(4, policy, () => 0)).toBe(0);
  });
});

describe("decideRetry", () => {
  const policy = resolvePolicy({ budgetMs: 10_000, maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 });

  it("retries with backoff while attempts and budget allow", () => {
    expect(decideRetry({ attempt: 1, elapsedMs: 0, policy, random: () => 0.5 })).toEqual({ retry: true, delayMs: 50 });
    expect(decideRetry({ attempt: 3, elapsedMs: 0, policy })).toEqual({ retry: false, reason: "attempts" });
  });

  it("uses Retry-After instead of the backoff when it fits", () => {
    expect(decideRetry({ attempt: 1, elapsedMs: 1000, policy, retryAfterMs: 3000 })).toEqual({
      retry: true,
      delayMs: 3000,
    });
  });

  it("stops at once when Retry-After is beyond the remaining budget", () => {
    expect(decideRetry({ attempt: 1, elapsedMs: 8000, policy, retryAfterMs: 3000 })).toEqual({
      retry: false,
      reason: "retry_after_beyond_budget",
    });
    expect(decideRetry({ attempt: 1, elapsedMs: 0, policy, retryAfterMs: 60_000 })).toEqual({
      retry: false,
      reason: "retry_after_beyond_budget",
    });
  });

  it("does not start a backoff that would end past the budget", () => {
    expect(decideRetry({ attempt: 2, elapsedMs: 9990, policy, random: () => 0.9 })).toEqual({
      retry: false,
      reason: "budget",
    });
  });
});

describe("attemptTimeout", () => {
  const req = { timeoutMs: 15_000, policy: resolvePolicy({ budgetMs: 10_000 }) };
  it("gives the first attempt the full timeout and retries what is left of the budget", async () => {
    const { attemptTimeout } = await import("./http");
    expect(attemptTimeout(req, 1, 0)).toBe(15_000);
    expect(attemptTimeout(req, 2, 2_000)).toBe(8_000);
    expect(attemptTimeout(req, 3, 9_900)).toBe(1_000);
    expect(attemptTimeout({ timeoutMs: 300, policy: req.policy }, 2, 0)).toBe(300);
  });
});

describe("policy", () => {
  it("defaults to a 10 s budget", () => {
    expect(DEFAULT_RETRY_POLICY.budgetMs).toBeLessThanOrEqual(10_000);
    expect(resolvePolicy({ maxAttempts: 0 }).maxAttempts).toBe(1);
  });

  it("retries only 429, 502, 503 and 504", () => {
    expect([400, 401, 403, 404, 409, 422, 423, 429, 500, 501, 502, 503, 504].filter(isRetryableStatus)).toEqual([
      429, 502, 503, 504,
    ]);
  });
});
