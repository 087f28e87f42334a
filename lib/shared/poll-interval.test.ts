import { describe, expect, it } from "vitest";
import { pollInterval, POLL_FAST_MS, POLL_IDLE_MS, POLL_MEDIUM_MS, POLL_SLOW_MS } from "./poll-interval";

const now = 1_800_000_000_000;
const active = (ageMs: number) => ({ taskState: "IN_PROGRESS", creationTime: now - ageMs });

describe("pollInterval", () => {
  it("is slow when nothing is active, or stops when asked", () => {
    expect(pollInterval([], now)).toBe(POLL_IDLE_MS);
    expect(pollInterval(undefined, now)).toBe(POLL_IDLE_MS);
    expect(pollInterval([{ taskState: "COMPLETE", result: { successful: true } }], now)).toBe(POLL_IDLE_MS);
    expect(pollInterval([{ taskState: "CANCELLED" }], now, { idleMs: 0 })).toBe(0);
  });
  it("never polls faster than Anaplan's 5 s", () => {
    expect(pollInterval([active(0)], now)).toBe(POLL_FAST_MS);
    expect(POLL_FAST_MS).toBeGreaterThanOrEqual(5_000);
  });
  it("backs off by the age of the youngest active task", () => {
    expect(pollInterval([active(30_000)], now)).toBe(5_000);
    expect(pollInterval([active(2 * 60_000)], now)).toBe(POLL_MEDIUM_MS);
    expect(pollInterval([active(20 * 60_000)], now)).toBe(POLL_SLOW_MS);
    expect(pollInterval([active(20 * 60_000), active(10_000)], now)).toBe(POLL_FAST_MS);
  });
  it("counts queued and cancelling tasks, and tasks without a time as new", () => {
    expect(pollInterval([{ taskState: "NOT_STARTED", creationTime: now }], now)).toBe(POLL_FAST_MS);
    expect(pollInterval([{ taskState: "CANCELLING", creationTime: now - 600_000 }], now)).toBe(POLL_SLOW_MS);
    expect(pollInterval([{ taskState: "IN_PROGRESS" }], now)).toBe(POLL_FAST_MS);
    expect(pollInterval([{ taskState: "IN_PROGRESS", creationTime: now + 5_000 }], now)).toBe(POLL_FAST_MS);
  });
});
