import { describe, expect, it } from "vitest";
import { apiPaths } from "./api-paths";
import { isStaleAfter, liveNotice, type LiveEvent } from "./live-events";

const W = "8a81948849b9c4e2014a30802f5a02e4";
const M = "75A40874E6B64FA3AE0743278996850F";
const E = "116000000001";
const event: LiveEvent = {
  exportId: E,
  exportName: "Revenue by Region - Data.csv",
  taskId: "T1",
  kind: "started",
  state: "NOT_STARTED",
  actor: "Bruno Díaz",
  at: 1,
  byYou: false,
};

describe("what a page says about a new run", () => {
  it("names who started it, or that it was started outside; nothing for your own or for other kinds", () => {
    expect(liveNotice(event)).toBe("Bruno Díaz started Revenue by Region - Data.csv");
    expect(liveNotice({ ...event, actor: null })).toBe("Revenue by Region - Data.csv was started outside Export Desk");
    expect(liveNotice({ ...event, byYou: true })).toBeNull();
    expect(liveNotice({ ...event, kind: "state" })).toBeNull();
  });
});

describe("which SWR keys an event makes stale", () => {
  const stale = (key: string, e: { exportId: string } | null = event) => isStaleAfter(W, M, e, key);
  it("the model's activity and runs, and that export's tasks; not another export's, nor the catalogue", () => {
    expect(stale(apiPaths.activity(W, M))).toBe(true);
    expect(stale(apiPaths.runs(W, M, "export=116000000001&limit=20"))).toBe(true);
    expect(stale(apiPaths.exportTasks(W, M, E))).toBe(true);
    expect(stale(apiPaths.task(W, M, E, "T1"))).toBe(true);
    expect(stale(apiPaths.exportTasks(W, M, "116000000002"))).toBe(false);
    expect(stale(apiPaths.exports(W, M))).toBe(false);
    expect(stale(apiPaths.activity(W, "OTHER"))).toBe(false);
  });

  it("after a reconnect, every export's tasks", () => {
    expect(stale(apiPaths.exportTasks(W, M, "116000000002"), null)).toBe(true);
    expect(stale(apiPaths.exportDetail(W, M, E), null)).toBe(false);
  });
});
