import { describe, expect, it } from "vitest";
import { canCancel, failureMessages, isActiveTask, taskKind, taskLabel } from "./task-state";

describe("taskKind", () => {
  it("maps every Anaplan state", () => {
    expect(taskKind({ taskState: "NOT_STARTED" })).toBe("queued");
    expect(taskKind({ taskState: "IN_PROGRESS" })).toBe("running");
    expect(taskKind({ taskState: "CANCELLING" })).toBe("cancelling");
    expect(taskKind({ taskState: "CANCELLED" })).toBe("cancelled");
  });
  it("never calls a failed COMPLETE a success", () => {
    expect(taskKind({ taskState: "COMPLETE", result: { successful: true } })).toBe("succeeded");
    expect(taskKind({ taskState: "COMPLETE", result: { successful: false } })).toBe("failed");
    expect(taskKind({ taskState: "COMPLETE" })).toBe("unknown");
    expect(taskLabel({ taskState: "COMPLETE", result: { successful: false } })).toBe("Failed");
  });
  it("shows unknown states in words", () => {
    expect(taskLabel({ taskState: "PAUSED_BY_ADMIN" })).toBe("Paused by admin");
    expect(taskLabel({ taskState: "COMPLETE" })).toBe("Finished");
  });
});

describe("activity and cancel", () => {
  it("keeps CANCELLING active but not cancellable", () => {
    expect(isActiveTask({ taskState: "CANCELLING" })).toBe(true);
    expect(canCancel({ taskState: "CANCELLING" })).toBe(false);
    expect(canCancel({ taskState: "NOT_STARTED" })).toBe(true);
    expect(canCancel({ taskState: "IN_PROGRESS" })).toBe(true);
    expect(isActiveTask({ taskState: "COMPLETE", result: { successful: true } })).toBe(false);
    expect(isActiveTask({ taskState: "CANCELLED" })).toBe(false);
  });
  it("collects every failure message", () => {
    const task = {
      result: { successful: false, details: [{ localMessageText: " A " }, { type: "x" }, { localMessageText: "B" }] },
    };
    expect(failureMessages(task)).toEqual(["A", "B"]);
    expect(failureMessages({})).toEqual([]);
  });
});
