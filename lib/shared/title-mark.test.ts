import { describe, expect, it } from "vitest";
import { markedTitle, titleMark } from "./title-mark";

const result = { successful: true, failureDumpAvailable: false, objectId: "1" };

describe("titleMark", () => {
  it("shows progress while the run is going", () => {
    expect(titleMark({ taskId: "a", taskState: "IN_PROGRESS", progress: 0.394 }, false)).toBe("▶ 39%");
    expect(titleMark({ taskId: "a", taskState: "NOT_STARTED" }, false)).toBe("▶");
  });
  it("marks how a watched run ended", () => {
    expect(titleMark({ taskId: "a", taskState: "COMPLETE", result }, true)).toBe("✓");
    expect(titleMark({ taskId: "a", taskState: "COMPLETE", result: { ...result, successful: false } }, true)).toBe("✗");
    expect(titleMark({ taskId: "a", taskState: "CANCELLED" }, true)).toBe("✗");
  });
  it("says nothing about runs that were over before the page opened, or no run", () => {
    expect(titleMark({ taskId: "a", taskState: "COMPLETE", result }, false)).toBe("");
    expect(titleMark(undefined, false)).toBe("");
  });
});

describe("markedTitle", () => {
  it("puts the mark in front", () => {
    expect(markedTitle("R.csv · FP&A · Export Desk", "✓")).toBe("✓ R.csv · FP&A · Export Desk");
    expect(markedTitle("R.csv · Export Desk", "")).toBe("R.csv · Export Desk");
    expect(markedTitle("▶ 39% R.csv · Export Desk", "✗")).toBe("✗ R.csv · Export Desk");
    expect(markedTitle("▶ R.csv", "")).toBe("R.csv");
  });
});
