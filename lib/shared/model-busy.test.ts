import { describe, expect, it } from "vitest";
import type { ActivityTask } from "./types";
import { busyFacts, queueNote } from "./model-busy";

const task = (taskId: string, exportId: string, taskState: ActivityTask["taskState"]): ActivityTask =>
  ({ taskId, exportId, exportName: exportId, taskState }) as ActivityTask;

const tasks = [task("AAA", "e1", "IN_PROGRESS"), task("BBB", "e2", "NOT_STARTED"), task("CCC", "e1", "NOT_STARTED")];

describe("busyFacts", () => {
  it("finds the lock holder (with Anaplan's suffix) and counts the queue", () => {
    const facts = busyFacts(tasks, "AAA-11", {});
    expect(facts.holder?.taskId).toBe("AAA");
    expect(facts.holderShown).toBe(false);
    expect(facts.queued).toBe(2);
  });
  it("says the holder is shown on its own export's page, not on another's", () => {
    expect(busyFacts(tasks, "AAA", { exportId: "e1" }).holderShown).toBe(true);
    expect(busyFacts(tasks, "AAA", { exportId: "e2" }).holderShown).toBe(false);
  });
  it("says the holder is shown when the page's table lists it", () => {
    expect(busyFacts(tasks, "AAA", { taskIds: ["AAA", "BBB"] }).holderShown).toBe(true);
    expect(busyFacts(tasks, "AAA", { taskIds: ["BBB"] }).holderShown).toBe(false);
  });
  it("knows no holder when the status names a task not in the list", () => {
    expect(busyFacts(tasks, "ZZZ", { exportId: "e1" })).toMatchObject({ holder: undefined, holderShown: false });
  });
});

describe("queueNote", () => {
  it("gives the place in line", () => {
    expect(queueNote(0)).toMatch(/runs first/);
    expect(queueNote(2)).toMatch(/number 3 in the queue \(2 already waiting\)/);
  });
});
