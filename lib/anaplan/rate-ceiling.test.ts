import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAnaplanApi } from "./api";
import { isAnaplanError } from "./errors";
import { onUpstreamCall } from "./http";
import {
  createRateLimiter,
  inBackground,
  setRateLimiterForTests,
  type LimiterClock,
  type RateLimits,
} from "./rate-limit";
import { SEED, startSim, type SimHandle } from "./testing/sim";

/** The ceiling as the client applies it, against the simulator; time is an injected clock that jumps on sleep. */
let h: SimHandle;
beforeAll(async () => {
  h = await startSim();
});
afterAll(async () => {
  await h.sim.close();
});
afterEach(() => {
  setRateLimiterForTests(undefined);
  onUpstreamCall(undefined);
});

const W = SEED.workspaces.finance;
const M = SEED.models.fpa;
const LIMITS: RateLimits = {
  userPerSecond: 1,
  userBurst: 2,
  tenantPerSecond: 10,
  tenantBurst: 20,
  backgroundPerSecond: 0.5,
  backgroundReserve: 10,
  maxWaitMs: 5_000,
};

function jumpingClock(): LimiterClock & { slept: number[] } {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    async sleep(ms) {
      slept.push(ms);
      now += ms;
    },
  };
}

async function setUp(limits = LIMITS) {
  await h.reset();
  const clock = jumpingClock();
  setRateLimiterForTests(createRateLimiter(limits, clock));
  const api = createAnaplanApi({ token: await h.token(), urls: h.urls, rate: { user: "ada", tenant: "t" } });
  const waits: number[] = [];
  onUpstreamCall((waited) => waits.push(waited));
  return { api, clock, waits };
}

describe("the client honours the ceiling on every call", () => {
  it("paces a person's calls after their burst and reports each call's wait", async () => {
    const { api, waits } = await setUp();
    for (let i = 0; i < 4; i++) await api.modelStatus(W, M);
    expect(waits).toEqual([0, 0, 1_000, 1_000]);
    expect(await h.requests({ path: /\/status$/ })).toHaveLength(4);
  });

  it("counts a retry as a call", async () => {
    const { api, waits } = await setUp();
    await h.fault({ method: "GET", path: "/status$", times: 1, status: 503 });
    await api.modelStatus(W, M);
    await api.modelStatus(W, M);
    expect(waits).toEqual([0, 0, 1_000]);
  });

  it("refuses a person's call that would wait too long before anything reaches Anaplan, saying when to retry", async () => {
    const { api } = await setUp({ ...LIMITS, userPerSecond: 0.1, maxWaitMs: 5_000 });
    await api.modelStatus(W, M);
    await api.modelStatus(W, M);
    const refused = await api.modelStatus(W, M).catch((e: unknown) => e);
    expect(isAnaplanError(refused) && refused.kind).toBe("rate_limited");
    expect(isAnaplanError(refused) && refused.retryAfterMs).toBe(10_000);
    expect((refused as Error).message).toMatch(
      /^Export Desk is pacing its calls to Anaplan .* try again in 10 seconds\.$/,
    );
    expect(await h.requests({ path: /\/status$/ })).toHaveLength(2);
  });

  it("runs calls made in the background at the background rate", async () => {
    const { api, waits } = await setUp();
    await inBackground(async () => {
      for (let i = 0; i < 3; i++) await api.modelStatus(W, M);
    });
    expect(waits).toEqual([0, 2_000, 2_000]);
  });

  it("does not limit a client created without a rate key (the auth services, tests)", async () => {
    await setUp({ ...LIMITS, userBurst: 1, userPerSecond: 0.001 });
    const free = createAnaplanApi({ token: await h.token(), urls: h.urls });
    const waits: number[] = [];
    onUpstreamCall((waited) => waits.push(waited));
    for (let i = 0; i < 3; i++) await free.modelStatus(W, M);
    expect(waits).toEqual([0, 0, 0]);
  });
});
