import { describe, expect, it } from "vitest";
import { isAnaplanError } from "./errors";
import { createRateLimiter, type LimiterClock, type RateLimits } from "./rate-limit";

const LIMITS: RateLimits = {
  userPerSecond: 2,
  userBurst: 4,
  tenantPerSecond: 3,
  tenantBurst: 6,
  backgroundPerSecond: 1,
  backgroundReserve: 3,
  maxWaitMs: 10_000,
};

/** A clock that moves only when every sleeper's turn comes: sleeps end in time order, instantly. */
function fakeClock(): LimiterClock & { starts: { at: number; who: string }[] } {
  let now = 0;
  const sleepers: { until: number; wake: () => void }[] = [];
  let scheduled = false;
  const runNext = () => {
    scheduled = false;
    sleepers.sort((a, b) => a.until - b.until);
    const next = sleepers.shift();
    if (!next) return;
    now = Math.max(now, next.until);
    next.wake();
    schedule();
  };
  // Let every ready promise run before time moves on.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(runNext);
  };
  return {
    starts: [],
    now: () => now,
    sleep(ms) {
      return new Promise<void>((resolve) => {
        sleepers.push({ until: now + ms, wake: resolve });
        schedule();
      });
    },
  };
}

async function run(limits: RateLimits, calls: { who: string; tenant?: string; background?: boolean }[]) {
  const clock = fakeClock();
  const limiter = createRateLimiter(limits, clock);
  await Promise.all(
    calls.map(async (call) => {
      await limiter.acquire({ user: call.who, tenant: call.tenant ?? "t", background: call.background ?? false });
      clock.starts.push({ at: clock.now(), who: call.who });
    }),
  );
  return clock.starts;
}

/** The most calls that started within any window of `ms`. */
function busiest(starts: { at: number }[], ms: number): number {
  const times = starts.map((s) => s.at).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < times.length; j++) {
    while (times[j]! - times[i]! >= ms) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

describe("the rate ceiling (token buckets, injected clock)", () => {
  it("lets a user's burst through at once, then paces them at their rate", async () => {
    const starts = await run(
      LIMITS,
      Array.from({ length: 10 }, () => ({ who: "ada" })),
    );
    expect(starts.filter((s) => s.at === 0)).toHaveLength(4);
    // 6 more at 2 a second: the last one 3 s in.
    expect(Math.max(...starts.map((s) => s.at))).toBe(3_000);
    for (const window of [1_000, 2_000, 3_000])
      expect(busiest(starts, window)).toBeLessThanOrEqual(4 + 2 * (window / 1000));
  });

  it("holds the tenant to its own ceiling however many users share it", async () => {
    const users = ["ada", "bruno", "chloe"];
    const starts = await run(
      LIMITS,
      Array.from({ length: 30 }, (_, i) => ({ who: users[i % 3]! })),
    );
    expect(starts.filter((s) => s.at === 0)).toHaveLength(6);
    for (const window of [500, 1_000, 4_000]) {
      expect(busiest(starts, window)).toBeLessThanOrEqual(6 + Math.ceil(3 * (window / 1000)));
    }
    for (const who of users) {
      const own = starts.filter((s) => s.who === who);
      expect(own).toHaveLength(10);
      expect(busiest(own, 1_000)).toBeLessThanOrEqual(4 + 2);
    }
  });

  it("keeps tenants apart", async () => {
    const starts = await run(LIMITS, [
      ...Array.from({ length: 6 }, () => ({ who: "ada", tenant: "one" })),
      ...Array.from({ length: 4 }, () => ({ who: "zoe", tenant: "two" })),
    ]);
    expect(starts.filter((s) => s.who === "zoe").every((s) => s.at === 0)).toBe(true);
  });

  it("runs background calls at the background rate and never into the reserve people keep", async () => {
    const starts = await run(
      LIMITS,
      Array.from({ length: 5 }, () => ({ who: "sweep", background: true })),
    );
    // One at once (the tenant holds 6 > reserve 3), then one a second.
    expect(starts.map((s) => s.at).sort((a, b) => a - b)).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
  });

  it("makes background calls yield to people: while people use the tenant's calls, the sweep waits", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(LIMITS, clock);
    const starts: { who: string; at: number }[] = [];
    const call = async (who: string, background = false) => {
      await limiter.acquire({ user: who, tenant: "t", background });
      starts.push({ who, at: clock.now() });
    };
    // Two people take the tenant's whole burst; then a sweep call and more of theirs wait together.
    await Promise.all([...["ada", "ada", "ada", "ada", "bruno", "bruno"].map((who) => call(who))]);
    await Promise.all([call("sweep", true), call("chloe"), call("chloe"), call("bruno")]);
    const sweep = starts.find((s) => s.who === "sweep")!.at;
    const people = starts.filter((s) => s.who !== "sweep" && s.at > 0).map((s) => s.at);
    expect(people).toHaveLength(3);
    expect(sweep).toBeGreaterThan(Math.max(...people));
    // And only once the tenant bucket is back above the reserve (3 tokens at 3 a second after the people's last).
    expect(sweep - Math.max(...people)).toBeGreaterThanOrEqual(1_000);
  });

  it("refuses a person's call at once with rate_limited when their turn would pass maxWaitMs, saying when to retry", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ ...LIMITS, maxWaitMs: 1_000 }, clock);
    const outcomes = await Promise.all(
      Array.from({ length: 7 }, () =>
        limiter.acquire({ user: "ada", tenant: "t" }).then(
          (waited) => ({ waited, at: clock.now() }),
          (error: unknown) => ({ error, at: clock.now() }),
        ),
      ),
    );
    // Four at once, two within a second (at 2 a second), the seventh would wait 1.5 s: refused at once.
    const refused = outcomes.filter((o) => "error" in o);
    expect(refused).toHaveLength(1);
    const { error, at } = refused[0] as { error: unknown; at: number };
    expect(at).toBe(0);
    expect(isAnaplanError(error) && error.kind).toBe("rate_limited");
    expect(isAnaplanError(error) && error.retryAfterMs).toBe(1_500);
    expect((error as Error).message).toMatch(/try again in 2 seconds/);
  });

  it("refills to the burst, never beyond", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(LIMITS, clock);
    for (let i = 0; i < 4; i++) await limiter.acquire({ user: "ada", tenant: "t" });
    await clock.sleep(60_000);
    for (let i = 0; i < 4; i++) expect(await limiter.acquire({ user: "ada", tenant: "t" })).toBe(0);
    expect(await limiter.acquire({ user: "ada", tenant: "t" })).toBe(500);
  });
});
