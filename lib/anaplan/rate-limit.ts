import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { getConfig, type AnaplanRateLimits } from "@/lib/config";
import { AnaplanError } from "./errors";

/**
 * A hard ceiling on calls to Anaplan, per user and per tenant: token buckets (a bucket holds up to `burst` calls
 * and refills at `perSecond`). Anaplan rate-limits a whole tenant at once, so one person's burst or a background
 * sweep must never be what answers everyone else with 429.
 *
 * - A person's call waits for a token in their own bucket and in the tenant's; if that wait would pass
 *   `maxWaitMs` it fails at once with `rate_limited` (and `retryAfterMs`) rather than hang the page.
 * - A background call (sweeps nobody waits for) also needs a token from the tenant's background bucket
 *   (`backgroundPerSecond`, no burst), and takes from the tenant bucket only while it holds more than
 *   `backgroundReserve` tokens: people always find the reserve there. Background calls wait as long as needed.
 * Per process: several instances each apply the ceiling (divide the rates by the instance count).
 */
export type RateLimits = AnaplanRateLimits;

/** Who a call is made for. Calls without one (sign-in, token refresh: the auth service) are not limited here. */
export interface RateKey {
  user: string;
  tenant: string;
  background?: boolean;
}

export interface LimiterClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_BUCKETS = 10_000;

export interface RateLimiter {
  /** Resolves with the milliseconds waited once the call may go; rejects with `rate_limited` or the sleep's abort. */
  acquire(key: RateKey, signal?: AbortSignal): Promise<number>;
}

export function createRateLimiter(limits: RateLimits, clock: LimiterClock): RateLimiter {
  const buckets = new Map<string, Bucket>();

  function level(name: string, perSecond: number, burst: number, now: number): Bucket {
    let bucket = buckets.get(name);
    if (!bucket) {
      bucket = { tokens: burst, at: now };
      buckets.set(name, bucket);
      if (buckets.size > MAX_BUCKETS) forgetFullBuckets(now);
      return bucket;
    }
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    return bucket;
  }

  // A full bucket holds nothing worth remembering: a new one starts full too.
  function forgetFullBuckets(now: number): void {
    for (const [name, bucket] of buckets) {
      const [perSecond, burst] = name.startsWith("u|")
        ? [limits.userPerSecond, limits.userBurst]
        : name.startsWith("t|")
          ? [limits.tenantPerSecond, limits.tenantBurst]
          : [limits.backgroundPerSecond, 1];
      if (bucket.tokens + ((now - bucket.at) / 1000) * perSecond >= burst) buckets.delete(name);
    }
  }

  /** Milliseconds until the bucket holds `needed` tokens. */
  const waitFor = (bucket: Bucket, needed: number, perSecond: number) =>
    bucket.tokens >= needed ? 0 : Math.ceil(((needed - bucket.tokens) / perSecond) * 1000);

  /** People's calls waiting per bucket: a newcomer's wait counts them, so a refusal comes at once, not late. */
  const queued = new Map<string, number>();
  const queue = (names: string[], by: number) => {
    for (const name of names) {
      const count = (queued.get(name) ?? 0) + by;
      if (count > 0) queued.set(name, count);
      else queued.delete(name);
    }
  };

  function refuse(waitMs: number): AnaplanError {
    const seconds = Math.ceil(waitMs / 1000);
    return new AnaplanError(
      "rate_limited",
      `Export Desk is pacing its calls to Anaplan so your team stays under Anaplan's rate limit; try again in ${seconds} seconds.`,
      { retryAfterMs: waitMs },
    );
  }

  return {
    async acquire(key, signal) {
      const started = clock.now();
      const userName = `u|${key.tenant}|${key.user}`;
      const tenantName = `t|${key.tenant}`;
      if (!key.background) {
        const now = clock.now();
        const user = level(userName, limits.userPerSecond, limits.userBurst, now);
        const tenant = level(tenantName, limits.tenantPerSecond, limits.tenantBurst, now);
        const projected = Math.max(
          waitFor(user, 1 + (queued.get(userName) ?? 0), limits.userPerSecond),
          waitFor(tenant, 1 + (queued.get(tenantName) ?? 0), limits.tenantPerSecond),
        );
        if (projected > limits.maxWaitMs) throw refuse(projected);
      }
      const names = key.background ? [] : [userName, tenantName];
      queue(names, 1);
      try {
        for (;;) {
          const now = clock.now();
          const user = level(userName, limits.userPerSecond, limits.userBurst, now);
          const tenant = level(tenantName, limits.tenantPerSecond, limits.tenantBurst, now);
          const background = key.background ? level(`b|${key.tenant}`, limits.backgroundPerSecond, 1, now) : null;
          const wait = Math.max(
            waitFor(user, 1, limits.userPerSecond),
            // Background calls also leave the tenant's reserve, and every waiting person's call, untouched.
            waitFor(
              tenant,
              1 + (background ? limits.backgroundReserve + (queued.get(tenantName) ?? 0) : 0),
              limits.tenantPerSecond,
            ),
            background ? waitFor(background, 1, limits.backgroundPerSecond) : 0,
          );
          if (wait === 0) {
            user.tokens -= 1;
            tenant.tokens -= 1;
            if (background) background.tokens -= 1;
            return now - started;
          }
          if (!background && now - started + wait > limits.maxWaitMs) throw refuse(wait);
          await clock.sleep(wait, signal);
        }
      } finally {
        queue(names, -1);
      }
    },
  };
}

const realClock: LimiterClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new Error("aborted"));
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Error("aborted"));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    }),
};

// On globalThis: Next bundles each route separately, and the ceiling must be one per process.
const LIMITER = Symbol.for("export-desk:anaplan-rate-limiter");
const store = globalThis as unknown as Record<symbol, RateLimiter | undefined>;

/** The process's limiter, with the limits from the environment (README: ANAPLAN_RATE_*). */
export function processRateLimiter(): RateLimiter {
  return (store[LIMITER] ??= createRateLimiter(getConfig().anaplanRateLimits, realClock));
}

/** Tests: a limiter with an injected clock or other limits; undefined → a fresh one from the environment. */
export function setRateLimiterForTests(limiter: RateLimiter | undefined): void {
  store[LIMITER] = limiter;
}

const BACKGROUND = Symbol.for("export-desk:anaplan-background");
const background = ((globalThis as unknown as Record<symbol, AsyncLocalStorage<true> | undefined>)[BACKGROUND] ??=
  new AsyncLocalStorage<true>());

/** Every Anaplan call made inside `work` (and what it starts) is a background call: it yields to people. */
export function inBackground<T>(work: () => T): T {
  return background.run(true, work);
}

export const isBackground = (): boolean => background.getStore() === true;
