import { describe, expect, it } from "vitest";
import type { Run } from "./runs";
import { LARGE_DOWNLOAD_BYTES, ownLatestRun, resultLine, resultSize, someoneElsesFile } from "./latest-result";

const ada = { email: "ada@example.com", name: "Ada Lovelace" };
const bruno = { email: "bruno@example.com", name: "Bruno" };
const run = (over: Partial<Run>): Run => ({
  taskId: "T",
  exportId: "E",
  exportName: "Revenue",
  startedBy: ada,
  startedAt: "2026-12-02T16:28:00Z",
  finishedAt: "2026-12-02T16:28:15Z",
  outcome: "succeeded",
  durationMs: 15_000,
  failure: null,
  cancelledBy: null,
  downloads: [],
  ...over,
});

describe("ownLatestRun", () => {
  const runs = [
    run({ taskId: "1", startedBy: bruno }),
    run({ taskId: "2", outcome: "failed" }),
    run({ taskId: "3" }),
    run({ taskId: "4" }),
  ];
  it("is the person's newest succeeded run, whatever the email's case", () => {
    expect(ownLatestRun(runs, "ADA@example.com")?.taskId).toBe("3");
    expect(ownLatestRun(runs, "bruno@example.com")?.taskId).toBe("1");
  });
  it("is nothing for someone without a run, or without an email", () => {
    expect(ownLatestRun(runs, "cleo@example.com")).toBeUndefined();
    expect(ownLatestRun(runs, undefined)).toBeUndefined();
  });
  it("skips runs started outside Export Desk", () => {
    expect(ownLatestRun([run({ startedBy: null })], ada.email)).toBeUndefined();
  });
});

describe("resultSize", () => {
  const downloaded = run({
    downloads: [
      { by: bruno, at: "2026-12-02T16:30:00Z", bytes: 10, complete: false },
      { by: ada, at: "2026-12-02T16:31:00Z", bytes: 3_300_000_000, complete: true },
    ],
  });
  it("prefers the exact length, then the last complete download, then the estimate", () => {
    expect(resultSize(1234, downloaded, 99)).toEqual({ bytes: 1234, exact: true });
    expect(resultSize(undefined, downloaded, 99)).toEqual({ bytes: 3_300_000_000, exact: true });
    expect(resultSize(undefined, run({}), 99)).toEqual({ bytes: 99, exact: false });
    expect(resultSize(undefined, undefined, undefined)).toBeUndefined();
  });
  it("ignores a download that broke off", () => {
    const broken = run({ downloads: [{ by: ada, at: "x", bytes: 10, complete: false }] });
    expect(resultSize(undefined, broken, 500)).toEqual({ bytes: 500, exact: false });
  });
  it("asks first above one gigabyte", () => {
    expect(3_300_000_000 > LARGE_DOWNLOAD_BYTES).toBe(true);
  });
});

describe("resultLine", () => {
  it("says the size, rough when estimated, and which run made the file", () => {
    expect(resultLine({ bytes: 3_300_000_000, exact: false }, run({}), "en-GB", "UTC")).toBe(
      "≈ 3.3 GB · from your run at 16:28",
    );
    expect(resultLine({ bytes: 2_000, exact: true }, undefined, "en-GB", "UTC")).toBe("2 kB");
    expect(resultLine(undefined, run({ finishedAt: null }), "en-GB", "UTC")).toBe("from your run at 16:28");
  });
});

describe("someoneElsesFile", () => {
  const runs = [run({ startedBy: ada }), run({ startedBy: bruno })];
  it("names whose run made the newest file and how long a run usually takes", () => {
    expect(someoneElsesFile(runs, bruno.email, 15_000)).toBe(
      "Ada Lovelace’s run made a file only they can download; run it yourself — usually about 15 s.",
    );
    expect(someoneElsesFile(runs, bruno.email, undefined)).toMatch(/run it yourself\.$/);
  });
  it("is nothing to the person who ran it, or when the run was started outside Export Desk", () => {
    expect(someoneElsesFile(runs, ada.email, 15_000)).toBeUndefined();
    expect(someoneElsesFile([run({ startedBy: null })], bruno.email, 15_000)).toBeUndefined();
    expect(someoneElsesFile([], bruno.email, 15_000)).toBeUndefined();
  });
});
